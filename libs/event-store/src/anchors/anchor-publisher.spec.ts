import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { AnchorDirectory } from './anchor-directory';
import { AnchorPublisher } from './anchor-publisher';
import { checkAgainstAnchor } from './check-anchor';

/** A running ledger anchors its head every N events or M minutes, and never signs over a lost tail. */
describe('AnchorPublisher', () => {
  const root = mkdtempSync(join(tmpdir(), 'ledger-anchors-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  function setUp() {
    const dir = join(root, randomUUID());
    const store = new SqliteEventStore({ path: join(dir, 'log', 'ledger.db') });
    const sink = new AnchorDirectory(join(dir, 'anchors'));
    let now = new Date('2026-12-01T08:00:00Z');
    const errors: string[] = [];
    const publisher = () =>
      new AnchorPublisher({ store, sink, privateKey, everyEvents: 3, everyMs: 5 * 60_000, pollMs: 3_600_000, clock: () => now, log: { info: () => undefined, error: (line) => errors.push(line) } });
    const append = async (n: number) => {
      for (let i = 0; i < n; i++) await store.append(`project-${i % 2}`, [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { i }, metadata: {} }], 'any');
    };
    const anchored = () => readdirSync(sink.dir).length;
    const started = async () => {
      const p = publisher();
      await p.start();
      return p;
    };
    return { store, sink, started, append, anchored, errors, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
  }

  it('given 4 events → anchors the head; given 1 more → waits for 3 events or 5 minutes', async () => {
    const { store, sink, started, append, anchored, advance } = setUp();
    const p = await started();
    await append(4);
    await p.tick();
    expect(sink.latest()?.digest.position).toBe('4');
    await p.tick();
    expect(anchored()).toBe(1);
    await append(1);
    await p.tick();
    expect(anchored()).toBe(1);
    advance(5 * 60_000);
    await p.tick();
    expect(anchored()).toBe(2);
    const latest = sink.latest();
    expect(latest?.digest.position).toBe('5');
    expect(await checkAgainstAnchor(store, latest!.digest, publicKey, new Date())).toMatchObject({ ok: true });
    await p.close();
  });

  it('given events since the last anchor → close() anchors them', async () => {
    const { sink, started, append } = setUp();
    const p = await started();
    await append(2);
    await p.close();
    expect(sink.latest()?.digest.position).toBe('2');
  });

  it('given the tail lost after the newest anchor → a restarted publisher refuses to sign and says why', async () => {
    const { store, sink, started, append, anchored, errors } = setUp();
    const first = await started();
    await append(6);
    await first.close();
    store.db.exec('DROP TRIGGER events_are_never_deleted; DELETE FROM events WHERE position > 4;');
    await append(5);
    const restarted = await started();
    await restarted.tick(true);
    await restarted.close();
    expect(anchored()).toBe(1);
    expect(sink.latest()?.digest.position).toBe('6');
    expect(errors).toEqual([expect.stringMatching(/NOT publishing anchors any more: .*\(FORKED\)/)]);
  });

  it('given the tail lost while it runs → stops publishing instead of signing the shorter log', async () => {
    const { store, sink, started, append, errors } = setUp();
    const p = await started();
    await append(5);
    await p.tick();
    store.db.exec('DROP TRIGGER events_are_never_deleted; DELETE FROM events WHERE position > 3;');
    await p.tick(true);
    await p.close();
    expect(sink.latest()?.digest.position).toBe('5');
    expect(errors).toEqual(['NOT publishing anchors any more: the log ends at position 3, before the last anchored position 5']);
  });

  it('given an unreadable newest anchor → starts without publishing and says which file', async () => {
    const { sink, started, append, anchored, errors } = setUp();
    mkdirSync(sink.dir, { recursive: true });
    writeFileSync(join(sink.dir, 'anchor-20261201T080000.000Z-p9-00000000.json'), '{"position":');
    const p = await started();
    await append(1);
    await p.close();
    expect(anchored()).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^NOT publishing anchors any more: .*anchor-20261201T080000\.000Z-p9-00000000\.json is not a readable digest/)]);
  });
});
