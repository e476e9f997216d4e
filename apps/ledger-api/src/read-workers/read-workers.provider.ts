import { availableParallelism } from 'node:os';
import type { Provider } from '@nestjs/common';
import { type LedgerConfig } from '../config/ledger-config';
import { ReadWorkerPool } from './read-worker-pool';
import { LEDGER_CONFIG, READ_WORKERS } from '../tokens';


/**
 * One worker per core beyond the request thread's, at most two: on two cores a second busy worker
 * would take CPU time from the thread that answers officers' writes.
 */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

export const readWorkersProvider: Provider = {
  provide: READ_WORKERS,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => new ReadWorkerPool({ logPath: config.store === 'sqlite' ? config.dbPath : undefined, readModelPath: config.readDbPath }, POOL_SIZE),
};
