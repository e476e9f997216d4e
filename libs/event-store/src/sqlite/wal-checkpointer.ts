import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** What one background checkpoint did (SQLite's wal_checkpoint result). */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

// Plain CommonJS run by the worker: the compiled and the jest-transformed code can both start it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ result });
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY') parentPort.postMessage({ error: String(error.message) });
  }
};
setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => m === 'checkpoint' && tick());
`;

/**
 * Moves WAL checkpoints off the thread that serves requests. better-sqlite3 is synchronous, and
 * SQLite's automatic checkpoint (every ~1000 pages) copies the WAL into the database file and
 * fsyncs it inside some unlucky commit: a 10–30 ms stall for every request queued behind it.
 * Here a worker thread with its own connection runs PASSIVE checkpoints (they never block writers)
 * and the connection's automatic checkpoint is turned off. If the worker stops, automatic
 * checkpoints are turned back on, so the WAL never grows without bound.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;
  lastResult?: CheckpointResult;
  lastError?: string;

  constructor(
    private readonly db: Database.Database,
    intervalMs = 1000,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: db.name, intervalMs, driver: require.resolve('better-sqlite3') } });
    this.worker.unref();
    this.worker.on('message', (m: { result?: CheckpointResult; error?: string }) => {
      if (m.result) this.lastResult = m.result;
      if (m.error) this.lastError = m.error;
    });
    this.worker.on('error', (error) => {
      this.lastError = error.message;
      this.fallBack();
    });
    this.worker.on('exit', () => this.fallBack());
  }

  /** Ask for a checkpoint now (tests; the interval does it otherwise). */
  requestCheckpoint(): void {
    this.worker.postMessage('checkpoint');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private fallBack(): void {
    if (!this.stopped && this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }
}
