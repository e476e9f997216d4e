import type Database from 'better-sqlite3';
import { ORIGINS, addDays, addYears, type LegalDate, type Origin } from '@ledger/domain';
import { ADJUSTED_COUNT_MONTHS, ADJUSTMENT_FACT_KINDS } from '@ledger/projections';
import { knownAtInstant } from './known-at';
import { readPlan } from './read-plan';
import { all, isIn, raw, sql, type Sql } from './sql';
import { dimensionsFor, sumsOver, type SumsRow } from './sums';
import { amountOf, percent, type Amount } from './figures';
import { filterSql, groupKey, type GroupDimension, type GroupRow, type ReportFilters, type Units, type UnitsView } from './filters';

export interface ActivityQuery {
  from: LegalDate;
  to: LegalDate;
  knownAt?: string;
  filters: ReportFilters;
  groupBy: GroupDimension[];
  /** Default: the units of the period's end. */
  units?: UnitsView['mode'];
  today?: string;
}

type FlowRow = SumsRow;

const ADJUSTMENT_KINDS = new Set<string>(ADJUSTMENT_FACT_KINDS);

interface Acc {
  newProjects: bigint;
  newCapital: [bigint, bigint];
  adjustments: bigint;
  projectsAdjusted: number;
  increases: bigint;
  increasedCapital: [bigint, bigint];
  decreases: bigint;
  decreasedCapital: [bigint, bigint];
  terminations: bigint;
  releasedCapital: [bigint, bigint];
  realizedCapital: [bigint, bigint];
}

const emptyAcc = (): Record<Origin, Acc> => {
  const one = (): Acc => ({
    newProjects: 0n,
    newCapital: [0n, 0n],
    adjustments: 0n,
    projectsAdjusted: 0,
    increases: 0n,
    increasedCapital: [0n, 0n],
    decreases: 0n,
    decreasedCapital: [0n, 0n],
    terminations: 0n,
    releasedCapital: [0n, 0n],
    realizedCapital: [0n, 0n],
  });
  return { FDI: one(), DDI: one() };
};

const add = (pair: [bigint, bigint], vnd: bigint, usd: bigint) => {
  pair[0] += vnd;
  pair[1] += usd;
};

function accumulate(acc: Record<Origin, Acc>, row: FlowRow): void {
  const a = acc[row.origin];
  switch (row.kind) {
    case 'ISSUED':
      a.newProjects += row.n;
      add(a.newCapital, row.reg_vnd, row.reg_usd);
      break;
    case 'INCREASED':
      a.increases += row.n;
      add(a.increasedCapital, row.reg_vnd, row.reg_usd);
      break;
    case 'DECREASED':
      a.decreases += row.n;
      add(a.decreasedCapital, -row.reg_vnd, -row.reg_usd);
      break;
    case 'TERMINATED':
      a.terminations += row.n;
      add(a.releasedCapital, -row.reg_vnd, -row.reg_usd);
      break;
    case 'REALIZED':
      add(a.realizedCapital, row.realized_vnd, row.realized_usd);
      break;
  }
  if (ADJUSTMENT_KINDS.has(row.kind)) a.adjustments += row.n;
}

export interface ActivityFigures {
  newCertificates: { count: number; capital: Amount };
  adjustmentOccurrences: number;
  projectsAdjusted: number;
  increases: { count: number; capital: Amount };
  decreases: { count: number; capital: Amount };
  terminations: { count: number; releasedCapital: Amount };
  newAndAddedCapital: Amount;
  netChange: Amount;
  realizedCapital: Amount;
}

