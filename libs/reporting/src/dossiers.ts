import type Database from 'better-sqlite3';
import { CLOSED_STATUSES, DOSSIER_CHANNELS, addDays, addYears, snapshotsOf, type DossierEvent, type DossierSnapshot, type LegalDate } from '@ledger/domain';
import { filterSql, type ReportFilters, type Units } from './filters';
import { and, sql } from './sql';

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

const daysBetween = (a: LegalDate, b: LegalDate) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const isOpen = (s: DossierSnapshot) => s.status !== 'NONE' && !CLOSED_STATUSES.includes(s.status);

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

/** Before its receipt a dossier is nowhere. */
const NOT_RECEIVED = { status: 'NONE' } as DossierSnapshot;

/** A dossier at the end of each of `days` (ascending): the last of its steps dated on or before that day. */
function statesAt(steps: readonly DossierSnapshot[], days: readonly LegalDate[]): DossierSnapshot[] {
  const states: DossierSnapshot[] = [];
  let state = NOT_RECEIVED;
  let i = 0;
  for (const day of days) {
    while (i < steps.length && steps[i].onDay <= day) state = steps[i++];
    states.push(state);
  }
  return states;
}

/**
 * Adds one dossier to the figures of a period ending on `to`, from its states at the end of the day
 * before the period (`before`) and at the end of `to` (`end`). False when it counts nowhere.
 */
function countDossier(acc: Accumulator, before: DossierSnapshot, end: DossierSnapshot, to: LegalDate): boolean {
  const f = acc.figures;
  if (isOpen(before)) f.carriedOver++;
  else if (before.status === 'NONE' && end.status !== 'NONE') {
    f.received.total++;
    f.received[end.channel]++;
  } else return false; // closed before the period, or received after it
  if (isOpen(end)) {
    f.inProcess.total++;
    if (end.status === 'AWAITING_SUPPLEMENT') f.inProcess.awaitingSupplement++;
    else if (to > end.committedDueOn!) f.inProcess.overdue++;
    else f.inProcess.withinDeadline++;
    return true;
  }
  if (end.status === 'WITHDRAWN') f.withdrawn++;
  if (end.status === 'TRANSFERRED') f.transferred++;
  if (end.status !== 'RESOLVED') return true;
  const resolvedOn = end.closedOn!;
  const [start, statutoryDue, committedDue] = [end.clockStartsOn!, end.statutoryDueOn!, end.committedDueOn!];
  f.resolved.total++;
  f.resolved[end.outcome === 'APPROVED' ? 'approved' : 'refused']++;
  if (resolvedOn < committedDue) f.resolved.aheadOfTime++;
  else if (resolvedOn === committedDue) f.resolved.onTime++;
  else {
    f.resolved.late++;
    if (end.delays > 0) f.resolved.lateWithApology++;
  }
  if (resolvedOn <= statutoryDue) f.resolved.withinStatutoryTime++;
  acc.processing.push(daysBetween(start, resolvedOn));
  acc.statutory.push(daysBetween(start, statutoryDue));
  acc.committed.push(daysBetween(start, committedDue));
  return true;
}

/** The figures of [from, to] over some dossiers' streams. */
export function periodFigures(dossiers: readonly (readonly DossierEvent[])[], from: LegalDate, to: LegalDate): DossierFigures {
  const acc = emptyAccumulator();
  for (const events of dossiers) {
    const [before, end] = statesAt(snapshotsOf(events), [addDays(from, -1), to]);
    countDossier(acc, before, end, to);
  }
  return finish(acc);
}

/** A row of the report query, as an array (better-sqlite3 raw mode: no object per row). */
type StepRow = [string, string, string, string, DossierSnapshot['status'], DossierSnapshot['channel'], string | null, string | null, string | null, string | null, DossierSnapshot['outcome'], number];

/**
 * The steps of the dossiers received by `to` under the filters, as known at `knownAt`. Dossiers
 * closed before `since` (the earliest period's start) are left out — they count in neither period —
 * unless, with knownAt, the closure was recorded after it (then the dossier was still open as known).
 * The query reads covering indexes only (see the dossiers projection).
 */
