import type Database from 'better-sqlite3';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Puts a read-write connection's file in WAL mode (a no-op once it is). Two processes opening a
 * fresh file at once both convert it: the one that must turn its read into a write while the other
 * writes gets SQLITE_BUSY at once, since SQLite never calls the busy handler there (waiting could
 * deadlock). It tries again until the other has converted the file, then finds it in WAL mode.
 */
export function enterWalMode(db: Database.Database, timeoutMs = 10_000): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 10); // the constructors that call this are synchronous
    }
  }
}
