import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { SqliteEventStore } from './sqlite-event-store';
import Database from 'better-sqlite3';
import { WalCheckpointer } from './wal-checkpointer';

const dir = mkdtempSync(join(tmpdir(), 'ledger-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (condition: () => boolean, timeoutMs = 5000) => {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function givenStoreWithAppends(name: string, events: number): Promise<SqliteEventStore> {
  const store = new SqliteEventStore({ path: join(dir, name), backgroundCheckpoints: true });
  for (let i = 0; i < events; i++) await store.append(`s-${i}`, [{ eventId: `e-${i}`, type: 'Noted', data: { text: 'x'.repeat(500) }, metadata: {} }], 'no_stream');
  return store;
}

describe('background WAL checkpoints', () => {
  it('checkpoints the whole WAL from the worker while commits no longer do', async () => {
    const store = await givenStoreWithAppends('checkpointed.db', 200);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const checkpointer = store.checkpointer as WalCheckpointer;
    checkpointer.requestCheckpoint();
    await until(() => (checkpointer.lastResult?.log ?? 0) > 0 && checkpointer.lastResult?.checkpointed === checkpointer.lastResult?.log);
    expect(checkpointer.lastError).toBeUndefined();
    expect(await store.count()).toBe(200n);
    await store.close();
  });

  it('between two batches under the bound, checkpoints without making the writer wait', async () => {
    // Given a WAL of 200 commits and a checkpointer whose interval never comes during the test
    const db = new Database(join(dir, 'ahead.db'));
    db.pragma('journal_mode = WAL');
    const checkpointer = new WalCheckpointer(db, 3_600_000);
    db.exec('CREATE TABLE t (body TEXT)');
    for (let i = 0; i < 200; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(500));
    try {
      // When the writer asks to keep the WAL under a bound it is far below
      await checkpointer.keepWalUnder(64 * 1024 * 1024);
      // Then it goes on at once (no result yet), and the worker checkpoints the whole WAL meanwhile
      expect(checkpointer.lastResult).toBeUndefined();
      // The worker thread starts first: under a full parallel test run that took longer than 2 s once (CI, 2026-12-03).
      await until(() => (checkpointer.lastResult?.log ?? 0) > 0 && checkpointer.lastResult?.checkpointed === checkpointer.lastResult?.log);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('turns automatic checkpoints back on when the worker dies', async () => {
    const store = await givenStoreWithAppends('fallback.db', 1);
    // Kill the worker from outside, as a crash would.
    await (store.checkpointer as unknown as { worker: Worker }).worker.terminate();
    await until(() => store.db.pragma('wal_autocheckpoint', { simple: true }) === 1000);
    await store.close();
  });
});