function streams(db: Database.Database, units: Units, query: DossierReportQuery, since: LegalDate) {
  const { regionId, provinceId, boardId, procedureCode } = query.filters;
  // Only the dossiers table has board_id, so the shared board filter needs no alias.
  const where = and([
    filterSql({ regionId, provinceId, boardId }, units),
    sql`d.received_on <= ${query.to}`,
    ...(procedureCode ? [sql`d.procedure_code = ${procedureCode}`] : []),
    query.knownAt ? sql`(d.closed_on IS NULL OR d.closed_on >= ${since} OR d.closed_recorded_at > ${query.knownAt})` : sql`(d.closed_on IS NULL OR d.closed_on >= ${since})`,
    ...(query.knownAt ? [sql`e.recorded_at <= ${query.knownAt}`] : []),
  ]);
  const select = sql`SELECT e.dossier_id, d.board_id, d.procedure_code, e.on_day, e.status, e.channel, e.clock_starts_on, e.statutory_due_on, e.committed_due_on, e.closed_on, e.outcome, e.delays
       FROM dossiers d CROSS JOIN dossier_events e ON e.dossier_id = d.dossier_id WHERE ${where}`;
  const rows = db.prepare(select.text).raw().all(...select.values) as StepRow[];
  // CROSS JOIN keeps the dossiers the outer loop (filtered first); each one's steps come in version order by the primary key.
  const byId = new Map<string, { boardId: string; procedureCode: string; steps: DossierSnapshot[] }>();
  for (const [id, board, procedure, onDay, status, channel, clockStartsOn, statutoryDueOn, committedDueOn, closedOn, outcome, delays] of rows) {
    let dossier = byId.get(id);
    if (!dossier) byId.set(id, (dossier = { boardId: board, procedureCode: procedure, steps: [] }));
    dossier.steps.push({ onDay, status, channel, clockStartsOn, statutoryDueOn, committedDueOn, closedOn, outcome, delays });
  }
  return [...byId.values()];
}

/** Dossiers [from, to] with the same period one year earlier (DESIGN §5, README "Dossier report"). */
export function dossierReport(db: Database.Database, units: Units, query: DossierReportQuery) {
  const previous = { from: addYears(query.from, -1), to: addYears(query.to, -1) };
  const dossiers = streams(db, units, query, previous.from);
  const groups = new Map<string, { key: Record<string, string>; current: Accumulator; samePeriodLastYear: Accumulator; counted: boolean }>();
  const total = { current: emptyAccumulator(), samePeriodLastYear: emptyAccumulator() };
  // The four days whose end-of-day states decide both periods, read in one pass over each dossier's steps.
  const boundaries = { previousStart: addDays(previous.from, -1), previousEnd: previous.to, start: addDays(query.from, -1), end: query.to };
  const days = [...new Set(Object.values(boundaries))].sort();
  for (const d of dossiers) {
    const key: Record<string, string> = {};
    if (query.groupBy.includes('board')) key.boardId = d.boardId;
    if (query.groupBy.includes('procedure')) key.procedureCode = d.procedureCode;
    const id = JSON.stringify(key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, current: emptyAccumulator(), samePeriodLastYear: emptyAccumulator(), counted: false }));
    const states = statesAt(d.steps, days);
    const at = (day: LegalDate) => states[days.indexOf(day)];
    countDossier(total.current, at(boundaries.start), at(boundaries.end), query.to);
    countDossier(total.samePeriodLastYear, at(boundaries.previousStart), at(boundaries.previousEnd), previous.to);
    const inCurrent = countDossier(group.current, at(boundaries.start), at(boundaries.end), query.to);
    const inPrevious = countDossier(group.samePeriodLastYear, at(boundaries.previousStart), at(boundaries.previousEnd), previous.to);
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
          // A group only of dossiers that count in neither period has nothing to show.
          .filter((g) => g.counted)
          .sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1))
          .map((g) => ({ key: g.key, current: finish(g.current), samePeriodLastYear: finish(g.samePeriodLastYear) }))
      : [],
  };
}
