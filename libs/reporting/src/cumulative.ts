import type Database from 'better-sqlite3';
import { addDays, type LegalDate, type Origin } from '@ledger/domain';
import { kindIn, statement, type FactKind } from '@ledger/projections';

/**
 * Month-end snapshots of the facts' running sums, so a figure "as of D" reads one snapshot plus
 * less than a month of facts instead of the whole history.
 *
 * A snapshot is built on first use (from the previous snapshot plus the facts between them) and
 * dropped by the licensing-facts projection, in the transaction that inserts a fact effective on
 * or before it — back-dated acts and corrections included. Snapshots hold what the ledger knows
 * now: queries with `knownAt`, or by investor country, read the facts themselves.
 */
export type SumDimension = 'kind' | 'board_id' | 'zone_id';

export interface SumsQuery {
  /** Conditions over board_id, zone_id and origin (filterSql). */
  where: string[];
  params: Record<string, unknown>;
  kinds?: readonly FactKind[];
  /** Dimensions kept apart besides origin; the others come back as ''. */
  by: readonly SumDimension[];
}

export interface SumsRow {
  kind: string;
  board_id: string;
  zone_id: string;
  origin: Origin;
  /** Not kept in snapshots. */
  country: '';
  /** occurrences: SUM(sign) */
  n: bigint;
  valid: bigint;
  reg_vnd: bigint;
  reg_usd: bigint;
  realized_vnd: bigint;
  realized_usd: bigint;
}

const SUMS = 'SUM(n) AS n, SUM(valid) AS valid, SUM(reg_vnd) AS reg_vnd, SUM(reg_usd) AS reg_usd, SUM(realized_vnd) AS realized_vnd, SUM(realized_usd) AS realized_usd';
const SNAPSHOT_COLUMNS = 'kind, board_id, zone_id, origin, n, valid, reg_vnd, reg_usd, realized_vnd, realized_usd';
const FACT_COLUMNS = 'kind, board_id, zone_id, origin, sign, valid_delta, reg_vnd, reg_usd, realized_vnd, realized_usd';
const SNAPSHOT_KEY = 'kind, board_id, zone_id, origin';
const SUM_DIMENSIONS: readonly SumDimension[] = ['kind', 'board_id', 'zone_id'];

/** The last month end on or before `date`. */
export function snapshotDateFor(date: LegalDate): LegalDate {
  return addDays(date, 1).endsWith('-01') ? date : addDays(`${date.slice(0, 7)}-01`, -1);
}

const snapshotExists = (db: Database.Database, at: LegalDate) => statement(db, 'SELECT 1 FROM facts_cumulative_dates WHERE as_of = ?').pluck().get(at) !== undefined;

function ensureSnapshot(db: Database.Database, at: LegalDate): void {
  if (snapshotExists(db, at)) return;
  // IMMEDIATE: no fact can be inserted (and fail to drop this snapshot) between reading the facts and saving it.
  db.transaction(() => {
    if (snapshotExists(db, at)) return;
    const base = (statement(db, 'SELECT MAX(as_of) FROM facts_cumulative_dates WHERE as_of < ?').pluck().get(at) as string | null) ?? '';
    statement(
      db,
      `INSERT INTO facts_cumulative SELECT @at, ${SNAPSHOT_KEY}, ${SUMS} FROM (
         SELECT ${SNAPSHOT_COLUMNS} FROM facts_cumulative WHERE as_of = @base
         UNION ALL SELECT ${FACT_COLUMNS} FROM facts WHERE effective_on > @base AND effective_on <= @at
       ) GROUP BY ${SNAPSHOT_KEY}`,
    ).run({ at, base });
    statement(db, 'INSERT INTO facts_cumulative_dates VALUES (?)').run(at);
  }).immediate();
}

/**
 * One statement over signed running sums: `+` at `asOf`, and for a period `-` at the day before it
 * starts. Each running sum is its month-end snapshot plus the facts after it; the filters go into
 * every branch, where no result alias can shadow a column; SQLite does the arithmetic.
 */
function sums(db: Database.Database, query: SumsQuery, plus: LegalDate, minus?: LegalDate): SumsRow[] {
  const filters = [...query.where, ...(query.kinds ? [kindIn(query.kinds)] : [])].map((c) => ` AND ${c}`).join('');
  const branches = (sign: '' | '-', at: string, asOf: string) => [
    `SELECT kind, board_id, zone_id, origin, ${sign}n, ${sign}valid, ${sign}reg_vnd, ${sign}reg_usd, ${sign}realized_vnd, ${sign}realized_usd FROM facts_cumulative WHERE as_of = @${at}${filters}`,
    `SELECT kind, board_id, zone_id, origin, ${sign}sign, ${sign}valid_delta, ${sign}reg_vnd, ${sign}reg_usd, ${sign}realized_vnd, ${sign}realized_usd FROM facts WHERE effective_on > @${at} AND effective_on <= @${asOf}${filters}`,
  ];
  const columns = SUM_DIMENSIONS.map((d) => (query.by.includes(d) ? d : `'' AS ${d}`)).join(', ');
  const groupBy = ['origin', ...SUM_DIMENSIONS.filter((d) => query.by.includes(d))].join(', ');
  const parts = [...branches('', 'plusAt', 'plus'), ...(minus ? branches('-', 'minusAt', 'minus') : [])];
  const read = statement(
    db,
    `SELECT ${columns}, origin, '' AS country, ${SUMS} FROM (${parts.join(' UNION ALL ')}) GROUP BY ${groupBy}
     ${minus ? 'HAVING SUM(n) <> 0 OR SUM(valid) <> 0 OR SUM(reg_vnd) <> 0 OR SUM(reg_usd) <> 0 OR SUM(realized_vnd) <> 0 OR SUM(realized_usd) <> 0' : ''}`,
  ).safeIntegers();
  const snapshots = minus ? [snapshotDateFor(plus), snapshotDateFor(minus)] : [snapshotDateFor(plus)];
  // A projector in another process may drop a snapshot between building it and reading it: the
  // check and the read share one read transaction, and a dropped snapshot is built again.
  const consistentRead = db.transaction(() =>
    snapshots.every((at) => snapshotExists(db, at)) ? (read.all({ ...query.params, plus, plusAt: snapshots[0], ...(minus ? { minus, minusAt: snapshots[1] } : {}) }) as SumsRow[]) : undefined,
  );
  for (;;) {
    snapshots.forEach((at) => ensureSnapshot(db, at));
    const rows = consistentRead();
    if (rows) return rows;
  }
}

/** Facts effective on or before `asOf` (as known now), summed per origin and the asked dimensions. */
export function cumulativeSums(db: Database.Database, asOf: LegalDate, query: SumsQuery): SumsRow[] {
  return sums(db, query, asOf);
}

/** Facts effective in [from, to] (as known now); rows that add nothing (an act and its correction) are left out. */
export function periodSums(db: Database.Database, from: LegalDate, to: LegalDate, query: SumsQuery): SumsRow[] {
  return sums(db, query, to, addDays(from, -1));
}

/** True when a row adds nothing (e.g. an act and its correction cancelling out). */
export const addsNothing = (r: Omit<SumsRow, 'kind' | 'country'>) => r.n === 0n && r.valid === 0n && r.reg_vnd === 0n && r.reg_usd === 0n && r.realized_vnd === 0n && r.realized_usd === 0n;