function figuresOf(origin: Origin, a: Acc): ActivityFigures {
  const money = (p: [bigint, bigint]) => amountOf(origin, p[0], p[1]);
  const newAndAdded: [bigint, bigint] = [a.newCapital[0] + a.increasedCapital[0], a.newCapital[1] + a.increasedCapital[1]];
  const net: [bigint, bigint] = [newAndAdded[0] - a.decreasedCapital[0] - a.releasedCapital[0], newAndAdded[1] - a.decreasedCapital[1] - a.releasedCapital[1]];
  return {
    newCertificates: { count: Number(a.newProjects), capital: money(a.newCapital) },
    adjustmentOccurrences: Number(a.adjustments),
    projectsAdjusted: a.projectsAdjusted,
    increases: { count: Number(a.increases), capital: money(a.increasedCapital) },
    decreases: { count: Number(a.decreases), capital: money(a.decreasedCapital) },
    terminations: { count: Number(a.terminations), releasedCapital: money(a.releasedCapital) },
    newAndAddedCapital: money(newAndAdded),
    netChange: money(net),
    realizedCapital: money(a.realizedCapital),
  };
}

/** Ratio current / previous for every count and amount, as a percentage with one decimal. */
function ratios(current: ActivityFigures, previous: ActivityFigures): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const walk = (c: unknown, p: unknown, path: string) => {
    if (typeof c === 'number') out[path] = percent(BigInt(c), BigInt(p as number));
    else if (c && typeof c === 'object' && 'amount' in c) out[path] = percent(BigInt((c as Amount).amount.replace('.', '')), BigInt((p as Amount).amount.replace('.', '')));
    else if (c && typeof c === 'object') for (const k of Object.keys(c)) walk((c as never)[k], (p as never)[k], path ? `${path}.${k}` : k);
  };
  walk(current, previous, '');
  return out;
}

function periodRows(db: Database.Database, units: Units, from: LegalDate, to: LegalDate, knownAt: string | undefined, filters: ReportFilters, groupBy: readonly GroupDimension[]) {
  const plan = readPlan({ knownAt, filters, groupBy });
  const where = filterSql(filters, units);
  const flows = sumsOver(db, plan.sums, from, to, { where, by: ['kind', ...dimensionsFor(groupBy)], knownAt });
  const adjusted = plan.projectsAdjusted === 'adjusted-days' ? countedAdjusted(db, where, from, to) : listedAdjusted(db, where, { from, to, knownAt }, groupBy);
  return { flows, adjusted };
}

/** Projects adjusted in the period: either counted per board and origin, or listed to be told apart. */
type AdjustedRow = GroupRow & ({ n: bigint; project_code?: undefined } | { project_code: string; n?: undefined });

