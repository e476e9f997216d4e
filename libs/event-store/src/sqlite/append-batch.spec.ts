import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyConflictError, WrongExpectedVersionError, type NewEvent } from '../port';
import { verifyChain } from '../verify';
import { SqliteEventStore, type AppendEntry } from './sqlite-event-store';

/**
 * appendBatch reads the head and each stream's version once per batch and checks idempotency only
 * when an entry conflicts; each entry must still behave exactly as if appended on its own after
 * the ones before it, and a failing entry must leave nothing of its batch behind.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store whose clock ticks one second per call, so two stores fed alike record alike. */
function open(): SqliteEventStore {
  let tick = 0;
  return new SqliteEventStore({ path: join(dir, `${randomUUID()}.db`), clock: () => new Date(Date.UTC(2016, 0, 1, 0, 0, tick++)) });
}

let n = 0;
const event = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'CapitalIncreased',
  data: { amount: { vnd: String(1000 + ++n), usd: `${n}.00` }, effectiveOn: '2016-06-01', reason: 'Mở rộng sản xuất' },
  metadata: { actor: 'officer-1', schemaVersion: 1, boardId: 'BQL-HN' },
});

describe('SqliteEventStore.appendBatch', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = open()));
  afterEach(() => store.close());

  it('writes the log, hashes included, that appending the entries one by one writes', async () => {
    const entries: AppendEntry[] = [
      { streamId: 'project-a', events: [event(), event()], expected: 'no_stream' },
      { streamId: 'project-b', events: [event()], expected: 'no_stream' },
      { streamId: 'project-a', events: [event()], expected: 2n }, // current only through the entry before
      { streamId: 'project-b', events: [event(), event()], expected: 'any' },
      { streamId: 'project-c', events: [event()], expected: 'no_stream' },
    ];
    await store.append('project-z', [event()], 'no_stream');
    const results = [...store.appendBatch(entries.slice(0, 3)), ...store.appendBatch(entries.slice(3))];
    const single = open();
    await single.append('project-z', (await store.readStream('project-z')).map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })), 'no_stream');
    for (const e of entries) await single.append(e.streamId, e.events, e.expected);

    expect(results.map((r) => [r.streamVersion, r.position, r.duplicate])).toEqual([
      [2n, 3n, false],
      [1n, 4n, false],
      [3n, 5n, false],
      [3n, 7n, false],
      [1n, 8n, false],
    ]);
    expect(await store.readPage(0n, 100)).toEqual(await single.readPage(0n, 100));
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: 8n });
    await single.close();
  });

  it('an empty entry writes nothing and still checks its version', async () => {
    const [first] = store.appendBatch([{ streamId: 'project-a', events: [event()], expected: 'no_stream' }]);
    expect(store.appendBatch([{ streamId: 'project-a', events: [], expected: 1n }])).toEqual([{ streamVersion: 1n, position: first.position, duplicate: false }]);
    expect(() => store.appendBatch([{ streamId: 'project-a', events: [], expected: 'no_stream' }])).toThrow(WrongExpectedVersionError);
    expect(await store.count()).toBe(1n);
  });

  it('a stale version anywhere in the batch writes nothing of it; the next batch continues the chain', async () => {
    store.appendBatch([{ streamId: 'project-a', events: [event()], expected: 'no_stream' }]);
    const stale: AppendEntry[] = [
      { streamId: 'project-b', events: [event()], expected: 'no_stream' },
      { streamId: 'project-a', events: [event()], expected: 1n },
      { streamId: 'project-a', events: [event()], expected: 1n }, // the entry before moved it to 2
    ];
    expect(() => store.appendBatch(stale)).toThrow(expect.objectContaining({ name: 'WrongExpectedVersionError', actual: 2n }));
    expect(await store.count()).toBe(1n);
    expect(store.appendBatch(stale.slice(0, 2)).map((r) => r.position)).toEqual([2n, 3n]);
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: 3n });
  });

  it('a retried entry returns what its first attempt stored and writes nothing, within a batch or across batches', async () => {
    const issued: AppendEntry = { streamId: 'project-a', events: [event(), event()], expected: 'no_stream' };
    const [first] = store.appendBatch([issued]);
    const again = { ...first, duplicate: true };
    const next: AppendEntry = { streamId: 'project-b', events: [event()], expected: 'no_stream' };
    const results = store.appendBatch([issued, { ...issued, expected: 'any' }, { ...issued, expected: 2n }, next, { ...next, expected: 'any' }]);
    expect(results).toEqual([again, again, again, { streamVersion: 1n, position: 3n, duplicate: false }, { streamVersion: 1n, position: 3n, duplicate: true }]);
    expect(await store.count()).toBe(3n);
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: 3n });
  });

  it('reusing some ids of an earlier append, ids of another stream, or one id twice writes nothing of the batch', async () => {
    const issued = event();
    store.appendBatch([{ streamId: 'project-a', events: [issued], expected: 'no_stream' }]);
    const fresh: AppendEntry = { streamId: 'project-c', events: [event()], expected: 'no_stream' };
    const twice = event();
    const cases: [AppendEntry, unknown][] = [
      [{ streamId: 'project-a', events: [issued, event()], expected: 'any' }, IdempotencyConflictError],
      [{ streamId: 'project-a', events: [event(), issued], expected: 'any' }, IdempotencyConflictError],
      [{ streamId: 'project-a', events: [event(), issued], expected: 5n }, IdempotencyConflictError],
      [{ streamId: 'project-b', events: [issued], expected: 'no_stream' }, IdempotencyConflictError],
      [{ streamId: 'project-b', events: [twice, twice], expected: 'no_stream' }, /UNIQUE constraint failed: events.event_id/],
    ];
    for (const [entry, error] of cases) {
      expect(() => store.appendBatch([fresh, entry])).toThrow(error as Error);
      expect(await store.count()).toBe(1n);
    }
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: 1n });
  });
});
