import { EsdbEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { loadLedgerConfig, type LedgerConfig } from '../../ledger-api/src/config/ledger-config';

/** The CLI reads the same environment as the API, so both always point at the same files. */
export function openStore(overrides: Partial<Record<string, string>> = {}): { config: LedgerConfig; store: EventStore } {
  const config = loadLedgerConfig({ ...process.env, ...overrides });
  const store = config.store === 'esdb' ? new EsdbEventStore(config.esdbUrl as string) : new SqliteEventStore({ path: config.dbPath });
  return { config, store };
}
