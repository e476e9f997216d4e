import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { ProjectionRunner } from './runner/projection-runner';
import { allProjections } from './index';
import { interleaved, projectArb } from './testing/random-histories';
import { inLogOrder } from './testing/log-order';
import { comparableColumns } from './testing/comparable-rows';

/**
 * A rebuild replays the log stream by stream, folds each batch in memory (applyBatch), writes the
 * sums over projects once at its end and creates the secondary indexes then; a catch-up one event at
 * a time, in log order, writes each event's rows as it comes. For random histories with corrections,
 * back-dated acts and moves, and rebuild batches that split streams anywhere, both leave every table
 * of every read model with the same rows, and the same indexes.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-batched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, ordered by all its columns, integers exact. */
function everyRow(db: Database.Database): Record<string, unknown[][]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const width = (db.prepare(`SELECT COUNT(*) FROM pragma_table_info('${table}')`).pluck().get() as number) || 1;
      const order = Array.from({ length: width }, (_, i) => i + 1).join(', ');
      return [table, db.prepare(`SELECT ${comparableColumns(db, table)} FROM "${table}" ORDER BY ${order}`).raw().safeIntegers().all() as unknown[][]];
    }),
  );
}

const indexes = (db: Database.Database) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

it('a batched rebuild writes the same rows as an event-by-event catch-up', async () => {
  let run = 0;
  let corrections = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 40 }), async (projects, rebuildBatchSize) => {
      run += 1;
      const { store, histories } = await interleaved(projects);
      corrections += [...histories.values()].flat().filter((h) => h.event.type === 'EventCorrected').length;

      const oneByOne = new ProjectionRunner(inLogOrder(store), join(dir, `one-by-one-${run}.db`), allProjections(), { batchSize: 1 });
      await oneByOne.catchUp();
      const rebuilt = new ProjectionRunner(store, join(dir, `rebuilt-${run}.db`), allProjections(), { rebuildBatchSize });
      await rebuilt.catchUp(); // rows the rebuild must drop first
      await rebuilt.rebuild();

      expect(rebuilt.checkpoint()).toBe(await store.headPosition());
      expect(everyRow(rebuilt.db)).toEqual(everyRow(oneByOne.db));
      expect(indexes(rebuilt.db)).toEqual(indexes(oneByOne.db));
      await oneByOne.close();
      await rebuilt.close();
    }),
    { numRuns: 30, seed: 20261202 },
  );
  expect(corrections).toBeGreaterThan(0); // the histories did include corrections
});
