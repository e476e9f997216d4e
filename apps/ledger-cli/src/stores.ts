import { EsdbEventStore, PostgresEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { loadStoreConfig, type StoreConfig } from '../../ledger-api/src/config/ledger-config';

/** The CLI reads the same environment as the API, so both always point at the same log. */
export function openStore(overrides: Partial<Record<string, string>> = {}): { config: StoreConfig; store: EventStore } {
  const config = loadStoreConfig({ ...process.env, ...overrides });
  switch (config.store) {
    case 'esdb':
      return { config, store: new EsdbEventStore(config.esdbUrl as string) };
    case 'postgres':
      return { config, store: new PostgresEventStore({ url: config.pgUrl as string }) };
    default:
      return { config, store: new SqliteEventStore({ path: config.dbPath }) };
  }
}
