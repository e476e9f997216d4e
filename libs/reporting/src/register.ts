import type Database from 'better-sqlite3';
import { formatUsdCents, type LegalDate, type Origin } from '@ledger/domain';
import { filterSql, type ReportFilters, type Units } from './filters';

export const REGISTER_SORTS = ['projectCode', 'projectName', 'issuedOn', 'registeredCapital'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export interface RegisterQuery {
  filters: ReportFilters;
  status?: 'VALID' | 'TERMINATED';
  asOf?: LegalDate;
  search?: string;
  sort: RegisterSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_SQL: Record<RegisterSort, string> = {
  projectCode: 'project_code',
  projectName: 'project_name',
  issuedOn: 'issued_on',
  registeredCapital: "CASE origin WHEN 'FDI' THEN reg_usd * 1000 ELSE reg_vnd END",
};

/** The WHERE clause of a register query: filters, status (as of a date), search. */
function registerCondition(units: Units, query: Omit<RegisterQuery, 'page' | 'pageSize'>): { where: string[]; params: Record<string, unknown> } {
  const { where, params } = filterSql(query.filters, units);
  if (query.asOf) {
    where.push('issued_on <= @asOf');
    params.asOf = query.asOf;
    if (query.status === 'VALID') where.push('(terminated_on IS NULL OR terminated_on > @asOf)');
    if (query.status === 'TERMINATED') where.push('terminated_on <= @asOf');
  } else if (query.status) {
    where.push('status = @status');
    params.status = query.status;
  }
  if (query.search) {
    where.push("(project_code LIKE @search ESCAPE '\\' OR project_name LIKE @search ESCAPE '\\')");
    params.search = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { where, params };
}

const whereOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');
const orderOf = (query: Pick<RegisterQuery, 'sort' | 'order'>) => `ORDER BY ${SORT_SQL[query.sort]} ${query.order === 'desc' ? 'DESC' : 'ASC'}, project_code`;

type RegisterRow = Record<string, bigint | string | null>;

function registerItem(r: RegisterRow, asOf: LegalDate | undefined) {
  const origin = r.origin as Origin;
  const status = asOf && r.terminated_on !== null && (r.terminated_on as string) > asOf ? 'VALID' : r.status;
  return {
    projectCode: r.project_code,
    projectName: r.project_name,
    boardId: r.board_id,
    zoneId: r.zone_id,
    origin,
    mainInvestorCountry: r.country,
    issuedOn: r.issued_on,
    status,
    suspended: r.suspended === 1n,
    terminatedOn: r.terminated_on,
    adjustmentNo: Number(r.adjustment_no),
    registeredCapital: origin === 'FDI' ? { vnd: String(r.reg_vnd), usd: formatUsdCents(r.reg_usd as bigint) } : { vnd: String(r.reg_vnd) },
    realizedCapital: origin === 'FDI' ? { vnd: String(r.realized_vnd), usd: formatUsdCents(r.realized_usd as bigint) } : { vnd: String(r.realized_vnd) },
    version: Number(r.version),
  };
}

export type RegisterItem = ReturnType<typeof registerItem>;

/** Paginated register of projects; with asOf, the status is the one in force on that date. */
export function projectRegister(db: Database.Database, units: Units, query: RegisterQuery) {
  const { where, params } = registerCondition(units, query);
  const condition = whereOf(where);
  const total = db.prepare(`SELECT COUNT(*) FROM project_register ${condition}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT * FROM project_register ${condition} ${orderOf(query)} LIMIT @limit OFFSET @offset`)
    .safeIntegers()
    .all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }) as RegisterRow[];
  return { page: query.page, pageSize: query.pageSize, total, items: rows.map((r) => registerItem(r, query.asOf)) };
}

/**
 * Every matching row of the register, in the query's order, read in pages of `pageSize` by keyset
 * (after the last row's sort key and project code): each page costs the same however deep it is,
 * where OFFSET re-reads every row before it, and no COUNT(*) is needed.
 */
export function* allRegisterItems(db: Database.Database, units: Units, query: Omit<RegisterQuery, 'page' | 'pageSize'>, pageSize = 1000): Generator<RegisterItem> {
  const { where, params } = registerCondition(units, query);
  // Ties on the sort key are in project code order, ascending in both directions.
  const key = SORT_SQL[query.sort];
  const after = `(${key} ${query.order === 'desc' ? '<' : '>'} @afterKey OR (${key} = @afterKey AND project_code > @afterCode))`;
  const select = (withCursor: boolean) =>
    db.prepare(`SELECT *, ${SORT_SQL[query.sort]} AS sort_key FROM project_register ${whereOf(withCursor ? [...where, after] : where)} ${orderOf(query)} LIMIT @limit`).safeIntegers();
  const [first, next] = [select(false), select(true)];
  let cursor: { afterKey: unknown; afterCode: unknown } | undefined;
  for (;;) {
    const rows = (cursor ? next.all({ ...params, ...cursor, limit: pageSize }) : first.all({ ...params, limit: pageSize })) as RegisterRow[];
    for (const r of rows) yield registerItem(r, query.asOf);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    cursor = { afterKey: last.sort_key, afterCode: last.project_code };
  }
}
