import fc from 'fast-check';
import { RuleViolation, addDays, decide, foldProject, formatUsdCents, mainInvestorCountry, projectAsOf, type ProjectCommand, type ProjectEvent } from '@ledger/domain';
import { MemoryEventStore, type EventStore } from '@ledger/event-store';
import type { Units } from '@ledger/reporting';

/** Random licensing histories for the projections' property tests, and the direct fold they are checked against. */
export const units: Units = {
  boardsInRegion: () => ['B1', 'B2'],
  boardsInProvince: (p) => [`B${p.slice(1)}`],
  provinceOfBoard: (b) => `P${b.slice(1)}`,
  regionOfBoard: () => 'R',
  boardOn: (b) => b,
  predecessorsOf: () => [],
};
const ZONES: Record<string, string[]> = { B1: ['Z1', 'Z2'], B2: ['Z3'] };
/** Main investors' countries: a change of it moves the project's facts between countries. */
const COUNTRIES = ['KR', 'JP', 'SG', 'VN'];
export const day = (n: number) => addDays('2014-01-01', n);
const TODAY = '2030-01-01';

const actArb = fc.record({
  kind: fc.constantFrom('inc', 'dec', 'zone', 'investor', 'realize', 'terminate', 'rename', 'operate', 'correct'),
  offset: fc.integer({ min: 0, max: 1500 }),
  amount: fc.integer({ min: 1, max: 5000 }),
});
export const projectArb = fc.record({
  board: fc.constantFrom('B1', 'B2'),
  origin: fc.constantFrom('FDI', 'DDI'),
  issuedDay: fc.integer({ min: 0, max: 1500 }),
  capital: fc.integer({ min: 1000, max: 100000 }),
  acts: fc.array(actArb, { maxLength: 6 }),
});

export type ProjectSpec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

export const codeOf = (index: number) => String(2100000000 + index);

export function commandsFor(p: ProjectSpec, index: number): ProjectCommand[] {
  const money = (n: number) => (p.origin === 'FDI' ? { vnd: String(n * 23000), usd: formatUsdCents(BigInt(n) * 100n) } : { vnd: String(n * 1000) });
  const issuedOn = day(p.issuedDay);
  const issue: ProjectCommand = {
    type: 'IssueCertificate',
    today: TODAY,
    data: {
      projectCode: codeOf(index),
      boardId: p.board,
      zoneId: ZONES[p.board][0],
      projectName: `P${index}`,
      investors: [{ name: 'I', country: p.origin === 'FDI' ? COUNTRIES[p.capital % 3] : 'VN' }],
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
      case 'investor':
        return { type: 'AdjustCertificate', today: TODAY, data: { changes: { investors: [{ name: `J${a.amount}`, country: COUNTRIES[a.amount % COUNTRIES.length] }] }, effectiveOn: on, reason: 'r' } };
      case 'correct':
        return correctionPlaceholder(a.amount);
      case 'rename':
        return { type: 'AdjustCertificate', today: TODAY, data: { changes: { projectName: `N${a.amount}` }, effectiveOn: on, reason: 'r' } };
      case 'operate':
        return { type: 'StartOperation', today: TODAY, data: { effectiveOn: on, noticeRef: `TB-${a.amount}` } };
      case 'realize':
        return { type: 'RecordRealizedCapital', today: TODAY, data: { period: on.slice(0, 7), amount: money(a.amount), reportedOn: on } };
      default:
        return { type: 'TerminateProject', today: TODAY, data: { ground: 'INVESTOR_DECISION', effectiveOn: on, decisionRef: 'd' } };
    }
  });
  return [issue, ...acts];
}

/** A correction of some act, resolved against the history at the time it runs (see correctionFor). */
export const correctionPlaceholder = (pick: number): ProjectCommand => ({ type: 'CorrectEvent', today: TODAY, data: { correctsVersion: pick, reason: 'sửa sai' } });

/**
 * Turns a placeholder correction into a real one: re-amount a capital act, revoke a termination,
 * and, with `restate`, restate any other act as it was (a correction that changes nothing).
 */
