import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MemoryEventStore } from '@ledger/event-store';
import { validProjectsReport } from '@ledger/reporting';
import { ProjectionRunner } from './runner/projection-runner';
import { allProjections } from './index';
import { TickingClock, amount, codeOf, commandsFor, correctionFor, correctionPlaceholder, day, foldedValid, projectArb, record, units, type Histories } from './testing/random-histories';
import { inLogOrder } from './testing/log-order';

/**
 * Up to 50 corrections per project: each adds facts bounded by the project's own acts (at most
 * three facts per act derived, and as many cancelled), so the facts grow linearly with the
 * corrections; and the reports, as known now and as known at the time of any earlier recording,
 * equal a direct fold of the events recorded by then.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-corrections-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An act derives at most three facts (an adjustment that moves the project: ADJUSTED, MOVED_OUT, MOVED_IN). */
const FACTS_PER_ACT = 3;

it('corrections add facts linearly, and every report known at any time equals a direct fold', async () => {
  let run = 0;
  let mostCorrections = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ project: projectArb, corrections: fc.array(fc.nat(), { maxLength: 50, size: 'max' }) }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 3200 }), { minLength: 2, maxLength: 4 }),
      async (projects, dates) => {
        run += 1;
        const clock = new TickingClock();
        const store = new MemoryEventStore(clock.now);
        const runner = new ProjectionRunner(inLogOrder(store), join(dir, `${run}.db`), allProjections(), { batchSize: 3 });
        const histories: Histories = new Map();
        const rowsAt = runner.db.prepare('SELECT COUNT(*) FROM facts WHERE position = ?').pluck();
        for (const [index, { project, corrections }] of projects.entries()) {
          const code = codeOf(index);
          const acts = commandsFor(project, index).filter((c) => c.type !== 'CorrectEvent');
          for (const command of [...acts, ...corrections.map(correctionPlaceholder)]) {
            const resolved = correctionFor(command, (histories.get(code) ?? []).map((h) => h.event), true);
            if (!resolved || !(await record(store, clock, histories, code, resolved))) continue;
            if (resolved.type !== 'CorrectEvent') continue;
            // Caught up after each correction, so a blow-up fails here instead of exhausting the machine.
            const position = await runner.catchUp();
            const actsSoFar = histories.get(code)!.filter((h) => h.event.type !== 'EventCorrected').length;
            expect(rowsAt.get(position)).toBeLessThanOrEqual(2 * FACTS_PER_ACT * actsSoFar);
          }
        }
        await runner.catchUp();
        for (const history of histories.values()) mostCorrections = Math.max(mostCorrections, history.filter((h) => h.event.type === 'EventCorrected').length);

        const instants = [...new Set([...histories.values()].flatMap((h) => h.map((e) => e.recordedAt)))];
        for (const offset of dates) {
          const asOf = day(offset);
          for (const knownAt of [undefined, ...instants.filter((_, i) => i % 7 === 0)]) {
            const report = validProjectsReport(runner.db, units, { asOf, filters: {}, groupBy: [], ...(knownAt ? { knownAt } : {}) });
            const folded = foldedValid(histories, asOf, knownAt);
            for (const origin of ['FDI', 'DDI'] as const) {
              expect([report.total[origin].validProjects, report.total[origin].registeredCapital.amount, report.total[origin].realizedCapital.amount]).toEqual([
                folded[origin].n,
                amount(origin, folded[origin].reg),
                amount(origin, folded[origin].realized),
              ]);
            }
          }
        }
        await runner.close();
      },
    ),
    { numRuns: 15, seed: 20261201 },
  );
  expect(mostCorrections).toBeGreaterThanOrEqual(40); // the histories did reach the corrections they are about
});
