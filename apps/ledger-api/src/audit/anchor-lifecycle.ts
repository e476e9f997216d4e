import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AnchorDirectory, AnchorPublisher, signingKey, type EventStore } from '@ledger/event-store';
import { type LedgerConfig } from '../config/ledger-config';
import { EVENT_STORE, LEDGER_CONFIG } from '../tokens';

/** Publishes signed head digests to LEDGER_ANCHOR_DIR while the API runs (nothing when unset). */
@Injectable()
export class AnchorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Anchors');
  private publisher?: AnchorPublisher;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { anchors, digestKeyPath } = this.config;
    if (!anchors || !digestKeyPath) return;
    this.publisher = new AnchorPublisher({
      store: this.store,
      sink: new AnchorDirectory(anchors.dir),
      privateKey: signingKey(digestKeyPath, (line) => this.logger.warn(line)),
      everyEvents: anchors.everyEvents,
      everyMs: anchors.everyMinutes * 60_000,
      log: { info: (line) => this.logger.log(line), error: (line) => this.logger.error(line) },
    });
    await this.publisher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.close();
  }
}
