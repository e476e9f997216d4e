import type Database from 'better-sqlite3';
import { addDays, type LegalDate, type Origin } from '@ledger/domain';
import type { FactKind } from '@ledger/projections';
import type { GroupDimension } from './filters';
import type { FactsSource, StockSource } from './read-plan';
import { all, and, isIn, join, raw, sql, type Sql } from './sql';

/**
 * Sums of the licensing facts as of a date, or over a period, per origin and the dimensions asked
 * for. From the projection's month-end running sums (as known now): those of the last month end on
 * or before the date plus the facts after it. Or from the facts themselves, with `knownAt`, or for
 * flows by investor country (its running sums keep every kind together). Either way a query only reads.
 */
export type SumDimension = 'kind' | 'board_id' | 'zone_id' | 'country';

export interface SumsQuery {
  /** Conditions over board_id, zone_id and origin (filterSql). */
  where: Sql;
  kinds?: readonly FactKind[];
  /** Dimensions kept apart besides origin; the others come back as ''. */
  by: readonly SumDimension[];
  /** Canonical instant (canonicalInstant): only facts recorded by then. */
  knownAt?: string;
}

export interface SumsRow {
  kind: string;
  board_id: string;
  zone_id: string;
  origin: Origin;
  country: string;
  /** occurrences: SUM(sign) */
  n: bigint;
  valid: bigint;
  reg_vnd: bigint;
  reg_usd: bigint;
  realized_vnd: bigint;
  realized_usd: bigint;
}

const DIMENSIONS: readonly SumDimension[] = ['kind', 'board_id', 'zone_id', 'country'];

/** The dimensions a grouping needs kept apart: board always (units roll up from it), zone and country when asked. */
export const dimensionsFor = (groupBy: readonly GroupDimension[]): SumDimension[] => [
  'board_id',
  ...(groupBy.includes('zone') ? (['zone_id'] as const) : []),
  ...(groupBy.includes('country') ? (['country'] as const) : []),
];
const SUMS = raw('SUM(n) AS n, SUM(valid) AS valid, SUM(reg_vnd) AS reg_vnd, SUM(reg_usd) AS reg_usd, SUM(realized_vnd) AS realized_vnd, SUM(realized_usd) AS realized_usd');
const FACT_VALUES = ['sign', 'valid_delta', 'reg_vnd', 'reg_usd', 'realized_vnd', 'realized_usd'];
const SUM_VALUES = ['n', 'valid', 'reg_vnd', 'reg_usd', 'realized_vnd', 'realized_usd'];

/** Signed values under the sums' column names: `-` takes a running sum away (the day before a period). */
const values = (columns: readonly string[], sign: '' | '-') => raw(columns.map((c, i) => `${sign}${c} AS ${SUM_VALUES[i]}`).join(', '));

const conditions = (query: SumsQuery) => and([query.where, ...(query.kinds ? [isIn('kind', query.kinds)] : [])]);

type RunningSums = Exclude<StockSource, 'facts'>;
const RUNNING_SUMS: Record<RunningSums, { table: Sql; keys: Sql }> = {
  'running-sums': { table: raw('facts_cumulative'), keys: raw("kind, board_id, zone_id, origin, '' AS country") },
  'board-running-sums': { table: raw('facts_board_cumulative'), keys: raw("kind, board_id, '' AS zone_id, origin, '' AS country") },
  'country-running-sums': { table: raw('facts_country_cumulative'), keys: raw("'' AS kind, board_id, '' AS zone_id, origin, country") },
};

/** The running sums at `date` as signed rows: the last month end on or before it, plus the facts after it. */
function runningAt(source: RunningSums, date: LegalDate, sign: '' | '-', query: SumsQuery): Sql {
  const base = sql`COALESCE((SELECT MAX(as_of) FROM facts_month_ends WHERE as_of <= ${date}), '')`;
  const { table, keys } = RUNNING_SUMS[source];
  return sql`SELECT ${keys}, ${values(SUM_VALUES, sign)} FROM ${table} WHERE as_of = ${base} AND ${conditions(query)}
    UNION ALL SELECT ${keys}, ${values(FACT_VALUES, sign)} FROM facts WHERE effective_on > ${base} AND effective_on <= ${date} AND ${conditions(query)}`;
}

/** The facts effective in (after, to], as recorded by `knownAt` when given. */
function factsIn(after: LegalDate | '', to: LegalDate, query: SumsQuery): Sql {
  const known = query.knownAt === undefined ? raw('1') : sql`recorded_at <= ${query.knownAt}`;
  return sql`SELECT kind, board_id, zone_id, origin, country, ${values(FACT_VALUES, '')} FROM facts
    WHERE effective_on > ${after} AND effective_on <= ${to} AND ${known} AND ${conditions(query)}`;
}

function grouped(rows: Sql, query: SumsQuery, nonZero: boolean): Sql {
  const columns = raw(DIMENSIONS.map((d) => (query.by.includes(d) ? d : `'' AS ${d}`)).join(', '));
  const groupBy = raw(['origin', ...DIMENSIONS.filter((d) => query.by.includes(d))].join(', '));
  // An act and its correction add up to nothing over a period: such rows are left out.
  const having = nonZero ? raw(' HAVING SUM(n) <> 0 OR SUM(valid) <> 0 OR SUM(reg_vnd) <> 0 OR SUM(reg_usd) <> 0 OR SUM(realized_vnd) <> 0 OR SUM(realized_usd) <> 0') : raw('');
  return sql`SELECT ${columns}, origin, ${SUMS} FROM (${rows}) GROUP BY ${groupBy}${having}`;
}

/** Facts effective on or before `asOf`, every kind together (the running sums by country keep no kind). */
export function sumsAsOf(db: Database.Database, source: StockSource, asOf: LegalDate, query: Omit<SumsQuery, 'kinds'>): SumsRow[] {
  return all<SumsRow>(db, grouped(source === 'facts' ? factsIn('', asOf, query) : runningAt(source, asOf, '', query), query, false));
}

/** Facts effective in [from, to]; rows that add nothing (an act and its correction) are left out. */
export function sumsOver(db: Database.Database, source: FactsSource, from: LegalDate, to: LegalDate, query: SumsQuery): SumsRow[] {
  const before = addDays(from, -1);
  const rows = source === 'facts' ? factsIn(before, to, query) : join([runningAt(source, to, '', query), runningAt(source, before, '-', query)], ' UNION ALL ');
  return all<SumsRow>(db, grouped(rows, query, true));
}
