import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { SqliteEventStore } from './sqlite-event-store';
import type { WalCheckpointer } from './wal-checkpointer';

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

  it('turns automatic checkpoints back on when the worker dies', async () => {
    const store = await givenStoreWithAppends('fallback.db', 1);
    // Kill the worker from outside, as a crash would.
    await (store.checkpointer as unknown as { worker: Worker }).worker.terminate();
    await until(() => store.db.pragma('wal_autocheckpoint', { simple: true }) === 1000);
    await store.close();
  });
});
