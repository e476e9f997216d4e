import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { addDays } from '@ledger/domain';
import type { MemoryEventStore } from '@ledger/event-store';
import { activityReport } from '@ledger/reporting';
import { ProjectionRunner } from './runner/projection-runner';
import { allProjections, deriveAdjustedCounts, deriveBoardSums, deriveCountrySums } from './index';
import { day, interleaved, projectArb, units } from './testing/random-histories';
import { inLogOrder } from './testing/log-order';

/**
 * Three tables are kept only for reports: the running sums per board (facts_board_cumulative) and
 * per board and investor country (facts_country_cumulative), and the adjustment days counted per
 * month (facts_adjusted_counts). Kept as events arrive — one by one or in batches, with corrections
 * and back-dated acts — they hold exactly what deriveBoardSums, deriveCountrySums and
 * deriveAdjustedCounts compute from scratch, and the activity report over whole months read
 * from them equals the one read from the facts.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-report-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DERIVED: [string, (db: Database.Database) => void][] = [
  ['facts_board_cumulative', deriveBoardSums],
  ['facts_country_cumulative', deriveCountrySums],
  ['facts_adjusted_counts', deriveAdjustedCounts],
];

const rowsOf = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`).raw().safeIntegers().all();

let run = 0;
const runnerOf = async (store: MemoryEventStore, batchSize: number) => {
  const runner = new ProjectionRunner(inLogOrder(store), join(dir, `run-${(run += 1)}.db`), allProjections(), { batchSize });
  await runner.catchUp();
  return runner;
};

it('the tables kept as events arrive equal those derived from scratch', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 7 }), async (projects, batchSize) => {
      const runner = await runnerOf((await interleaved(projects)).store, batchSize);
      for (const [table, derive] of DERIVED) {
        const kept = rowsOf(runner.db, table);
        derive(runner.db);
        expect(rowsOf(runner.db, table)).toEqual(kept);
      }
      await runner.close();
    }),
    { numRuns: 40, seed: 20261202 },
  );
});

it('projects adjusted over whole months, up to a year and beyond, are those the facts count', async () => {
  const periodArb = fc.record({ start: fc.integer({ min: 0, max: 1800 }), months: fc.integer({ min: 1, max: 15 }) });
  await fc.assert(
    fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 10 }), fc.array(periodArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 7 }), async (projects, periods, batchSize) => {
      const runner = await runnerOf((await interleaved(projects)).store, batchSize);
      for (const { start, months } of periods) {
        const from = `${day(start).slice(0, 7)}-01`;
        const next = new Date(`${from}T00:00:00Z`);
        next.setUTCMonth(next.getUTCMonth() + months);
        const to = addDays(next.toISOString().slice(0, 10), -1);
        for (const filters of [{}, { boardId: 'B1' }, { origin: 'FDI' as const }]) {
          for (const groupBy of [[], ['board'], ['origin']] as const) {
            const query = { from, to, filters, groupBy: [...groupBy] };
            const { knownAt: _k, ...fromFacts } = activityReport(runner.db, units, { ...query, knownAt: '9999-12-31T00:00:00Z' });
            expect(activityReport(runner.db, units, query)).toEqual(fromFacts);
          }
        }
      }
      await runner.close();
    }),
    { numRuns: 40, seed: 20261203 },
  );
});
