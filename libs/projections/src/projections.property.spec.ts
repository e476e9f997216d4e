import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  RuleViolation,
  addDays,
  decide,
  effectiveDateOf,
  foldProject,
  formatUsdCents,
  projectAsOf,
  type ProjectCommand,
  type ProjectEvent,
} from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { activityReport, timeseriesReport, validProjectsReport, type Units } from '@ledger/reporting';
import { ProjectionRunner } from './runner/projection-runner';
import { allProjections } from './index';

/**
 * For random valid histories, the live projection (caught up in random slices), a rebuild from
 * position 0 and a direct fold of the log agree on the reports for random dates.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const units: Units = {
  boardsInRegion: () => ['B1', 'B2'],
  boardsInProvince: (p) => [`B${p.slice(1)}`],
  provinceOfBoard: (b) => `P${b.slice(1)}`,
  regionOfBoard: () => 'R',
  boardOn: (b) => b,
  predecessorsOf: () => [],
};
const ZONES: Record<string, string[]> = { B1: ['Z1', 'Z2'], B2: ['Z3'] };
const day = (n: number) => addDays('2014-01-01', n);
const TODAY = '2030-01-01';

const actArb = fc.record({
  kind: fc.constantFrom('inc', 'dec', 'zone', 'realize', 'terminate', 'rename', 'correct'),
  offset: fc.integer({ min: 0, max: 1500 }),
  amount: fc.integer({ min: 1, max: 5000 }),
});
const projectArb = fc.record({
  board: fc.constantFrom('B1', 'B2'),
  origin: fc.constantFrom('FDI', 'DDI'),
  issuedDay: fc.integer({ min: 0, max: 1500 }),
  capital: fc.integer({ min: 1000, max: 100000 }),
  acts: fc.array(actArb, { maxLength: 6 }),
});

type ProjectSpec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function commandsFor(p: ProjectSpec, index: number): ProjectCommand[] {
  const money = (n: number) => (p.origin === 'FDI' ? { vnd: String(n * 23000), usd: formatUsdCents(BigInt(n) * 100n) } : { vnd: String(n * 1000) });
  const issuedOn = day(p.issuedDay);
  const issue: ProjectCommand = {
    type: 'IssueCertificate',
    today: TODAY,
    data: {
      projectCode: String(2100000000 + index),
      boardId: p.board,
      zoneId: ZONES[p.board][0],
      projectName: `P${index}`,
      investors: [{ name: 'I', country: p.origin === 'FDI' ? 'KR' : 'VN' }],
      origin: p.origin as 'FDI' | 'DDI',
      registeredCapital: { ...money(p.capital), ...(p.origin === 'FDI' ? { exchangeRate: '23000' } : {}) },
      objectives: 'o',
      durationYears: 50,
      issuedOn,
    },
  };
  const acts = p.acts.map((a): ProjectCommand => {
    const on = day(p.issuedDay + a.offset);
    switch (a.kind) {
      case 'inc':
        return { type: 'IncreaseCapital', today: TODAY, data: { amount: money(a.amount), effectiveOn: on, reason: 'r' } };
      case 'dec':
        return { type: 'DecreaseCapital', today: TODAY, data: { amount: money(a.amount), effectiveOn: on, reason: 'r' } };
      case 'zone':
        return { type: 'AdjustCertificate', today: TODAY, data: { changes: { zoneId: ZONES[p.board][a.amount % ZONES[p.board].length] }, effectiveOn: on, reason: 'r' } };
      case 'correct':
        // Resolved against the history at the time it runs (see correctionFor).
        return { type: 'CorrectEvent', today: TODAY, data: { correctsVersion: a.amount, reason: 'sửa sai' } };
      case 'rename':
        return { type: 'AdjustCertificate', today: TODAY, data: { changes: { projectName: `N${a.amount}` }, effectiveOn: on, reason: 'r' } };
      case 'realize':
        return { type: 'RecordRealizedCapital', today: TODAY, data: { period: on.slice(0, 7), amount: money(a.amount), reportedOn: on } };
      default:
        return { type: 'TerminateProject', today: TODAY, data: { ground: 'INVESTOR_DECISION', effectiveOn: on, decisionRef: 'd' } };
    }
  });
  return [issue, ...acts];
}

/** Turns a placeholder correction into a real one: re-amount a capital act, or revoke a termination. */
function correctionFor(command: ProjectCommand, history: ProjectEvent[]): ProjectCommand | undefined {
  if (command.type !== 'CorrectEvent') return command;
  const version = (command.data.correctsVersion % history.length) + 1;
  const target = history[version - 1];
  if (target.type === 'ProjectTerminated') return { ...command, data: { correctsVersion: version, revoked: true, reason: 'sửa sai' } };
  if (target.type !== 'CapitalIncreased' && target.type !== 'CapitalDecreased') return undefined;
  const { adjustmentNo: _n, ...data } = target.data;
  const scaled = { vnd: String(BigInt(data.amount.vnd) * 2n), ...(data.amount.usd ? { usd: formatUsdCents(BigInt(data.amount.usd.replace('.', '')) * 2n) } : {}) };
  return { ...command, data: { correctsVersion: version, correctedData: { ...data, amount: scaled }, reason: 'sửa sai' } };
}

