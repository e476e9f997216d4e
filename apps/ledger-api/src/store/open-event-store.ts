import { EsdbEventStore, MemoryEventStore, PostgresEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import type { StoreConfig } from '../config/ledger-config';

/** What opening the log needs of the configuration (a worker thread is given just this). */
export type LogLocation = Pick<StoreConfig, 'store' | 'dbPath' | 'pgUrl' | 'esdbUrl'>;

/** The configured log. @backgroundCheckpoints: the writer's (SQLite WAL checkpoints on a worker); a reader needs none. */
export function openEventStore(log: LogLocation, clock: () => Date, backgroundCheckpoints: boolean): EventStore {
  switch (log.store) {
    case 'sqlite':
      return new SqliteEventStore({ path: log.dbPath, clock, backgroundCheckpoints });
    case 'postgres':
      return new PostgresEventStore({ url: log.pgUrl as string, clock });
    case 'esdb':
      return new EsdbEventStore(log.esdbUrl as string, clock);
    case 'memory':
      return new MemoryEventStore(clock);
  }
}
