import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@ledger/event-store';
import type { ProjectionStatus, ReadModelRunner } from '@ledger/projections';
import { problem } from '../http/problem';
import { Public } from '../auth/roles';
import { type SecurityEvents } from '../auth/security-events';
import { reportCacheMetrics, type CachedAnswer, type LogAnswers } from '../reports/report-cache.interceptor';
import type { ReportCache } from '@ledger/reporting';
import { processRole } from '../processes/serving-processes';
import { EVENT_STORE, LOG_ANSWERS, PROJECTION_RUNNER, REPORT_CACHE, SECURITY_EVENTS } from '../tokens';

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadModelRunner,
    @Inject(SECURITY_EVENTS) private readonly security: SecurityEvents,
    @Inject(REPORT_CACHE) private readonly reportCache: ReportCache<CachedAnswer> | null,
    @Inject(LOG_ANSWERS) private readonly logAnswers: LogAnswers | null,
  ) {}

  /**
   * Store reachable, and every projection without a pending error (lag is reported, not judged). Down, the
   * problem says why in its detail and carries every check's state, as the answer when up does.
   */
  @Get('health')
  @HealthCheck()
  async check() {
    try {
      return await this.checks();
    } catch (error) {
      const result = error instanceof ServiceUnavailableException ? (error.getResponse() as HealthResult) : undefined;
      if (!result?.error) throw error;
      const why = whyDown(result.error);
      throw new ServiceUnavailableException(problem(503, 'UNHEALTHY', 'Not healthy', why, { retryAfterSeconds: 5, checks: result.details, params: { why } }));
    }
  }

  private checks() {
    return this.health.check([
      async () => {
        const check = this.indicator.check('eventStore');
        try {
          return check.up({ headPosition: (await this.store.headPosition()).toString() });
        } catch (error) {
          return check.down({ error: (error as Error).message });
        }
      },
      () => {
        const check = this.indicator.check('projections');
        const status = this.runner.status();
        return status.some((s) => s.lastError) ? check.down({ projections: status }) : check.up({ projections: status });
      },
    ]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const lines = [
      // With LEDGER_HTTP_PROCESSES > 1 every process counts for itself: a scrape says which one answered.
      '# HELP ledger_process_info The serving process that answered this scrape (lead: the one that projects).',
      '# TYPE ledger_process_info gauge',
      `ledger_process_info{pid="${process.pid}",role="${processRole()}"} 1`,
      '# HELP ledger_events_total Events in the log.',
      '# TYPE ledger_events_total gauge',
      `ledger_events_total ${await this.store.count()}`,
      '# HELP ledger_head_position Global position of the last event.',
      '# TYPE ledger_head_position gauge',
      `ledger_head_position ${await this.store.headPosition()}`,
      '# HELP ledger_projection_checkpoint Last position processed by a read model.',
      '# TYPE ledger_projection_checkpoint gauge',
      '# HELP ledger_projection_lag Positions behind the head.',
      '# TYPE ledger_projection_lag gauge',
      '# HELP ledger_projection_failing 1 while the last catch-up failed.',
      '# TYPE ledger_projection_failing gauge',
    ];
    for (const s of this.runner.status()) {
      lines.push(`ledger_projection_checkpoint{projection="${s.name}"} ${s.checkpoint}`, `ledger_projection_lag{projection="${s.name}"} ${s.lag}`, `ledger_projection_failing{projection="${s.name}"} ${s.lastError ? 1 : 0}`);
    }
    lines.push(...this.security.metrics(), ...reportCacheMetrics(this.reportCache, this.logAnswers));
    return `${lines.join('\n')}\n`;
  }
}

/** What terminus answers when a check is down. */
interface HealthResult {
  error?: Record<string, DownCheck>;
  details: Record<string, unknown>;
}

type DownCheck = { error?: string; projections?: readonly ProjectionStatus[] };

/** Each check that is down with its distinct reasons: "projections: the read models are being replayed …". */
function whyDown(down: Record<string, DownCheck>): string {
  return Object.entries(down)
    .map(([name, check]) => {
      const reasons = check.error ? [check.error] : [...new Set((check.projections ?? []).flatMap((p) => (p.lastError ? [p.lastError] : [])))];
      return `${name}: ${reasons.join('; ') || 'down'}`;
    })
    .join('. ');
}
