import type Database from 'better-sqlite3';
import { CLOSED_STATUSES, DOSSIER_CHANNELS, addYears, evolveDossier, initialDossierState, stepAt, vietnamDateOf, type DossierEvent, type DossierState, type LegalDate } from '@ledger/domain';
import { filterSql, type ReportFilters, type Units } from './filters';

export const DOSSIER_GROUP_DIMENSIONS = ['board', 'procedure'] as const;
export type DossierGroupDimension = (typeof DOSSIER_GROUP_DIMENSIONS)[number];

export interface DossierReportQuery {
  from: LegalDate;
  to: LegalDate;
  knownAt?: string;
  filters: Pick<ReportFilters, 'regionId' | 'provinceId' | 'boardId'> & { procedureCode?: string };
  groupBy: DossierGroupDimension[];
}

/** The figures of one period; README "Dossier report" defines each. */
export interface DossierFigures {
  received: { total: number } & Record<(typeof DOSSIER_CHANNELS)[number], number>;
  carriedOver: number;
  resolved: { total: number; approved: number; refused: number; aheadOfTime: number; onTime: number; late: number; lateWithApology: number; withinStatutoryTime: number };
  withdrawn: number;
  transferred: number;
  inProcess: { total: number; withinDeadline: number; awaitingSupplement: number; overdue: number };
  /** Calendar days from the clock's start to the resolution, of the dossiers resolved in the period. */
  processingDays: { average: string | null; median: string | null };
  statutoryDays: { average: string | null; median: string | null };
  committedDays: { average: string | null; median: string | null };
  /** Sum of processing days over the sum of statutory (committed) days, %. */
  processingPctOfStatutory: string | null;
  processingPctOfCommitted: string | null;
}

const dayOf = (instant: string) => vietnamDateOf(new Date(instant));
const daysBetween = (a: LegalDate, b: LegalDate) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const isOpen = (s: DossierState) => s.status !== 'NONE' && !CLOSED_STATUSES.includes(s.status);

/** `numerator / denominator` with one decimal, rounded half up (exact: integers only). */
function tenths(numerator: bigint, denominator: bigint): string | null {
  if (denominator === 0n) return null;
  const t = (numerator * 20n + denominator) / (2n * denominator);
  return `${t / 10n}.${t % 10n}`;
}

