import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';
import { generateDataset } from '../../../ledger-cli/src/generate/dataset';
import { Geography } from '../../../ledger-cli/src/generate/geography';
import { writeSqlite } from '../../../ledger-cli/src/generate/sinks';
import Database from 'better-sqlite3';
import type { FromProjector } from './projector-messages';
import { ProjectorThread } from './projector-thread-spawn';
import { ThreadedProjector } from './threaded-projector';

/** The API's projector on a worker thread, over a real SQLite log and read-model file. */
const dir = mkdtempSync(join(tmpdir(), 'ledger-threaded-'));
const logPath = join(dir, 'ledger.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const geo = Geography.load();
  writeSqlite(logPath, generateDataset(geo, { projects: 40, years: 3, seed: 5 }).events, { seed: 5, referenceDataVersion: geo.version, batchSize: 1000 });
});

describe('ThreadedProjector', () => {
  let store: SqliteEventStore;
  let projector: ThreadedProjector | undefined;
  const filesOf = (readModels: string) => ({ log: { store: 'sqlite' as const, dbPath: logPath }, readModelPath: join(dir, readModels) });
  const open = (readModels: string) => (projector = new ThreadedProjector(store, filesOf(readModels)));
  const registerRows = (p: ThreadedProjector) => p.db.prepare('SELECT COUNT(*) FROM project_register').pluck().get();

  beforeEach(() => (store = new SqliteEventStore({ path: logPath })));
  afterEach(async () => {
    await projector?.close();
    projector = undefined;
    await store.close();
  });

  it('given a log, when started, then the thread projects it and a request waiting for the head is released by the batch that reached it', async () => {
    const head = await store.headPosition();
    const p = open('started.db');
    let released = false;
    const waiting = p.waitFor(head, 30_000).then(() => (released = true));
    p.start();
    expect(p.status()[0]).toMatchObject({ running: true, catchingUp: true });

    // Replies come after the batches before them, so the waiter is released by now.
    expect(await p.catchUp()).toBe(head);
    await Promise.resolve();
    expect(released).toBe(true);
    await waiting;
    expect(p.checkpoint()).toBe(head);
    expect(registerRows(p)).toBe(40);
    expect(p.status().every((s) => s.lag === '0' && s.lastError === undefined)).toBe(true);
  });

  it('rebuilds on its thread the same rows a rebuild here writes', async () => {
    const p = open('rebuilt.db');
    expect(await p.rebuild()).toBe(await store.headPosition());
    const here = new ProjectionRunner(store, join(dir, 'rebuilt-here.db'), allProjections());
    await here.rebuild();
    const rows = (db: typeof here.db) => db.prepare('SELECT project_code, status, reg_vnd, realized_vnd, version FROM project_register ORDER BY project_code').all();
    expect(rows(p.db)).toEqual(rows(here.db));
    await here.close();
  });

  it('given read models of another log, when its pass fails, then status() and the caller are told why', async () => {
    const built = open('of-another-log.db');
    await built.catchUp();
    await built.close();
    const other = new SqliteEventStore({ path: join(dir, 'empty.db') });
    const p = new ThreadedProjector(other, { log: { store: 'sqlite', dbPath: join(dir, 'empty.db') }, readModelPath: join(dir, 'of-another-log.db') });
    projector = p;
    await expect(p.catchUp()).rejects.toMatchObject({ name: 'ReadModelsAheadError', message: expect.stringContaining("past the log's last event (0)") });
    expect(p.status()[0].lastError).toContain("past the log's last event (0)");
    await p.close();
    projector = undefined;
    await other.close();
  });

  it('given the thread dies, then status() says so and callers are refused; it is started again and goes on from the checkpoints', async () => {
    const head = await store.headPosition();
    const p = open('dies.db');
    p.start();
    const first = (p as unknown as { worker: Worker }).worker;
    const pending = p.catchUp();
    await first.terminate();
    await expect(pending).rejects.toThrow(/^the projector thread ended \(exit code \d+\)$/);
    expect(p.status()[0]).toMatchObject({ running: false, catchingUp: false, lastError: expect.stringMatching(/^the projector thread ended/) });
    await expect(p.catchUp()).rejects.toThrow(/^the projector thread ended/);

    // Started again after a second, still running: a wait is released by its batches and the error is gone.
    await p.waitFor(head, 30_000);
    expect((p as unknown as { worker: Worker }).worker).not.toBe(first);
    expect(await p.catchUp()).toBe(head);
    expect(p.status()[0]).toMatchObject({ running: true, lag: '0' });
    expect(p.status()[0].lastError).toBeUndefined();
    expect(registerRows(p)).toBe(40);
  });

  it('given a thread spawned projecting before the projector is made (main.ts), when the projector adopts it after its first pass, then it hears what it missed and goes on with that thread', async () => {
    const head = await store.headPosition();
    const early = new ProjectorThread(filesOf('early.db'), true);
    early.worker.unref(); // adopted below, closed with the projector; a failure before must not keep jest waiting
    // Its first pass ends after the checkpoints reach the head (index builds, the replay's claim released): wait for it to say so.
    const firstPass = new Promise<FromProjector>((resolve) => early.worker.on('message', (m: FromProjector) => m.kind === 'pass' && resolve(m)));
    const checkpoint = () => {
      let db: Database.Database | undefined;
      try {
        db = new Database(join(dir, 'early.db'), { readonly: true, fileMustExist: true });
        return db.prepare('SELECT MIN(position) FROM projection_checkpoints').safeIntegers().pluck().get() as bigint | null;
      } catch {
        return null; // not made or not set up yet
      } finally {
        db?.close();
      }
    };
    expect(await firstPass).toMatchObject({ kind: 'pass', position: head });
    expect(checkpoint()).toBe(head);
    const p = (projector = new ThreadedProjector(store, filesOf('early.db'), early));
    p.start();

    expect(p.status().every((s) => s.running && !s.catchingUp && s.lag === '0' && s.lastError === undefined)).toBe(true);
    expect((p as unknown as { worker: Worker }).worker).toBe(early.worker);
    await store.append('note-early', [{ eventId: '6f1c2a52-0c4b-4d8e-9a57-1d1a2b3c4d5e', type: 'Noted', data: {}, metadata: {} }], 'no_stream');
    await p.waitFor(head + 1n, 30_000);
    expect(p.checkpoint()).toBe(head + 1n);
    expect(registerRows(p)).toBe(40);
  });
});
