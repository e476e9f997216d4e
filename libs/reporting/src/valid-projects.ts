import type Database from 'better-sqlite3';
import { ORIGINS, type LegalDate, type Origin } from '@ledger/domain';
import { cumulativeSums } from './cumulative';
import { amountOf, percent, type Amount } from './figures';
import { filterSql, rollUp, type GroupDimension, type GroupRow, type ReportFilters, type Units, type UnitsView } from './filters';

export interface ValidProjectsQuery {
  asOf: LegalDate;
  knownAt?: string;
  filters: ReportFilters;
  groupBy: GroupDimension[];
  /** Default: the units of the as-of date. */
  units?: UnitsView['mode'];
  today?: string;
}

interface StockRow extends GroupRow {
  valid: bigint;
  reg_vnd: bigint;
  reg_usd: bigint;
  realized_vnd: bigint;
  realized_usd: bigint;
}

export interface ValidFigures {
  validProjects: number;
  registeredCapital: Amount;
  realizedCapital: Amount;
  /** realized / registered, percent with one decimal */
  realizationRatioPct: string | null;
}

type Totals = Record<Origin, { valid: bigint; vnd: bigint; usd: bigint; rvnd: bigint; rusd: bigint }>;

const emptyTotals = (): Totals => ({
  FDI: { valid: 0n, vnd: 0n, usd: 0n, rvnd: 0n, rusd: 0n },
  DDI: { valid: 0n, vnd: 0n, usd: 0n, rvnd: 0n, rusd: 0n },
});

function figures(totals: Totals): Record<Origin, ValidFigures> {
  const out = {} as Record<Origin, ValidFigures>;
  for (const origin of ORIGINS) {
    const t = totals[origin];
    const [reg, realized] = origin === 'FDI' ? [t.usd, t.rusd] : [t.vnd, t.rvnd];
    out[origin] = {
      validProjects: Number(t.valid),
      registeredCapital: amountOf(origin, t.vnd, t.usd),
      realizedCapital: amountOf(origin, t.rvnd, t.rusd),
      realizationRatioPct: percent(realized, reg),
    };
  }
  return out;
}

/**
 * Stock rows per board/zone/origin (and country when asked): every fact effective by `asOf` (and
 * recorded by `knownAt`). The figures as known now come from month-end snapshots; `knownAt` and
 * country need the facts themselves.
 */
export function stockRows(db: Database.Database, units: Units, asOf: LegalDate, knownAt: string | undefined, filters: ReportFilters, groupBy: readonly GroupDimension[] = []): StockRow[] {
  const filter = filterSql(filters, units);
  const byCountry = groupBy.includes('country');
  if (!knownAt && !byCountry) return cumulativeSums(db, asOf, { ...filter, by: groupBy.includes('zone') ? ['board_id', 'zone_id'] : ['board_id'] });
  const { where, params } = filter;
  where.push('effective_on <= @asOf');
  if (knownAt) where.push('recorded_at <= @knownAt');
  return db
    .prepare(
      `SELECT board_id, zone_id, origin, ${byCountry ? 'country' : "'' AS country"}, SUM(valid_delta) AS valid, SUM(reg_vnd) AS reg_vnd, SUM(reg_usd) AS reg_usd,
              SUM(realized_vnd) AS realized_vnd, SUM(realized_usd) AS realized_usd
       FROM facts WHERE ${where.join(' AND ')} GROUP BY board_id, zone_id, origin${byCountry ? ', country' : ''}`,
    )
    .safeIntegers()
    .all({ ...params, asOf, ...(knownAt ? { knownAt } : {}) }) as StockRow[];
}

const addStock = (acc: Totals, row: StockRow) => {
  const t = acc[row.origin];
  t.valid += row.valid;
  t.vnd += row.reg_vnd;
  t.usd += row.reg_usd;
  t.rvnd += row.realized_vnd;
  t.rusd += row.realized_usd;
};

/** Valid projects as of D: issued on or before D and not terminated on or before D (DESIGN §5). */
export function validProjectsReport(db: Database.Database, units: Units, query: ValidProjectsQuery) {
  const rows = stockRows(db, units, query.asOf, query.knownAt, query.filters, query.groupBy);
  const view: UnitsView = { mode: query.units ?? 'historical', date: query.units === 'current' && query.today ? query.today : query.asOf };
  const groups = rollUp(rows, query.groupBy, units, view, emptyTotals, addStock).map((g) => ({ key: g.key, ...figures(g.acc) }));
  const total = emptyTotals();
  rows.forEach((r) => addStock(total, r));
  return {
    report: 'valid-projects',
    asOf: query.asOf,
    ...(query.knownAt ? { knownAt: query.knownAt } : {}),
    filters: query.filters,
    groupBy: query.groupBy,
    units: view,
    total: figures(total),
    groups,
  };
}
