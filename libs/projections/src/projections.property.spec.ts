import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { addDays, effectiveDateOf } from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { activityReport, timeseriesReport, validProjectsReport } from '@ledger/reporting';
import { ProjectionRunner } from './runner/projection-runner';
import { allProjections } from './index';
import { ALL_ZONES, TickingClock, amount, commandsFor, correctionFor, day, foldedValid, projectArb, record, units, type Histories } from './testing/random-histories';
import { inLogOrder } from './testing/log-order';

/**
 * For random valid histories, the live projection (caught up in random slices), a rebuild from
 * position 0 and a direct fold of the log agree on the reports for random dates; the reports as
 * known now (month-end running sums) equal those read from the facts themselves.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('live projection = rebuild from zero = direct fold, for random histories and dates', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(projectArb, { minLength: 1, maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 3200 }), { minLength: 3, maxLength: 6 }),
      fc.integer({ min: 1, max: 7 }),
      async (projects, dates, batchSize) => {
        run += 1;
        const clock = new TickingClock();
        const store = new MemoryEventStore(clock.now);
        const live = new ProjectionRunner(inLogOrder(store), join(dir, `live-${run}.db`), allProjections(), { batchSize });
        // Reports read through a read-only connection: a query that wrote to a read model would fail.
        const reader = new Database(join(dir, `live-${run}.db`), { readonly: true });
        const histories: Histories = new Map();
        // Interleave projects' commands round-robin; catch up the live projection now and then.
        const queues = projects.map(commandsFor);
        for (let round = 0; queues.some((q) => q.length); round++) {
          for (const queue of queues) {
            const next = queue.shift();
            if (!next) continue;
            const code = next.type === 'IssueCertificate' ? next.data.projectCode : [...histories.keys()][queues.indexOf(queue)];
            if (!code) continue;
            const command = correctionFor(next, (histories.get(code) ?? []).map((h) => h.event));
            if (command) await record(store, clock, histories, code, command);
          }
          if (round % 2 === 0) {
            await live.catchUp();
            // Reports read the running sums between catch-ups, which later (back-dated, corrected) facts must keep right.
            for (const offset of dates) {
              validProjectsReport(reader, units, { asOf: day(offset), filters: {}, groupBy: [] });
              activityReport(reader, units, { from: addDays(day(offset), -365), to: day(offset), filters: {}, groupBy: [] });
            }
          }
        }
        await live.catchUp();
        const rebuilt = new ProjectionRunner(store, join(dir, `rebuilt-${run}.db`), allProjections(), { batchSize: 1000 });
        await rebuilt.rebuild();

        for (const offset of dates) {
          const asOf = day(offset);
          const query = { asOf, filters: {}, groupBy: [] };
          const fromLive = validProjectsReport(reader, units, query);
          expect(validProjectsReport(rebuilt.db, units, query)).toEqual(fromLive);
          // knownAt after every recording reads the facts themselves, not the running sums.
          const { knownAt: _k, ...fromFacts } = validProjectsReport(rebuilt.db, units, { ...query, knownAt: '9999-12-31T00:00:00Z' });
          expect(fromFacts).toEqual(fromLive);
          expect(validProjectsReport(reader, units, { ...query, groupBy: ['zone', 'origin'] })).toEqual(validProjectsReport(rebuilt.db, units, { ...query, groupBy: ['zone', 'origin'] }));
          const asFolded = (figures: typeof fromLive.total, folded: ReturnType<typeof foldedValid>) => {
            for (const origin of ['FDI', 'DDI'] as const) {
              expect(figures[origin].validProjects).toBe(folded[origin].n);
              expect(figures[origin].registeredCapital.amount).toBe(amount(origin, folded[origin].reg));
              expect(figures[origin].realizedCapital.amount).toBe(amount(origin, folded[origin].realized));
            }
          };
          asFolded(fromLive.total, foldedValid(histories, asOf));
          // By main investor country: running sums kept by country, equal to the facts, the rebuild and the fold.
          const byCountry = { ...query, groupBy: ['country' as const] };
          const countries = validProjectsReport(reader, units, byCountry);
          expect(validProjectsReport(rebuilt.db, units, byCountry)).toEqual(countries);
          const { knownAt: _c, ...countriesFromFacts } = validProjectsReport(rebuilt.db, units, { ...byCountry, knownAt: '9999-12-31T00:00:00Z' });
          expect(countriesFromFacts).toEqual(countries);
          // Split by country and by zone as a fold places each act: on its date, even one recorded after a later-dated move.
          const byZone = validProjectsReport(reader, units, { ...query, groupBy: ['zone'] });
          for (const [groups, key, values] of [[countries.groups, 'country', ['KR', 'JP', 'SG', 'VN']], [byZone.groups, 'zoneId', ALL_ZONES]] as const) {
            for (const value of values) {
              const group = groups.find((g) => g.key[key] === value);
              const folded = foldedValid(histories, asOf, undefined, { [key]: value });
              if (group) asFolded(group, folded);
              else expect(folded.FDI.n + folded.DDI.n).toBe(0);
            }
          }
          const period = { from: addDays(asOf, -365), to: asOf, filters: {}, groupBy: [] };
          const activity = activityReport(reader, units, period);
          expect(activityReport(rebuilt.db, units, period)).toEqual(activity);
          for (const groupBy of [[], ['zone', 'origin'], ['board']] as const) {
            const { knownAt: _a, ...activityFromFacts } = activityReport(rebuilt.db, units, { ...period, groupBy: [...groupBy], knownAt: '9999-12-31T00:00:00Z' });
            expect(activityReport(reader, units, { ...period, groupBy: [...groupBy] })).toEqual(activityFromFacts);
          }
          for (const metric of ['newCapital', 'adjustments', 'realizedCapital', 'registeredCapital'] as const) {
            const series = { metric, interval: 'quarter' as const, from: period.from, to: period.to, filters: {} };
            const { knownAt: _t, ...seriesFromFacts } = timeseriesReport(rebuilt.db, units, { ...series, knownAt: '9999-12-31T00:00:00Z' });
            expect(timeseriesReport(reader, units, series)).toEqual(seriesFromFacts);
          }
          const issuedInPeriod = [...histories.values()].filter((h) => effectiveDateOf(h[0].event) >= period.from && effectiveDateOf(h[0].event) <= period.to).length;
          const t = activity.total as Record<'FDI' | 'DDI', { current: { newCertificates: { count: number } } }>;
          expect(t.FDI.current.newCertificates.count + t.DDI.current.newCertificates.count).toBe(issuedInPeriod);
        }
        reader.close();
        await live.close();
        await rebuilt.close();
      },
    ),
    { numRuns: 40, seed: 20161231 },
  );
});