/** Reference figures computed by folding each project's events directly, without any read model. */
function foldedValid(histories: Map<string, { event: ProjectEvent; recordedAt: string }[]>, asOf: string) {
  const totals = { FDI: { n: 0, reg: 0n, realized: 0n }, DDI: { n: 0, reg: 0n, realized: 0n } };
  for (const history of histories.values()) {
    const s = projectAsOf(history, { asOf });
    if (s.status !== 'VALID' || !s.origin) continue;
    const t = totals[s.origin];
    t.n += 1;
    t.reg += s.origin === 'FDI' ? (s.registeredCapital.usdCents ?? 0n) : s.registeredCapital.vnd;
    t.realized += s.origin === 'FDI' ? (s.realizedCapital.usdCents ?? 0n) : s.realizedCapital.vnd;
  }
  return totals;
}

const amount = (origin: 'FDI' | 'DDI', minor: bigint) => (origin === 'FDI' ? formatUsdCents(minor) : minor.toString());

it('live projection = rebuild from zero = direct fold, for random histories and dates', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(projectArb, { minLength: 1, maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 3200 }), { minLength: 3, maxLength: 6 }),
      fc.integer({ min: 1, max: 7 }),
      async (projects, dates, batchSize) => {
        run += 1;
        const store = new MemoryEventStore();
        const live = new ProjectionRunner(store, join(dir, `live-${run}.db`), allProjections(), { batchSize });
        const histories = new Map<string, { event: ProjectEvent; recordedAt: string }[]>();
        // Interleave projects' commands round-robin; catch up the live projection now and then.
        const queues = projects.map(commandsFor);
        for (let round = 0; queues.some((q) => q.length); round++) {
          for (const queue of queues) {
            const next = queue.shift();
            if (!next) continue;
            const code = next.type === 'IssueCertificate' ? next.data.projectCode : [...histories.keys()][queues.indexOf(queue)];
            if (!code) continue;
            const history = histories.get(code) ?? [];
            const command = correctionFor(next, history.map((h) => h.event));
            if (!command) continue;
            try {
              const events = decide(command, foldProject(history.map((h) => h.event)));
              await store.append(`project-${code}`, events.map((e, i) => ({ eventId: `${code}-${history.length}-${i}`, type: e.type, data: e.data, metadata: {} })), BigInt(history.length) || 'no_stream');
              histories.set(code, [...history, ...events.map((event) => ({ event, recordedAt: new Date().toISOString() }))]);
            } catch (error) {
              if (!(error instanceof RuleViolation)) throw error; // rejected acts simply do not happen
            }
          }
          if (round % 2 === 0) {
            await live.catchUp();
            // Reports now build month-end snapshots that later (back-dated, corrected) facts must drop.
            for (const offset of dates) {
              validProjectsReport(live.db, units, { asOf: day(offset), filters: {}, groupBy: [] });
              activityReport(live.db, units, { from: addDays(day(offset), -365), to: day(offset), filters: {}, groupBy: [] });
            }
          }
        }
        await live.catchUp();
        const rebuilt = new ProjectionRunner(store, join(dir, `rebuilt-${run}.db`), allProjections(), { batchSize: 1000 });
        await rebuilt.rebuild();

        for (const offset of dates) {
          const asOf = day(offset);
          const query = { asOf, filters: {}, groupBy: [] };
          const fromLive = validProjectsReport(live.db, units, query);
          expect(validProjectsReport(rebuilt.db, units, query)).toEqual(fromLive);
          // knownAt after every recording reads the facts themselves, not the snapshots.
          const { knownAt: _k, ...fromFacts } = validProjectsReport(rebuilt.db, units, { ...query, knownAt: '9999-12-31T00:00:00Z' });
          expect(fromFacts).toEqual(fromLive);
          expect(validProjectsReport(live.db, units, { ...query, groupBy: ['zone', 'origin'] })).toEqual(validProjectsReport(rebuilt.db, units, { ...query, groupBy: ['zone', 'origin'] }));
          const folded = foldedValid(histories, asOf);
          for (const origin of ['FDI', 'DDI'] as const) {
            expect(fromLive.total[origin].validProjects).toBe(folded[origin].n);
            expect(fromLive.total[origin].registeredCapital.amount).toBe(amount(origin, folded[origin].reg));
            expect(fromLive.total[origin].realizedCapital.amount).toBe(amount(origin, folded[origin].realized));
          }
          const period = { from: addDays(asOf, -365), to: asOf, filters: {}, groupBy: [] };
          const activity = activityReport(live.db, units, period);
          expect(activityReport(rebuilt.db, units, period)).toEqual(activity);
          for (const groupBy of [[], ['zone', 'origin'], ['board']] as const) {
            const { knownAt: _a, ...activityFromFacts } = activityReport(rebuilt.db, units, { ...period, groupBy: [...groupBy], knownAt: '9999-12-31T00:00:00Z' });
            expect(activityReport(live.db, units, { ...period, groupBy: [...groupBy] })).toEqual(activityFromFacts);
          }
          for (const metric of ['newCapital', 'adjustments', 'realizedCapital', 'registeredCapital'] as const) {
            const series = { metric, interval: 'quarter' as const, from: period.from, to: period.to, filters: {} };
            const { knownAt: _t, ...seriesFromFacts } = timeseriesReport(rebuilt.db, units, { ...series, knownAt: '9999-12-31T00:00:00Z' });
            expect(timeseriesReport(live.db, units, series)).toEqual(seriesFromFacts);
          }
          const issuedInPeriod = [...histories.values()].filter((h) => effectiveDateOf(h[0].event) >= period.from && effectiveDateOf(h[0].event) <= period.to).length;
          const t = activity.total as Record<'FDI' | 'DDI', { current: { newCertificates: { count: number } } }>;
          expect(t.FDI.current.newCertificates.count + t.DDI.current.newCertificates.count).toBe(issuedInPeriod);
        }
        await live.close();
        await rebuilt.close();
      },
    ),
    { numRuns: 40, seed: 20161231 },
  );
});
