import type { Provider } from '@nestjs/common';
import { EsdbEventStore, MemoryEventStore, PostgresEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { type LedgerConfig } from '../config/ledger-config';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG } from '../tokens';

export type Clock = () => Date;

export const clockProvider: Provider = { provide: CLOCK, useValue: (() => new Date()) satisfies Clock };

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [LEDGER_CONFIG, CLOCK],
  useFactory: (config: LedgerConfig, clock: Clock): EventStore => {
    switch (config.store) {
      case 'sqlite':
        return new SqliteEventStore({ path: config.dbPath, clock, backgroundCheckpoints: true });
      case 'postgres':
        return new PostgresEventStore({ url: config.pgUrl as string, clock });
      case 'esdb':
        return new EsdbEventStore(config.esdbUrl as string, clock);
      case 'memory':
        return new MemoryEventStore(clock);
    }
  },
};
