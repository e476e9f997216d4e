import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import type { Projection } from './projection';
import { SeenByStream, SeenPositions, givenLog } from '../testing/noted-log';
import { ProjectionRunner, ReadModelsAheadError, ReadModelsDivergedError, nextBatchSize } from './projection-runner';

const dir = mkdtempSync(join(tmpdir(), 'ledger-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ProjectionRunner', () => {
  it('catches up a newly added read model without applying any event twice to the others', async () => {
    const store = await givenLog(25);
    const path = join(dir, 'added.db');
    const first = new ProjectionRunner(store, path, [new SeenPositions('a')], { batchSize: 4 });
    await first.catchUp();
    await first.close();

    const second = new ProjectionRunner(store, path, [new SeenPositions('a'), new SeenPositions('b')], { batchSize: 4 });
    await second.catchUp();
    expect(SeenPositions.count(second.db, 'a')).toBe(25);
    expect(SeenPositions.count(second.db, 'b')).toBe(25);
    expect(second.status().map((s) => [s.name, s.checkpoint])).toEqual([
      ['a', '25'],
      ['b', '25'],
    ]);
    await second.close();
  });

  it.each([
    {
      given: 'a longer log',
      other: { events: 25, name: 'e' },
      events: 10,
      refusal: new ReadModelsAheadError('a', 25n, 10n),
      message: "the read model a stands at position 25, past the log's last event (10): it was built from another log or a longer copy of this one.",
    },
    {
      given: 'another log as long or longer',
      other: { events: 10, name: 'other' },
      events: 12,
      refusal: new ReadModelsDivergedError('a', 10n, 'other-9', 'e-9'),
      message: 'the read model a stands at position 10, where it applied event other-9 and this log has event e-9: it was built from another log.',
    },
  ])('given read models built from $given, when it catches up on this one, then it refuses them and applies nothing; a rebuild takes them back', async ({ other, events, refusal, message }) => {
    const path = join(dir, `another-log-${other.name}.db`);
    const built = new ProjectionRunner(await givenLog(other.events, other.name), path, [new SeenPositions('a')]);
    await built.catchUp();
    await built.close();

    const runner = new ProjectionRunner(await givenLog(events), path, [new SeenPositions('a')]);
    await expect(runner.checkedHead()).rejects.toEqual(refusal);
    await expect(runner.catchUp()).rejects.toEqual(refusal);
    expect(refusal.message).toBe(`${message} Rebuild the read models from this log (npm run cli -- rebuild) or point LEDGER_READ_DB_PATH at this log's own`);
    expect(runner.status()[0]).toMatchObject({ checkpoint: String(other.events), lastError: refusal.message });
    expect(SeenPositions.count(runner.db, 'a')).toBe(other.events);

    expect(await runner.rebuild()).toBe(BigInt(events));
    expect(SeenPositions.count(runner.db, 'a')).toBe(events);
    await expect(runner.checkedHead()).resolves.toBe(BigInt(events));
    await runner.close();
  });

  it('given read models of this log, in log order or replayed stream by stream, then each checkpoint keeps the id of its event and the runner goes on', async () => {
    const store = await givenLog(6);
    const path = join(dir, 'same-log.db');
    const inOrder = new ProjectionRunner(store, path, [new SeenPositions('a')], { batchBudgetMs: 100 });
    await inOrder.catchUp();
    await inOrder.close();
    const byStream = new ProjectionRunner(store, path, [new SeenPositions('a'), new SeenByStream('b')]);
    await byStream.catchUp();
    expect((byStream.projections[1] as SeenByStream).fed).toHaveLength(6);
    expect(byStream.db.prepare('SELECT name, position, event_id FROM projection_checkpoints ORDER BY name').all()).toEqual([
      { name: 'a', position: 6, event_id: 'e-5' },
      { name: 'b', position: 6, event_id: 'e-5' },
    ]);
    await store.append('s-6', [{ eventId: 'e-6', type: 'Noted', data: { i: 6 }, metadata: {} }], 'no_stream');
    await expect(byStream.checkedHead()).resolves.toBe(7n);
    expect(await byStream.catchUp()).toBe(7n);
    await byStream.close();
  });

  it('given read models from before checkpoints kept event ids, when it opens them, then it adds the column and goes on from where they stand', async () => {
    const path = join(dir, 'without-event-ids.db');
    const old = new Database(path);
    old.exec('CREATE TABLE projection_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL); INSERT INTO projection_checkpoints VALUES (\'a\', 3);');
    old.exec('CREATE TABLE projection_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL); INSERT INTO projection_versions VALUES (\'a\', 1);');
    old.exec('CREATE TABLE seen_a (position INTEGER PRIMARY KEY); INSERT INTO seen_a VALUES (1), (2), (3);');
    old.close();

    const runner = new ProjectionRunner(await givenLog(5), path, [new SeenPositions('a')]);
    expect(await runner.catchUp()).toBe(5n);
    expect(SeenPositions.count(runner.db, 'a')).toBe(5);
    expect(runner.db.prepare('SELECT event_id FROM projection_checkpoints').pluck().get()).toBe('e-4');
    await runner.close();
  });

  it('replays from the start only the read model whose projection version changed', async () => {
    const store = await givenLog(10);
    const path = join(dir, 'versions.db');
    const first = new ProjectionRunner(store, path, [new SeenPositions('a'), new SeenPositions('b')]);
    await first.catchUp();
    first.db.prepare('INSERT INTO seen_a VALUES (1000)').run(); // a row only the old version would have
    await first.close();

    const second = new ProjectionRunner(store, path, [new SeenPositions('a', 2), new SeenPositions('b')]);
    expect(second.status().map((s) => [s.name, s.checkpoint])).toEqual([
      ['a', '0'],
      ['b', '10'],
    ]);
    await second.catchUp();
    expect(SeenPositions.count(second.db, 'a')).toBe(10);
    expect(SeenPositions.count(second.db, 'b')).toBe(10);
    await second.close();
  });
});

/** A read model with a report index (deferred) and one its apply reads (kept), failing on the event at @failAt (when set). */
class IndexedNotes implements Projection {
  readonly name = 'notes';
  readonly version = 1;
  readonly deferredIndexes = ['notes_by_i'];
  failAt?: bigint;
  setup(db: Database.Database): void {
    db.exec('CREATE TABLE IF NOT EXISTS notes (position INTEGER PRIMARY KEY, i INTEGER NOT NULL, j INTEGER NOT NULL DEFAULT 0); CREATE INDEX IF NOT EXISTS notes_by_i ON notes (i); CREATE INDEX IF NOT EXISTS notes_by_j ON notes (j);');
  }
  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS notes');
  }
  apply(db: Database.Database, event: RecordedEvent): void {
    if (event.position === this.failAt) throw new Error(`cannot apply ${event.position}`);
    db.prepare('INSERT INTO notes (position, i) VALUES (?, ?)').run(event.position, (event.data as { i: number }).i);
  }
}

