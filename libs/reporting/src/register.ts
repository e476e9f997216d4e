import type Database from 'better-sqlite3';
import { foldForSearch, formatUsdCents, type LegalDate, type Origin } from '@ledger/domain';
import { filterSql, type ReportFilters, type Units } from './filters';
import { all, and, raw, sql } from './sql';

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

/** Paginated register of projects; with asOf, the status is the one in force on that date. */
export function projectRegister(db: Database.Database, units: Units, query: RegisterQuery) {
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
  const where = and(conditions);
  const [{ total }] = all<{ total: bigint }>(db, sql`SELECT COUNT(*) AS total FROM project_register WHERE ${where}`);
  const order = raw(`${SORT_SQL[query.sort]} ${query.order === 'desc' ? 'DESC' : 'ASC'}`);
  const rows = all<Record<string, bigint | string | null>>(
    db,
    sql`SELECT * FROM project_register WHERE ${where} ORDER BY ${order}, project_code LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: Number(total),
    items: rows.map((r) => {
      const origin = r.origin as Origin;
      const status = query.asOf && r.terminated_on !== null && (r.terminated_on as string) > query.asOf ? 'VALID' : r.status;
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
    }),
  };
}
