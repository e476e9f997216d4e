import { EsdbEventStore, PostgresEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { loadLedgerConfig, type LedgerConfig } from '../../ledger-api/src/config/ledger-config';

/** The CLI reads the same environment as the API, so both always point at the same log. */
export function openStore(overrides: Partial<Record<string, string>> = {}): { config: LedgerConfig; store: EventStore } {
  const config = loadLedgerConfig({ ...process.env, ...overrides });
  switch (config.store) {
    case 'esdb':
      return { config, store: new EsdbEventStore(config.esdbUrl as string) };
    case 'postgres':
      return { config, store: new PostgresEventStore({ url: config.pgUrl as string }) };
    default:
      return { config, store: new SqliteEventStore({ path: config.dbPath }) };
  }
}
