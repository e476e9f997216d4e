import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../store/store.providers';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        const check = this.indicator.check('eventStore');
        try {
          return check.up({ headPosition: (await this.store.headPosition()).toString() });
        } catch (error) {
          return check.down({ error: (error as Error).message });
        }
      },
    ]);
  }
}
