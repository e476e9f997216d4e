import type Database from 'better-sqlite3';
import { ORIGINS, type LegalDate, type Origin } from '@ledger/domain';
import { knownAtInstant } from './known-at';
import { readPlan } from './read-plan';
import { dimensionsFor, sumsAsOf, type SumsRow } from './sums';
import { amountOf, percent, type Amount } from './figures';
import { filterSql, rollUp, type GroupDimension, type ReportFilters, type Units, type UnitsView } from './filters';

export interface ValidProjectsQuery {
  asOf: LegalDate;
  knownAt?: string;
  filters: ReportFilters;
  groupBy: GroupDimension[];
  /** Default: the units of the as-of date. */
  units?: UnitsView['mode'];
  today?: string;
}

type StockRow = SumsRow;

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
 * Stock rows per board and origin (zone and country when asked): every fact effective by `asOf`,
 * recorded by `knownAt` when given (a canonical instant).
 */
export function stockRows(db: Database.Database, units: Units, asOf: LegalDate, knownAt: string | undefined, filters: ReportFilters, groupBy: readonly GroupDimension[] = []): StockRow[] {
  return sumsAsOf(db, readPlan({ knownAt, filters, groupBy }).stock, asOf, { where: filterSql(filters, units), by: dimensionsFor(groupBy), knownAt });
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
  const knownAt = knownAtInstant(query.knownAt);
  const rows = stockRows(db, units, query.asOf, knownAt, query.filters, query.groupBy);
  const view: UnitsView = { mode: query.units ?? 'historical', date: query.units === 'current' && query.today ? query.today : query.asOf };
  const groups = rollUp(rows, query.groupBy, units, view, emptyTotals, addStock).map((g) => ({ key: g.key, ...figures(g.acc) }));
  const total = emptyTotals();
  rows.forEach((r) => addStock(total, r));
  return {
    report: 'valid-projects',
    asOf: query.asOf,
    ...(knownAt ? { knownAt } : {}),
    filters: query.filters,
    groupBy: query.groupBy,
    units: view,
    total: figures(total),
    groups,
  };
}
