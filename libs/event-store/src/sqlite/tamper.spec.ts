import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain } from '../verify';
import { SqliteEventStore } from './sqlite-event-store';

/** Tampering directly in the SQLite file (bypassing the ledger) is named at its exact position. */
describe('verifyChain over a tampered SQLite log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-tamper-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function ledgerWith(events: number): Promise<SqliteEventStore> {
    const store = new SqliteEventStore({ path: join(dir, `${randomUUID()}.db`) });
    for (let i = 0; i < events; i++) {
      await store.append(`project-${i % 3}`, [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { amount: { vnd: String(1000 + i) } }, metadata: { actor: 'a' } }], 'any');
    }
    // An attacker with file access drops the immutability triggers first.
    store.db.exec('DROP TRIGGER events_are_immutable; DROP TRIGGER events_are_never_deleted;');
    return store;
  }

  it('an untouched log verifies, naming the head position and hash', async () => {
    const store = await ledgerWith(10);
    const result = await verifyChain(store);
    expect(result).toMatchObject({ ok: true, events: 10n, headPosition: 10n });
    expect(result.ok && result.headHash).toBe((await store.readPage(9n, 1))[0].hash);
  });

  it('an amount changed in place → CONTENT at that position', async () => {
    const store = await ledgerWith(10);
    store.db.prepare(`UPDATE events SET data = '{"amount":{"vnd":"999999"}}' WHERE position = 6`).run();
    expect(await verifyChain(store)).toMatchObject({ ok: false, position: 6n, problem: 'CONTENT' });
  });

  it('an amount changed and its hash recomputed → CHAIN at the next position', async () => {
    const store = await ledgerWith(10);
    const { chainHash } = await import('../hash-chain');
    const [row] = await store.readPage(3n, 1);
    const forged = { ...row, data: { amount: { vnd: '1' } } };
    const { hash: _h, prevHash, ...content } = forged;
    store.db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = 4').run(JSON.stringify(forged.data), chainHash(prevHash, content));
    expect(await verifyChain(store)).toMatchObject({ ok: false, position: 5n, problem: 'CHAIN' });
  });

  it('a deleted row → ORDER at the missing position', async () => {
    const store = await ledgerWith(10);
    store.db.prepare('DELETE FROM events WHERE position = 7').run();
    expect(await verifyChain(store)).toMatchObject({ ok: false, position: 7n, problem: 'ORDER' });
  });

  it('two rows swapped → named at the first of them', async () => {
    const store = await ledgerWith(10);
    store.db.exec(`
      UPDATE events SET position = -1 WHERE position = 3;
      UPDATE events SET position = 3 WHERE position = 4;
      UPDATE events SET position = 4 WHERE position = -1;`);
    const result = await verifyChain(store);
    expect(result).toMatchObject({ ok: false, position: 3n });
  });

  it('verifies from a known-good point onwards only', async () => {
    const store = await ledgerWith(10);
    const [fifth] = await store.readPage(4n, 1);
    expect(await verifyChain(store, { from: { position: 5n, hash: fifth.hash } })).toMatchObject({ ok: true, events: 5n, headPosition: 10n });
    expect(await verifyChain(store, { from: { position: 5n, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, position: 6n, problem: 'CHAIN' });
  });
});