/** How many months [from, to] spans when it runs from a month's first day to a month's last. */
function wholeMonths(from: LegalDate, to: LegalDate): number | undefined {
  if (!from.endsWith('-01') || !addDays(to, 1).endsWith('-01') || to < from) return undefined;
  const month = (date: LegalDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return month(to) - month(from) + 1;
}

/**
 * A project (one board) counts once per origin: the adjustment days in the period whose previous
 * one is before it — kept counted per month for periods of whole months (facts_adjusted_counts),
 * counted from the days otherwise.
 */
function countedAdjusted(db: Database.Database, where: Sql, from: LegalDate, to: LegalDate): AdjustedRow[] {
  const months = wholeMonths(from, to);
  if (months !== undefined && months <= ADJUSTED_COUNT_MONTHS) {
    const [since, until] = [from.slice(0, 7), to.slice(0, 7)];
    return all<AdjustedRow>(
      db,
      sql`SELECT board_id, '' AS zone_id, origin, '' AS country, SUM(n) AS n FROM facts_adjusted_counts
          WHERE since = ${since} AND month BETWEEN ${since} AND ${until} AND ${where} GROUP BY board_id, origin`,
    );
  }
  return all<AdjustedRow>(
    db,
    sql`SELECT board_id, '' AS zone_id, origin, '' AS country, COUNT(*) AS n FROM facts_adjusted_days
        WHERE effective_on BETWEEN ${from} AND ${to} AND prev_on < ${from} AND ${where} GROUP BY board_id, origin`,
  );
}

/**
 * The projects adjusted, with the dimensions asked for (a reversal keeps its act's dimensions, so a
 * project's net count per coarser group is positive exactly when it is in some finer one).
 */
function listedAdjusted(db: Database.Database, where: Sql, period: { from: LegalDate; to: LegalDate; knownAt?: string }, groupBy: readonly GroupDimension[]): AdjustedRow[] {
  const dims = raw(['board_id', groupBy.includes('zone') ? 'zone_id' : "'' AS zone_id", 'origin', groupBy.includes('country') ? 'country' : "'' AS country"].join(', '));
  const groups = raw(['board_id', 'origin', ...(groupBy.includes('zone') ? ['zone_id'] : []), ...(groupBy.includes('country') ? ['country'] : [])].join(', '));
  const known = period.knownAt === undefined ? raw('1') : sql`recorded_at <= ${period.knownAt}`;
  // A corrected act appears as original, reversal and replacement: only net occurrences count.
  return all<AdjustedRow>(
    db,
    sql`SELECT ${dims}, project_code FROM facts
        WHERE effective_on BETWEEN ${period.from} AND ${period.to} AND ${known} AND ${where} AND ${isIn('kind', ADJUSTMENT_FACT_KINDS)}
        GROUP BY ${groups}, project_code HAVING SUM(sign) > 0`,
  );
}

/** Period activity [from, to] with the same period one year earlier (DESIGN §5). */
export function activityReport(db: Database.Database, units: Units, query: ActivityQuery) {
  const previousFrom = addYears(query.from, -1);
  const previousTo = addYears(query.to, -1);
  const knownAt = knownAtInstant(query.knownAt);
  const periods = [periodRows(db, units, query.from, query.to, knownAt, query.filters, query.groupBy), periodRows(db, units, previousFrom, previousTo, knownAt, query.filters, query.groupBy)];
  const view: UnitsView = { mode: query.units ?? 'historical', date: query.units === 'current' && query.today ? query.today : query.to };
  const build = (groupBy: GroupDimension[]): Record<string, unknown>[] => {
    const byKey = new Map<string, { key: Record<string, string>; acc: [Record<Origin, Acc>, Record<Origin, Acc>] }>();
    const slot = (row: GroupRow) => {
      const key = groupKey(row, groupBy, units, view);
      const id = JSON.stringify(key);
      let s = byKey.get(id);
      if (!s) byKey.set(id, (s = { key, acc: [emptyAcc(), emptyAcc()] }));
      return s.acc;
    };
    periods.forEach((p, i) => {
      p.flows.forEach((row) => accumulate(slot(row)[i], row));
      const listed = new Map<Acc, Set<string>>();
      for (const row of p.adjusted) {
        const acc = slot(row)[i][row.origin];
        if (row.project_code === undefined) acc.projectsAdjusted += Number(row.n);
        else {
          let seen = listed.get(acc);
          if (!seen) listed.set(acc, (seen = new Set()));
          if (!seen.has(row.project_code)) {
            seen.add(row.project_code);
            acc.projectsAdjusted += 1;
          }
        }
      }
    });
    if (groupBy.length === 0 && byKey.size === 0) byKey.set('{}', { key: {}, acc: [emptyAcc(), emptyAcc()] });
    return [...byKey.values()]
      .sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1))
      .map(({ key, acc }) => {
        const out: Record<string, unknown> = { key };
        for (const origin of ORIGINS) {
          const current = figuresOf(origin, acc[0][origin]);
          const previous = figuresOf(origin, acc[1][origin]);
          out[origin] = { current, samePeriodLastYear: previous, ratioPct: ratios(current, previous) };
        }
        return out;
      });
  };
  return {
    report: 'activity',
    from: query.from,
    to: query.to,
    samePeriodLastYear: { from: previousFrom, to: previousTo },
    ...(knownAt ? { knownAt } : {}),
    filters: query.filters,
    groupBy: query.groupBy,
    units: view,
    total: build([])[0],
    groups: build(query.groupBy),
  };
}

