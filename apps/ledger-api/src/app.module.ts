import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config';
import { HealthController } from './health/health.controller';
import { httpLoggerOptions } from './http/http-logger';
import { ProblemFilter } from './http/problem.filter';
import { PROJECT_COMMAND_HANDLERS } from './projects/commands/project-command.handlers';
import { ProjectCommandExecutor } from './projects/commands/project-command-executor';
import { ProjectsController } from './projects/projects.controller';
import { PROJECT_QUERY_HANDLERS } from './projects/queries/project.queries';
import { EVENT_STORE, clockProvider, eventStoreProvider } from './store/store.providers';

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static register(config: LedgerConfig) {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), TerminusModule, LoggerModule.forRoot(httpLoggerOptions(config))],
      controllers: [ProjectsController, HealthController],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        clockProvider,
        eventStoreProvider,
        ProjectCommandExecutor,
        ...PROJECT_COMMAND_HANDLERS,
        ...PROJECT_QUERY_HANDLERS,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
