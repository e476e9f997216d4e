import type { EventStore } from '@ledger/event-store';
import { loadStoreConfig, type StoreConfig } from '../../ledger-api/src/config/ledger-config';
import { openEventStore } from '../../ledger-api/src/store/open-event-store';

/** The CLI reads the same environment as the API, so both always point at the same log. */
export function openStore(overrides: Partial<Record<string, string>> = {}): { config: StoreConfig; store: EventStore } {
  const config = loadStoreConfig({ ...process.env, ...overrides });
  // A log in memory lives only inside the API's process: the CLI reads the SQLite file the configuration names.
  const log = config.store === 'memory' ? { ...config, store: 'sqlite' as const } : config;
  return { config, store: openEventStore(log, () => new Date(), false) };
}
