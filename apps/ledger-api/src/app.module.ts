import { createSecretKey } from 'node:crypto';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { IdentityThrottlerGuard, throttlerOptions } from './http/throttling';
import { AuditController } from './audit/audit.controller';
import { AnchorLifecycle } from './audit/anchor-lifecycle';
import { AuthGuard } from './auth/auth.guard';
import { AUTH_PROVIDERS } from './auth/auth.providers';
import { UsersController } from './users/users.controller';
import { MeController } from './auth/me.controller';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { EventStore } from '@ledger/event-store';
import { type LedgerConfig } from './config/ledger-config';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { httpLoggerOptions } from './http/http-logger';
import { ProblemFilter } from './http/problem.filter';
import { RecordProjectActHandler, writeDepsProvider } from './projects/commands/record-project-act';
import { ProjectsController } from './projects/projects.controller';
import { PROJECT_QUERY_HANDLERS } from './projects/queries/project.queries';
import { ProjectionLifecycle, projectionRunnerProvider } from './read-models/read-models.providers';
import { REPORT_QUERY_HANDLERS } from './reports/report.queries';
import { ReportsController } from './reports/reports.controller';
import { ReportScope } from './reports/report-scope';
import { ReportExportInterceptor } from './reports/export/report-export.interceptor';
import { logAnswersProvider, ReportCacheInterceptor, reportCacheProvider } from './reports/report-cache.interceptor';
import { NarrativeController } from './reports/narrative/narrative.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { WorkspaceController } from './workspace/workspace.controller';
import { referenceDataProvider, unitsProvider } from './reports/units.provider';
import { ResponseFormatGuard } from './http/response-format.guard';
import type { ReadWorkerPool } from './read-workers/read-worker-pool';
import { readWorkersProvider } from './read-workers/read-workers.provider';
import { clockProvider, eventStoreProvider } from './store/store.providers';
import { DossiersController } from './dossiers/dossiers.controller';
import { DossierWriter } from './dossiers/dossier-writer';
import { dossierConfigProvider } from './dossiers/dossier-config.provider';
import { DOSSIER_QUERY_HANDLERS } from './dossiers/dossier.queries';
import { OPERATIONS_CONTROLLERS, OPERATIONS_PROVIDERS } from './operations/operations.wiring';
import { EARLY_PROJECTOR_THREAD, EVENT_STORE, LEDGER_CONFIG, READ_WORKERS } from './tokens';
import type { ProjectorThread } from './read-models/projector-thread-spawn';

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_WORKERS) private readonly workers: ReadWorkerPool,
  ) {}

  /** @projectorThread: spawned by main.ts before the modules loaded (projectorFilesOf(config)). */
  static register(config: LedgerConfig, projectorThread?: ProjectorThread) {
    return {
      module: AppModule,
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every verify.
      imports: [CqrsModule.forRoot(), TerminusModule, LoggerModule.forRoot(httpLoggerOptions(config)), JwtModule.register({ secret: createSecretKey(Buffer.from(config.jwtSecret)) }), ThrottlerModule.forRoot(throttlerOptions(config))],
      controllers: [ProjectsController, ReportsController, NarrativeController, AuditController, UsersController, MeController, HealthController, DashboardController, WorkspaceController, ImportsController, DossiersController, ...OPERATIONS_CONTROLLERS],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: EARLY_PROJECTOR_THREAD, useValue: projectorThread ?? null },
        clockProvider,
        eventStoreProvider,
        referenceDataProvider,
        unitsProvider,
        writeDepsProvider,
        RecordProjectActHandler,
        ...AUTH_PROVIDERS,
        projectionRunnerProvider,
        ProjectionLifecycle,
        AnchorLifecycle,
        readWorkersProvider,
        ...REPORT_QUERY_HANDLERS,
        ...PROJECT_QUERY_HANDLERS,
        ReportScope,
        reportCacheProvider,
        logAnswersProvider,
        dossierConfigProvider,
        DossierWriter,
        ...DOSSIER_QUERY_HANDLERS,
        ...OPERATIONS_PROVIDERS,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: IdentityThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ResponseFormatGuard },
        // Outermost: a kept answer skips the export interceptor, the pipes and the handler.
        { provide: APP_INTERCEPTOR, useClass: ReportCacheInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReportExportInterceptor },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.workers.close();
    await this.store.close();
  }
}
