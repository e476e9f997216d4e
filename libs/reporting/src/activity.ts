import type Database from 'better-sqlite3';
import { ORIGINS, addYears, type LegalDate, type Origin } from '@ledger/domain';
import { ADJUSTMENT_FACT_KINDS, kindIn } from '@ledger/projections';
import { addsNothing, periodSums } from './cumulative';
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

interface FlowRow extends GroupRow {
  kind: string;
  n: bigint;
  reg_vnd: bigint;
  reg_usd: bigint;
  realized_vnd: bigint;
  realized_usd: bigint;
}

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
  const byCountry = groupBy.includes('country');
  const filter = filterSql(filters, units);
  const where = [...filter.where, 'effective_on BETWEEN @from AND @to', ...(knownAt ? ['recorded_at <= @knownAt'] : [])];
  const bind = { ...filter.params, from, to, ...(knownAt ? { knownAt } : {}) };
  const country = byCountry ? 'country' : "'' AS country";
  const flows: FlowRow[] =
    knownAt || byCountry
      ? (db
          .prepare(
            `SELECT kind, board_id, zone_id, origin, ${country}, SUM(sign) AS n, SUM(reg_vnd) AS reg_vnd, SUM(reg_usd) AS reg_usd,
                    SUM(realized_vnd) AS realized_vnd, SUM(realized_usd) AS realized_usd
             FROM facts WHERE ${where.join(' AND ')} GROUP BY kind, board_id, zone_id, origin${byCountry ? ', country' : ''}`,
          )
          .safeIntegers()
          .all(bind) as FlowRow[])
      : periodSums(db, from, to, { ...filter, by: groupBy.includes('zone') ? ['kind', 'board_id', 'zone_id'] : ['kind', 'board_id'] });
  const adjusted = adjustedProjects(db, filters, filter, { from, to, knownAt, bind, where }, groupBy);
  return { flows, adjusted };
}

/** Projects adjusted in the period: either counted per board and origin, or listed to be told apart. */
type AdjustedRow = GroupRow & ({ n: number; project_code?: undefined } | { project_code: string; n?: undefined });

const COUNTED_DIMENSIONS: readonly GroupDimension[] = ['region', 'province', 'board', 'origin'];

function adjustedProjects(
  db: Database.Database,
  filters: ReportFilters,
  filter: { where: string[]; params: Record<string, unknown> },
  period: { from: LegalDate; to: LegalDate; knownAt?: string; bind: Record<string, unknown>; where: string[] },
  groupBy: readonly GroupDimension[],
): AdjustedRow[] {
  // As known now, by board or coarser and without a zone filter, a project (one board) counts once
  // per origin: count the adjustment days in the period whose previous one is before it.
  if (!period.knownAt && !filters.zoneId && groupBy.every((d) => COUNTED_DIMENSIONS.includes(d))) {
    return db
      .prepare(
        `SELECT board_id, '' AS zone_id, origin, '' AS country, COUNT(*) AS n FROM facts_adjusted_days
         WHERE effective_on BETWEEN @from AND @to AND prev_on < @from${filter.where.map((c) => ` AND ${c}`).join('')} GROUP BY board_id, origin`,
      )
      .all({ ...filter.params, from: period.from, to: period.to }) as AdjustedRow[];
  }
  // Otherwise list them with the dimensions asked for (a reversal keeps its act's dimensions, so a
  // project's net count per coarser group is positive exactly when it is in some finer one).
  const byCountry = groupBy.includes('country');
  const dims = ['board_id', groupBy.includes('zone') ? 'zone_id' : null, 'origin', byCountry ? 'country' : null].filter((d) => d !== null);
  return db
    .prepare(
      // A corrected act appears as original, reversal and replacement: only net occurrences count.
      `SELECT ${dims.join(', ')}, project_code FROM facts WHERE ${period.where.join(' AND ')} AND ${kindIn(ADJUSTMENT_FACT_KINDS)}
       GROUP BY ${dims.join(', ')}, project_code HAVING SUM(sign) > 0`,
    )
    .all(period.bind) as AdjustedRow[];
}

/** Period activity [from, to] with the same period one year earlier (DESIGN §5). */
export function activityReport(db: Database.Database, units: Units, query: ActivityQuery) {
  const previousFrom = addYears(query.from, -1);
  const previousTo = addYears(query.to, -1);
  const periods = [periodRows(db, units, query.from, query.to, query.knownAt, query.filters, query.groupBy), periodRows(db, units, previousFrom, previousTo, query.knownAt, query.filters, query.groupBy)];
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
      p.flows.filter((row) => !addsNothing({ ...row, valid: 0n })).forEach((row) => accumulate(slot(row)[i], row));
      const listed = new Map<Acc, Set<string>>();
      for (const row of p.adjusted) {
        const acc = slot(row)[i][row.origin];
        if (row.project_code === undefined) acc.projectsAdjusted += row.n;
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
    ...(query.knownAt ? { knownAt: query.knownAt } : {}),
    filters: query.filters,
    groupBy: query.groupBy,
    units: view,
    total: build([])[0],
    groups: build(query.groupBy),
  };
}

