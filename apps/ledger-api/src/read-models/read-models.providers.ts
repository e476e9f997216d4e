import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections, type ReadModelRunner } from '@ledger/projections';
import type { LedgerConfig } from '../config/ledger-config';
import { EARLY_PROJECTOR_THREAD, EVENT_STORE, LEDGER_CONFIG, PROJECTION_RUNNER } from '../tokens';
import { projectorFilesOf, type ProjectorThread } from './projector-thread-spawn';
import { ThreadedProjector } from './threaded-projector';

export const projectionRunnerProvider: Provider = {
  provide: PROJECTION_RUNNER,
  inject: [EVENT_STORE, LEDGER_CONFIG, EARLY_PROJECTOR_THREAD],
  useFactory: (store: EventStore, config: LedgerConfig, early: ProjectorThread | null): ReadModelRunner => {
    const files = projectorFilesOf(config);
    if (files) return new ThreadedProjector(store, files, early ?? undefined);
    // On the request thread (a log or read models in memory, which another thread cannot open), or
    // following another projector: a 100 ms budget per batch keeps a request waiting no longer than about that.
    return new ProjectionRunner(store, config.readDbPath, allProjections(), { backgroundCheckpoints: true, batchBudgetMs: 100 });
  },
};

/** Runs the projections in-process with the API unless a separate projector (or the lead process) owns them: then it follows their checkpoints. */
@Injectable()
export class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadModelRunner,
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
