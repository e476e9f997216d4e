import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';
import { type LedgerConfig } from '../config/ledger-config';
import { EVENT_STORE, LEDGER_CONFIG, PROJECTION_RUNNER } from '../tokens';


export const projectionRunnerProvider: Provider = {
  provide: PROJECTION_RUNNER,
  inject: [EVENT_STORE, LEDGER_CONFIG],
  // A 100 ms budget per batch: a catch-up of millions of events never keeps a request waiting longer than about that.
  useFactory: (store: EventStore, config: LedgerConfig) => new ProjectionRunner(store, config.readDbPath, allProjections(), { backgroundCheckpoints: true, batchBudgetMs: 100 }),
};

/** Runs the projections in-process with the API unless a separate projector (or the lead process) owns them: then it follows their checkpoints. */
@Injectable()
export class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** A read-model file of another log stops the start (ForeignReadModelsError): its figures would be served as this log's. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.checkedHead();
    if (this.config.projector === 'in-process') this.runner.start();
    else this.runner.follow();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}
