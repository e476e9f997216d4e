import type { Provider } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { ReadWorkerPool } from './read-worker-pool';

export const READ_WORKERS = Symbol('READ_WORKERS');

/** Two workers: one long export or verification leaves the other free (and the request thread always). */
export const readWorkersProvider: Provider = {
  provide: READ_WORKERS,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => new ReadWorkerPool({ logPath: config.store === 'sqlite' ? config.dbPath : undefined, readModelPath: config.readDbPath }, 2),
};
