import type Database from 'better-sqlite3';
import { foldForSearch, formatUsdCents, type LegalDate, type Origin } from '@ledger/domain';
import { filterSql, type ReportFilters, type Units } from './filters';
import { all, and, raw, sql, type Sql } from './sql';

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

/** The conditions of a register query: filters, status (as of a date), search. */
function registerConditions(units: Units, query: Omit<RegisterQuery, 'page' | 'pageSize'>): Sql[] {
  const conditions = [filterSql(query.filters, units)];
  if (query.asOf) {
    conditions.push(sql`issued_on <= ${query.asOf}`);
    if (query.status === 'VALID') conditions.push(sql`(terminated_on IS NULL OR terminated_on > ${query.asOf})`);
    if (query.status === 'TERMINATED') conditions.push(sql`terminated_on <= ${query.asOf}`);
  } else if (query.status) conditions.push(sql`status = ${query.status}`);
  // Every word of the query, folded like the stored text: accents and case never matter.
  for (const word of foldForSearch(query.search ?? '').split(' ').filter(Boolean)) {
    conditions.push(sql`search_text LIKE ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`);
  }
  return conditions;
}

const orderOf = (query: Pick<RegisterQuery, 'sort' | 'order'>) => raw(`${SORT_SQL[query.sort]} ${query.order === 'desc' ? 'DESC' : 'ASC'}, project_code`);

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
    mainInvestorName: r.investor_name,
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
  const where = and(registerConditions(units, query));
  const [{ total }] = all<{ total: bigint }>(db, sql`SELECT COUNT(*) AS total FROM project_register WHERE ${where}`);
  const rows = all<RegisterRow>(db, sql`SELECT * FROM project_register WHERE ${where} ORDER BY ${orderOf(query)} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
  return { page: query.page, pageSize: query.pageSize, total: Number(total), items: rows.map((r) => registerItem(r, query.asOf)) };
}

/**
 * Every matching row of the register, in the query's order, read in pages of `pageSize` by keyset
 * (after the last row's sort key and project code): each page costs the same however deep it is,
 * where OFFSET re-reads every row before it, and no COUNT(*) is needed.
 */
export function* allRegisterItems(db: Database.Database, units: Units, query: Omit<RegisterQuery, 'page' | 'pageSize'>, pageSize = 1000): Generator<RegisterItem> {
  const conditions = registerConditions(units, query);
  // Ties on the sort key are in project code order, ascending in both directions.
  const key = raw(SORT_SQL[query.sort]);
  const after = (cursor: { afterKey: unknown; afterCode: unknown }) =>
    query.order === 'desc'
      ? sql`(${key} < ${cursor.afterKey} OR (${key} = ${cursor.afterKey} AND project_code > ${cursor.afterCode}))`
      : sql`(${key} > ${cursor.afterKey} OR (${key} = ${cursor.afterKey} AND project_code > ${cursor.afterCode}))`;
  let cursor: { afterKey: unknown; afterCode: unknown } | undefined;
  for (;;) {
    const where = and(cursor ? [...conditions, after(cursor)] : conditions);
    const rows = all<RegisterRow>(db, sql`SELECT *, ${key} AS sort_key FROM project_register WHERE ${where} ORDER BY ${orderOf(query)} LIMIT ${pageSize}`);
    for (const r of rows) yield registerItem(r, query.asOf);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    cursor = { afterKey: last.sort_key, afterCode: last.project_code };
  }
}
