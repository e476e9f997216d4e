import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAgainstAnchor } from '../anchors/check-anchor';
import { signHeadDigest } from '../anchors/head-digest';
import { chainHash } from '../hash-chain';
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

  describe('the tail, which the chain alone cannot vouch for: checked against a signed anchor', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const now = new Date('2026-12-01T10:00:00Z');

    async function anchoredLedger(events: number) {
      const store = await ledgerWith(events);
      const [head] = await store.readPage(BigInt(events - 1), 1);
      return { store, anchor: signHeadDigest(head, privateKey, new Date('2026-12-01T09:00:00Z')) };
    }

    it('given an untouched log that grew after its anchor → OK, saying how old the anchor is', async () => {
      const { store, anchor } = await anchoredLedger(10);
      await store.append('project-9', [{ eventId: randomUUID(), type: 'CapitalIncreased', data: {}, metadata: {} }], 'any');
      expect(await checkAgainstAnchor(store, anchor, publicKey, now)).toMatchObject({ ok: true, headPosition: 11n, ageMs: 3_600_000 });
    });

    it('given the last rows deleted after an anchor (as a WAL lost after SIGKILL) → the chain verifies, the anchor reports TRUNCATED', async () => {
      const { store, anchor } = await anchoredLedger(10);
      store.db.prepare('DELETE FROM events WHERE position > 7').run();
      expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 7n });
      expect(await checkAgainstAnchor(store, anchor, publicKey, now)).toMatchObject({ ok: false, problem: 'TRUNCATED', detail: expect.stringContaining('3 recorded events are missing') });
    });

    it('given the last row forged with its hash recomputed → the chain verifies, the anchor reports FORKED', async () => {
      const { store, anchor } = await anchoredLedger(10);
      const [row] = await store.readPage(9n, 1);
      const { hash: _h, prevHash, ...content } = { ...row, data: { amount: { vnd: '1' } } };
      store.db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = 10').run(JSON.stringify(content.data), chainHash(prevHash, content));
      expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 10n });
      expect(await checkAgainstAnchor(store, anchor, publicKey, now)).toMatchObject({ ok: false, problem: 'FORKED' });
    });

    it('given an anchor of the forged log signed with a freshly generated key → SIGNATURE, whatever key the anchor names', async () => {
      const { store } = await anchoredLedger(10);
      const [head] = await store.readPage(9n, 1);
      const fresh = generateKeyPairSync('ed25519');
      const forged = signHeadDigest(head, fresh.privateKey, now);
      expect(await checkAgainstAnchor(store, forged, publicKey, now)).toMatchObject({ ok: false, problem: 'SIGNATURE' });
      expect(await checkAgainstAnchor(store, { ...forged, signature: 'not base64 at all' }, publicKey, now)).toMatchObject({ ok: false, problem: 'SIGNATURE' });
    });
  });
});