const indexesOf = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all();

describe('ProjectionRunner.rebuild', () => {
  it('replays without the deferred indexes (the others stay for apply to look rows up by) and creates them again at the end, commits synced as before', async () => {
    const store = await givenLog(30);
    const notes = new IndexedNotes();
    const runner = new ProjectionRunner(store, join(dir, 'rebuild-indexes.db'), [notes]);
    const indexedDuringReplay: unknown[][] = [];
    const apply = notes.apply.bind(notes);
    notes.apply = (db, event) => (indexedDuringReplay.push(indexesOf(db)), apply(db, event));

    expect(await runner.rebuild()).toBe(30n);
    expect(indexedDuringReplay).toHaveLength(30);
    // The index apply may look rows up by stays; only the deferred one is gone during the replay.
    expect(indexedDuringReplay.every((names) => names.length === 1 && names[0] === 'notes_by_j')).toBe(true);
    expect(indexesOf(runner.db)).toEqual(['notes_by_i', 'notes_by_j']);
    expect(runner.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    await runner.close();
  });

  it('ends well when an index it dropped was created again during the replay (as any setup does)', async () => {
    const store = await givenLog(10);
    const notes = new IndexedNotes();
    const path = join(dir, 'rebuild-index-meanwhile.db');
    const runner = new ProjectionRunner(store, path, [notes]);
    const apply = notes.apply.bind(notes);
    notes.apply = (db, event) => {
      if (event.position === 5n) notes.setup(db);
      apply(db, event);
    };

    expect(await runner.rebuild()).toBe(10n);
    expect(indexesOf(runner.db)).toEqual(['notes_by_i', 'notes_by_j']);
    await runner.close();
  });

  it('that fails half-way leaves the indexes in place and the checkpoint where it stopped', async () => {
    const store = await givenLog(30);
    const notes = new IndexedNotes();
    const runner = new ProjectionRunner(store, join(dir, 'rebuild-fails.db'), [notes]);
    await runner.catchUp();
    notes.failAt = 12n;

    await expect(runner.rebuild()).rejects.toThrow('cannot apply 12');
    expect(indexesOf(runner.db)).toEqual(['notes_by_i', 'notes_by_j']);
    expect(runner.checkpoint()).toBe(0n); // the whole batch rolled back
    expect(runner.db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(0);
    expect(runner.status()[0].lastError).toBe('cannot apply 12');
    await runner.close();
  });
});

/** Two streams whose events interleave in the log: a-1, b-1, a-2, b-2, … */
async function givenInterleaved(perStream: number): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  for (let v = 1; v <= perStream; v++) {
    for (const s of ['a', 'b']) await store.append(s, [{ eventId: `${s}-${v}`, type: 'Noted', data: {}, metadata: {} }], v === 1 ? 'no_stream' : BigInt(v - 1));
  }
  return store;
}

describe('ProjectionRunner.rebuild stream by stream', () => {
  it('feeds a read model that allows it each stream whole, in version order, and moves its checkpoint to the head once', async () => {
    const store = await givenInterleaved(3);
    const seen = new SeenByStream('by_stream');
    const inLogOrder = new SeenPositions('in_log_order');
    const runner = new ProjectionRunner(store, join(dir, 'by-stream.db'), [seen, inLogOrder], { rebuildBatchSize: 2 });
    const progress: bigint[] = [];

    expect(await runner.rebuild((done) => progress.push(done))).toBe(6n);
    expect(seen.fed).toEqual(['a@1', 'a@2', 'a@3', 'b@1', 'b@2', 'b@3']);
    expect(SeenPositions.count(runner.db, 'by_stream')).toBe(6);
    expect(SeenPositions.count(runner.db, 'in_log_order')).toBe(6); // the other replayed in log order after it
    expect(runner.status().map((s) => s.checkpoint)).toEqual(['6', '6']);
    expect(progress.slice(0, 3)).toEqual([2n, 4n, 6n]);
    await runner.close();
  });

  it("ends with its sorts spread over the machine's cores (SQLite's sorter threads), and leaves the connection as it was", async () => {
    const store = await givenInterleaved(2);
    const sorterThreadsAtEnd: unknown[] = [];
    const summed: Projection = {
      name: 'summed',
      version: 1,
      setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS summed (n INTEGER)'),
      reset: (db) => db.exec('DROP TABLE IF EXISTS summed'),
      apply: () => undefined,
      byStream: (db) => ({ applyBatch: () => undefined, finish: () => void sorterThreadsAtEnd.push(db.pragma('threads', { simple: true })) }),
    };
    const runner = new ProjectionRunner(store, join(dir, 'by-stream-sorts.db'), [summed]);
    const before = runner.db.pragma('threads', { simple: true });

    await runner.rebuild();
    expect(sorterThreadsAtEnd).toEqual([availableParallelism()]);
    expect(runner.db.pragma('threads', { simple: true })).toBe(before);
    await runner.close();
  });

  it('that dies half-way leaves the read model marked unfinished: the next start replays it from 0', async () => {
    const store = await givenInterleaved(3);
    const path = join(dir, 'by-stream-dies.db');
    const seen = new SeenByStream('by_stream');
    const runner = new ProjectionRunner(store, path, [seen], { rebuildBatchSize: 2 });
    seen.failAt = 6n; // b@3 (a-1, b-1, a-2, b-2, a-3, b-3 in the log), in the third batch: two batches are committed
    await expect(runner.rebuild()).rejects.toThrow('cannot apply 6');
    expect(SeenPositions.count(runner.db, 'by_stream')).toBe(4);
    expect(runner.db.prepare("SELECT version FROM projection_versions WHERE name = 'by_stream'").pluck().get()).toBe(0);
    await runner.close();

    const restarted = new ProjectionRunner(store, path, [new SeenByStream('by_stream')]);
    expect(await restarted.catchUp()).toBe(6n);
    expect(SeenPositions.count(restarted.db, 'by_stream')).toBe(6); // from 0 again: a second application of an event would have failed
    await restarted.close();
  });
});

describe('ProjectionRunner.catchUp of a read model at position 0 (a new replica, a version change)', () => {
  it('replays what the log holds stream by stream, then follows new events in log order', async () => {
    const store = await givenInterleaved(2);
    const seen = new SeenByStream('fresh');
    const runner = new ProjectionRunner(store, join(dir, 'fresh.db'), [seen]);

    expect(await runner.catchUp()).toBe(4n);
    await store.append('a', [{ eventId: 'a-3', type: 'Noted', data: {}, metadata: {} }], 2n);
    await store.append('b', [{ eventId: 'b-3', type: 'Noted', data: {}, metadata: {} }], 2n);
    expect(await runner.catchUp()).toBe(6n);
    expect(seen.fed).toEqual(['a@1', 'a@2', 'b@1', 'b@2', 'a@3', 'b@3']);
    expect(runner.db.prepare("SELECT version FROM projection_versions WHERE name = 'fresh'").pluck().get()).toBe(1);
    await runner.close();
  });

  it('in a server (a time budget per batch) follows the log in order instead: the thread is never held for the replay\'s end', async () => {
    const store = await givenInterleaved(2);
    const seen = new SeenByStream('budgeted');
    const runner = new ProjectionRunner(store, join(dir, 'budgeted.db'), [seen], { batchBudgetMs: 100 });

    expect(await runner.catchUp()).toBe(4n);
    expect(seen.fed).toEqual(['a@1', 'b@1', 'a@2', 'b@2']);
    await runner.close();
  });

  it('that fails starts afresh on the next catch-up of the same process', async () => {
    const store = await givenInterleaved(3);
    const seen = new SeenByStream('retried');
    const runner = new ProjectionRunner(store, join(dir, 'retried.db'), [seen], { rebuildBatchSize: 2 });
    seen.failAt = 6n;
    await expect(runner.catchUp()).rejects.toThrow('cannot apply 6');
    expect(runner.status()[0].lastError).toBe('cannot apply 6');
    seen.failAt = undefined;

    expect(await runner.catchUp()).toBe(6n); // the rows of the failed attempt are gone: none is applied twice
    expect(SeenPositions.count(runner.db, 'retried')).toBe(6);
    await runner.close();
  });
});

describe('catch-up batch size within a time budget', () => {
  it('halves after a batch over budget, doubles after a quick one, and stays between 100 events and the batch size', () => {
    expect(nextBatchSize(2000, 150, 100, 2000)).toBe(1000);
    expect(nextBatchSize(150, 500, 100, 2000)).toBe(100);
    expect(nextBatchSize(500, 20, 100, 2000)).toBe(1000);
    expect(nextBatchSize(1500, 10, 100, 2000)).toBe(2000);
    expect(nextBatchSize(800, 70, 100, 2000)).toBe(800);
  });
});
