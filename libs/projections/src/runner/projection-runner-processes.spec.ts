import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { freshFileWriter } from '../../../event-store/src/testing/fresh-file-writer';
import { SeenPositions, givenLog } from '../testing/noted-log';
import type { Projection } from './projection';
import { ProjectionLagError, ProjectionRunner } from './projection-runner';

/**
 * Several serving processes share one read-model file: the lead projects, the followers only read
 * it, and every process sets the read models up when it starts. A second connection to the file
 * stands in for the other process here.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-runner-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Records each position it sees; before its first write of a transaction (in setup and apply) the
 * other process tries to commit to the file, as it may between this transaction's reads and writes.
 */
class ContendedNotes implements Projection {
  readonly name = 'contended';
  readonly version = 1;
  /** What the other process's commits met: 'committed', or 'busy' when it had to wait for this one. */
  readonly others: string[] = [];
  constructor(private readonly other: Database.Database) {}
  private otherCommits(): void {
    try {
      this.other.prepare('INSERT INTO other_process (at) VALUES (?)').run(Date.now());
      this.others.push('committed');
    } catch (error) {
      this.others.push((error as { code?: string }).code === 'SQLITE_BUSY' ? 'busy' : String(error));
    }
  }
  setup(db: Database.Database): void {
    this.otherCommits();
    db.exec('CREATE TABLE IF NOT EXISTS contended (position INTEGER PRIMARY KEY)');
  }
  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS contended');
  }
  apply(db: Database.Database, event: RecordedEvent): void {
    this.otherCommits();
    db.prepare('INSERT INTO contended VALUES (?)').run(event.position);
  }
}

function otherProcessOn(path: string): Database.Database {
  const other = new Database(path);
  other.pragma('journal_mode = WAL');
  other.pragma('busy_timeout = 0'); // one thread here: waiting for the runner would wait for ever
  other.exec('CREATE TABLE IF NOT EXISTS other_process (at INTEGER)');
  return other;
}

describe('ProjectionRunner beside another process on the same read-model file', () => {
  it('when the other process is creating the fresh file as the runner opens it, then the runner waits for it and sets its read models up in WAL mode', async () => {
    const path = join(dir, 'fresh.db');
    const other = await freshFileWriter(path, 300);

    const runner = new ProjectionRunner(await givenLog(2), path, [new SeenPositions('fresh')]);

    expect(await runner.catchUp()).toBe(2n);
    await other.ended;
    await runner.close();
    const file = new Database(path, { readonly: true });
    expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(SeenPositions.count(file, 'fresh')).toBe(2);
    expect(file.prepare('SELECT COUNT(*) FROM other_process').pluck().get()).toBe(0);
    file.close();
  });

  it('when the other process commits while a runner sets its read models up, then the set-up holds the file from its first read and succeeds; the other waits for it', async () => {
    const path = join(dir, 'setup.db');
    const other = otherProcessOn(path);
    const notes = new ContendedNotes(other);

    const runner = new ProjectionRunner(await givenLog(0), path, [notes]);

    expect(notes.others).toEqual(['busy']);
    expect(runner.status()[0].checkpoint).toBe('0');
    await runner.close();
    other.close();
  });

  it('when the other process commits while a catch-up batch is applied, then the batch commits with its checkpoint; the other waits for it', async () => {
    const path = join(dir, 'batch.db');
    const other = otherProcessOn(path);
    const notes = new ContendedNotes(other);
    const runner = new ProjectionRunner(await givenLog(3), path, [notes], { batchSize: 2 });
    notes.others.length = 0;

    expect(await runner.catchUp()).toBe(3n);

    expect(notes.others).toEqual(['busy', 'busy', 'busy']);
    expect(runner.db.prepare('SELECT COUNT(*) FROM contended').pluck().get()).toBe(3);
    expect(runner.status()[0]).toMatchObject({ checkpoint: '3' });
    expect(runner.status()[0].lastError).toBeUndefined();
    await runner.close();
    other.close();
  });
});

describe('ProjectionRunner.follow (the read models are another process’s to project)', () => {
  it('given a follower, when a report waits for a position, then the follower writes nothing and is released once the projector’s checkpoint reaches it', async () => {
    const store = await givenLog(4);
    const path = join(dir, 'follow.db');
    const projector = new ProjectionRunner(store, path, [new SeenPositions('notes')]);
    const follower = new ProjectionRunner(store, path, [new SeenPositions('notes')], { pollIntervalMs: 20 });
    follower.follow();

    let released = false;
    const waiting = follower.waitFor(4n, 5000).then(() => (released = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(released).toBe(false);
    expect(follower.status()[0]).toMatchObject({ checkpoint: '0', head: '4', lag: '4', catchingUp: false, running: false });
    expect(SeenPositions.count(projector.db, 'notes')).toBe(0);

    await projector.catchUp();
    await waiting;
    expect(follower.status()[0]).toMatchObject({ checkpoint: '4', head: '4', lag: '0' });
    await follower.close();
    await projector.close();
  });

  it('given read models at its versions and the projector committing a batch, when a follower that does not set up (setsUp: false) is made, then it is made at once, writing nothing', async () => {
    const store = await givenLog(2);
    const path = join(dir, 'set-up-by-projector.db');
    const projector = new ProjectionRunner(store, path, [new SeenPositions('notes')]);
    const batch = new Database(path);
    batch.exec('BEGIN IMMEDIATE'); // the projector's batch, holding the write lock

    const follower = new ProjectionRunner(store, path, [new SeenPositions('notes')], { setsUp: false });

    expect(follower.checkpoint()).toBe(0n);
    batch.exec('ROLLBACK');
    batch.close();
    await follower.close();
    await projector.close();
  });

  it('given read models not at its versions yet, when a follower that does not set up is made, then it sets them up itself', async () => {
    const store = await givenLog(2);
    const path = join(dir, 'not-set-up.db');
    new ProjectionRunner(store, path, [new SeenPositions('notes', 1)]).close();

    const follower = new ProjectionRunner(store, path, [new SeenPositions('notes', 2)], { setsUp: false });

    expect(follower.db.prepare("SELECT version FROM projection_versions WHERE name = 'notes'").pluck().get()).toBe(2);
    await follower.close();
  });

  it('given a follower whose projector stands still, when a report waits longer than it may, then it is told how far the read models have come', async () => {
    const store = await givenLog(2);
    const follower = new ProjectionRunner(store, join(dir, 'still.db'), [new SeenPositions('notes')], { pollIntervalMs: 20 });
    follower.follow();

    await expect(follower.waitFor(2n, 150)).rejects.toEqual(new ProjectionLagError(2n, 0n));
    await follower.close();
  });
});
