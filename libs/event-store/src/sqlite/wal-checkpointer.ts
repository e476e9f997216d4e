import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** What one background checkpoint did (SQLite's wal_checkpoint result). */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** Size the WAL file is cut back to when SQLite restarts it (journal_size_limit). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

// Plain CommonJS run by the worker: the compiled and the jest-transformed code can both start it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const tick = (id) => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ id, result });
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY') parentPort.postMessage({ id, error: String(error.message) });
    else if (id !== undefined) parentPort.postMessage({ id, result: { busy: 1, log: -1, checkpointed: -1 } });
  }
};
setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => m && m.checkpoint !== undefined && tick(m.checkpoint));
`;

/**
 * Moves WAL checkpoints off the thread that serves requests. better-sqlite3 is synchronous, and
 * SQLite's automatic checkpoint (every ~1000 pages) copies the WAL into the database file and
 * fsyncs it inside some unlucky commit: a 10–30 ms stall for every request queued behind it.
 * Here a worker thread with its own connection runs PASSIVE checkpoints (they never block writers)
 * and the connection's automatic checkpoint is turned off. If the worker stops, automatic
 * checkpoints are turned back on, so the WAL never grows without bound.
 *
 * A PASSIVE checkpoint alone does not bound the WAL under a steady writer (a projector catching
 * up): the file is only rewound when a write transaction starts with every frame already copied,
 * which never happens while frames arrive faster than the interval copies them. A writer that
 * writes in batches therefore calls `keepWalUnder` between batches: it waits for one complete
 * checkpoint, so its next transaction restarts the WAL and `journal_size_limit` cuts the file back.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;
  private nextId = 0;
  private readonly pending = new Map<number, (result: CheckpointResult | undefined) => void>();
  /** A checkpoint started for the writer while it goes on (keepWalUnder under the bound). */
  private ahead?: Promise<unknown>;
  lastResult?: CheckpointResult;
  lastError?: string;

  constructor(
    private readonly db: Database.Database,
    intervalMs = 1000,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: db.name, intervalMs, driver: require.resolve('better-sqlite3') } });
    this.worker.unref();
    this.worker.on('message', (m: { id?: number; result?: CheckpointResult; error?: string }) => {
      if (m.result) this.lastResult = m.result;
      if (m.error) this.lastError = m.error;
      if (m.id !== undefined) this.settle(m.id, m.result);
    });
    this.worker.on('error', (error) => {
      this.lastError = error.message;
      this.fallBack();
    });
    this.worker.on('exit', () => this.fallBack());
  }

  /** Ask for a checkpoint now (tests; the interval does it otherwise). */
  requestCheckpoint(): void {
    void this.checkpoint();
  }

  /** One checkpoint, answered when the worker has run it (undefined if it could not). */
  checkpoint(): Promise<CheckpointResult | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ checkpoint: id });
    });
  }

  /** Bytes in the WAL file now (0 when there is none). */
  walBytes(): number {
    try {
      return statSync(`${this.db.name}-wal`).size;
    } catch {
      return 0;
    }
  }

  /**
   * For a batch writer between two batches: when the WAL is over `limitBytes`, wait for a complete
   * checkpoint; under it, start one (unless one is running) and go on. Copying frames while the
   * writer works means the wait, when it comes, has less left to copy: at 1M events a replica's
   * catch-up waited 0.5–0.9 s for checkpoints without this, 0.38–0.45 s with it.
   */
  async keepWalUnder(limitBytes = WAL_SIZE_LIMIT_BYTES): Promise<void> {
    if (this.walBytes() > limitBytes) await this.checkpoint();
    else this.ahead ??= this.checkpoint().finally(() => (this.ahead = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private settle(id: number, result: CheckpointResult | undefined): void {
    this.pending.get(id)?.(result);
    this.pending.delete(id);
  }

  private fallBack(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, undefined);
    if (!this.stopped && this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }
}