function averageAndMedian(values: number[]): { average: string | null; median: string | null } {
  if (values.length === 0) return { average: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const twiceMedian = sorted.length % 2 ? 2 * sorted[mid] : sorted[mid - 1] + sorted[mid];
  return { average: tenths(BigInt(values.reduce((a, b) => a + b, 0)), BigInt(values.length)), median: tenths(BigInt(twiceMedian), 2n) };
}

interface Accumulator {
  figures: Omit<DossierFigures, 'processingDays' | 'statutoryDays' | 'committedDays' | 'processingPctOfStatutory' | 'processingPctOfCommitted'>;
  processing: number[];
  statutory: number[];
  committed: number[];
}

const emptyAccumulator = (): Accumulator => ({
  figures: {
    received: { total: 0, DESK: 0, POST: 0, ONLINE_PARTIAL: 0, ONLINE_FULL: 0 },
    carriedOver: 0,
    resolved: { total: 0, approved: 0, refused: 0, aheadOfTime: 0, onTime: 0, late: 0, lateWithApology: 0, withinStatutoryTime: 0 },
    withdrawn: 0,
    transferred: 0,
    inProcess: { total: 0, withinDeadline: 0, awaitingSupplement: 0, overdue: 0 },
  },
  processing: [],
  statutory: [],
  committed: [],
});

function finish({ figures, processing, statutory, committed }: Accumulator): DossierFigures {
  const sum = (xs: number[]) => BigInt(xs.reduce((a, b) => a + b, 0));
  return {
    ...figures,
    processingDays: averageAndMedian(processing),
    statutoryDays: averageAndMedian(statutory),
    committedDays: averageAndMedian(committed),
    processingPctOfStatutory: tenths(sum(processing) * 100n, sum(statutory)),
    processingPctOfCommitted: tenths(sum(processing) * 100n, sum(committed)),
  };
}

/**
 * Adds one dossier to a period's figures: its state at the end of the day before `from` and at the
 * end of `to`, each folded from the steps dated (Vietnam time) up to that day.
 */
function countDossier(acc: Accumulator, events: readonly DossierEvent[], from: LegalDate, to: LegalDate): boolean {
  let before = initialDossierState;
  let end = initialDossierState;
  for (const event of events) {
    const day = dayOf(stepAt(event));
    if (day > to) break;
    end = evolveDossier(end, event);
    if (day < from) before = end;
  }
  const f = acc.figures;
  if (isOpen(before)) f.carriedOver++;
  else if (before.status === 'NONE' && end.status !== 'NONE') {
    f.received.total++;
    f.received[end.channel!]++;
  } else return false; // closed before the period, or received after it
  if (isOpen(end)) {
    f.inProcess.total++;
    if (end.status === 'AWAITING_SUPPLEMENT') f.inProcess.awaitingSupplement++;
    else if (to > end.clock!.committedDueOn) f.inProcess.overdue++;
    else f.inProcess.withinDeadline++;
    return true;
  }
  if (end.status === 'WITHDRAWN') f.withdrawn++;
  if (end.status === 'TRANSFERRED') f.transferred++;
  if (end.status !== 'RESOLVED') return true;
  const resolvedOn = dayOf(end.closedAt!);
  const clock = end.clock!;
  f.resolved.total++;
  f.resolved[end.outcome === 'APPROVED' ? 'approved' : 'refused']++;
  if (resolvedOn < clock.committedDueOn) f.resolved.aheadOfTime++;
  else if (resolvedOn === clock.committedDueOn) f.resolved.onTime++;
  else {
    f.resolved.late++;
    if (end.delays > 0) f.resolved.lateWithApology++;
  }
  if (resolvedOn <= clock.statutoryDueOn) f.resolved.withinStatutoryTime++;
  acc.processing.push(daysBetween(clock.clockStartsOn, resolvedOn));
  acc.statutory.push(daysBetween(clock.clockStartsOn, clock.statutoryDueOn));
  acc.committed.push(daysBetween(clock.clockStartsOn, clock.committedDueOn));
  return true;
}

/** The figures of [from, to] over some dossiers' streams. */
export function periodFigures(dossiers: readonly (readonly DossierEvent[])[], from: LegalDate, to: LegalDate): DossierFigures {
  const acc = emptyAccumulator();
  for (const events of dossiers) countDossier(acc, events, from, to);
  return finish(acc);
}

interface EventRow {
  dossier_id: string;
  board_id: string;
  procedure_code: string;
  type: string;
  data: string;
}

/**
 * The streams of the dossiers received by `to` under the filters, as known at `knownAt`. Without
 * knownAt, dossiers closed before `since` (the earliest period's start) are left out: they count in
 * neither period. With it, a closure recorded later may not be known yet, so none is left out.
 */
function streams(db: Database.Database, units: Units, query: DossierReportQuery, since: LegalDate) {
  const { regionId, provinceId, boardId, procedureCode } = query.filters;
  const filter = filterSql({ regionId, provinceId, boardId }, units);
  const where = [
    ...filter.where.map((w) => `d.${w}`),
    'd.received_on <= @to',
    ...(procedureCode ? ['d.procedure_code = @procedureCode'] : []),
    ...(query.knownAt ? ['e.recorded_at <= @knownAt'] : ['(d.closed_on IS NULL OR d.closed_on >= @since)']),
  ];
  const rows = db
    .prepare(`SELECT e.dossier_id, d.board_id, d.procedure_code, e.type, e.data FROM dossier_events e JOIN dossiers d USING (dossier_id) WHERE ${where.join(' AND ')} ORDER BY e.dossier_id, e.version`)
    .all({ ...filter.params, to: query.to, ...(procedureCode ? { procedureCode } : {}), ...(query.knownAt ? { knownAt: query.knownAt } : { since }) }) as EventRow[];
  const byId = new Map<string, { boardId: string; procedureCode: string; events: DossierEvent[] }>();
  for (const row of rows) {
    let dossier = byId.get(row.dossier_id);
    if (!dossier) byId.set(row.dossier_id, (dossier = { boardId: row.board_id, procedureCode: row.procedure_code, events: [] }));
    dossier.events.push({ type: row.type, data: JSON.parse(row.data) } as DossierEvent);
  }
  return [...byId.values()];
}

/** Dossiers [from, to] with the same period one year earlier (DESIGN §5, README "Dossier report"). */
export function dossierReport(db: Database.Database, units: Units, query: DossierReportQuery) {
  const previous = { from: addYears(query.from, -1), to: addYears(query.to, -1) };
  const dossiers = streams(db, units, query, previous.from);
  const groups = new Map<string, { key: Record<string, string>; current: Accumulator; samePeriodLastYear: Accumulator; counted: boolean }>();
  const total = { current: emptyAccumulator(), samePeriodLastYear: emptyAccumulator() };
  for (const d of dossiers) {
    const key: Record<string, string> = {};
    if (query.groupBy.includes('board')) key.boardId = d.boardId;
    if (query.groupBy.includes('procedure')) key.procedureCode = d.procedureCode;
    const id = JSON.stringify(key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, current: emptyAccumulator(), samePeriodLastYear: emptyAccumulator(), counted: false }));
    countDossier(total.current, d.events, query.from, query.to);
    countDossier(total.samePeriodLastYear, d.events, previous.from, previous.to);
    const inCurrent = countDossier(group.current, d.events, query.from, query.to);
    const inPrevious = countDossier(group.samePeriodLastYear, d.events, previous.from, previous.to);
    group.counted ||= inCurrent || inPrevious;
  }
  return {
    report: 'dossiers',
    from: query.from,
    to: query.to,
    samePeriodLastYear: previous,
    ...(query.knownAt ? { knownAt: query.knownAt } : {}),
    filters: query.filters,
    groupBy: query.groupBy,
    total: { current: finish(total.current), samePeriodLastYear: finish(total.samePeriodLastYear) },
    groups: query.groupBy.length
      ? [...groups.values()]
          // A group only of dossiers closed before both periods has nothing to show (and is not read without knownAt).
          .filter((g) => g.counted)
          .sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1))
          .map((g) => ({ key: g.key, current: finish(g.current), samePeriodLastYear: finish(g.samePeriodLastYear) }))
      : [],
  };
}