export function correctionFor(command: ProjectCommand, history: ProjectEvent[], restate = false): ProjectCommand | undefined {
  if (command.type !== 'CorrectEvent') return command;
  const acts = history.map((event, i) => ({ event, version: i + 1 })).filter((a) => a.event.type !== 'EventCorrected');
  const { event: target, version } = restate ? acts[command.data.correctsVersion % acts.length] : { event: history[command.data.correctsVersion % history.length], version: (command.data.correctsVersion % history.length) + 1 };
  if (target.type === 'ProjectTerminated') return { ...command, data: { correctsVersion: version, revoked: true, reason: 'sửa sai' } };
  if (target.type !== 'CapitalIncreased' && target.type !== 'CapitalDecreased') {
    return restate && target.type !== 'EventCorrected' ? { ...command, data: { correctsVersion: version, correctedData: { ...target.data }, reason: 'sửa sai' } } : undefined;
  }
  const { adjustmentNo: _n, ...data } = target.data;
  const scaled = { vnd: String(BigInt(data.amount.vnd) * 2n), ...(data.amount.usd ? { usd: formatUsdCents(BigInt(data.amount.usd.replace('.', '')) * 2n) } : {}) };
  return { ...command, data: { correctsVersion: version, correctedData: { ...data, amount: scaled }, reason: 'sửa sai' } };
}

export type Histories = Map<string, { event: ProjectEvent; recordedAt: string }[]>;

/** The system clock of a test store: a minute passes before every append. */
export class TickingClock {
  private at = Date.parse('2026-01-01T00:00:00.000Z');
  readonly now = () => new Date(this.at);
  tick(): string {
    this.at += 60_000;
    return this.now().toISOString();
  }
}

/** Decides `command` on the project's history and appends the result; false when a rule rejects it. */
export async function record(store: EventStore, clock: TickingClock, histories: Histories, code: string, command: ProjectCommand): Promise<boolean> {
  const history = histories.get(code) ?? [];
  let events: ProjectEvent[];
  try {
    events = decide(command, foldProject(history.map((h) => h.event)));
  } catch (error) {
    if (error instanceof RuleViolation) return false; // rejected acts simply do not happen
    throw error;
  }
  const recordedAt = clock.tick();
  await store.append(`project-${code}`, events.map((e, i) => ({ eventId: `${code}-${history.length}-${i}`, type: e.type, data: e.data, metadata: {} })), BigInt(history.length) || 'no_stream');
  histories.set(code, [...history, ...events.map((event) => ({ event, recordedAt }))]);
  return true;
}

/**
 * The projects' acts recorded round-robin, so that a batch holds several projects' acts interleaved;
 * a random correction takes the place of some acts (correctionFor).
 */
export async function interleaved(projects: readonly ProjectSpec[]): Promise<{ store: MemoryEventStore; histories: Histories }> {
  const clock = new TickingClock();
  const store = new MemoryEventStore(clock.now);
  const histories: Histories = new Map();
  const queues = projects.map(commandsFor);
  while (queues.some((q) => q.length)) {
    for (const [index, queue] of queues.entries()) {
      const next = queue.shift();
      const code = next?.type === 'IssueCertificate' ? next.data.projectCode : [...histories.keys()][index];
      if (!next || !code) continue;
      const command = correctionFor(next, (histories.get(code) ?? []).map((h) => h.event));
      if (command) await record(store, clock, histories, code, command);
    }
  }
  return { store, histories };
}

/** Reference figures per origin on @asOf, computed by folding each project's events directly, without any read model; only the projects in @where's zone or of its main investor country when given. */
export function foldedValid(histories: Histories, asOf: string, knownAt?: string, where: { country?: string; zoneId?: string } = {}) {
  const totals = { FDI: { n: 0, reg: 0n, realized: 0n }, DDI: { n: 0, reg: 0n, realized: 0n } };
  for (const history of histories.values()) {
    const s = projectAsOf(history, { asOf, ...(knownAt ? { knownAt } : {}) });
    if (s.status !== 'VALID' || !s.origin) continue;
    if ((where.country !== undefined && mainInvestorCountry(s.investors) !== where.country) || (where.zoneId !== undefined && s.zoneId !== where.zoneId)) continue;
    const t = totals[s.origin];
    t.n += 1;
    t.reg += s.origin === 'FDI' ? (s.registeredCapital.usdCents ?? 0n) : s.registeredCapital.vnd;
    t.realized += s.origin === 'FDI' ? (s.realizedCapital.usdCents ?? 0n) : s.realizedCapital.vnd;
  }
  return totals;
}

/** Every zone of the random histories' boards. */
export const ALL_ZONES = Object.values(ZONES).flat();

export const amount = (origin: 'FDI' | 'DDI', minor: bigint) => (origin === 'FDI' ? formatUsdCents(minor) : minor.toString());
