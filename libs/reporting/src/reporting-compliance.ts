import type Database from 'better-sqlite3';
import { addDays, periodRange, type LegalDate } from '@ledger/domain';
import { filterSql, type ReportFilters, type Units } from './filters';
import { all, raw, sql } from './sql';
import { knownAtInstant } from './known-at';

/** When a report is due: day `day` of the `monthsAfterPeriodEnd`-th month after the period's last month (capped at that month's end). */
export interface FilingDeadline {
  monthsAfterPeriodEnd: number;
  day: number;
}

export interface FilingDeadlines {
  quarter: FilingDeadline;
  year: FilingDeadline;
}

export function deadlineOf(period: string, deadlines: FilingDeadlines): LegalDate {
  const rule = period.length === 4 ? deadlines.year : deadlines.quarter;
  const end = periodRange(period).to;
  const months = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1 + rule.monthsAfterPeriodEnd;
  const first = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
  const last = addDays(`${Math.floor((months + 1) / 12)}-${String(((months + 1) % 12) + 1).padStart(2, '0')}-01`, -1);
  const due = addDays(first, rule.day - 1);
  return due > last ? last : due;
}

/** The quarters and years lying wholly inside [from, to]. */
export function reportingPeriodsIn(from: LegalDate, to: LegalDate): string[] {
  const out: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const period of [`${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`, `${year}`]) {
      const r = periodRange(period);
      if (r.from >= from && r.to <= to) out.push(period);
    }
  }
  return out;
}

interface ExpectedRow {
  project_code: string;
  project_name: string;
  board_id: string;
  zone_id: string;
  origin: string;
  first_filed_on: string | null;
}

/**
 * Who has reported, late or not at all, per reporting period inside [from, to]: every project valid
 * during the period (issued by its end, not terminated before its start) owes a report by the
 * configured deadline. A period whose deadline is after `asOf` counts its missing reports as pending.
 * The projects are the register's as known now; the filings those recorded by `knownAt`.
 */
export function reportingCompliance(db: Database.Database, units: Units, q: { from: LegalDate; to: LegalDate; asOf: LegalDate; knownAt?: string; filters: ReportFilters; deadlines: FilingDeadlines }) {
  const filter = filterSql(q.filters, units);
  const known = q.knownAt ? sql` AND r.recorded_at <= ${knownAtInstant(q.knownAt)}` : raw('');
  const select = (period: string, range: { from: LegalDate; to: LegalDate }) =>
    all<ExpectedRow>(
      db,
      sql`SELECT p.project_code, p.project_name, p.board_id, p.zone_id, p.origin,
            (SELECT MIN(r.filed_on) FROM enterprise_reports r WHERE r.project_code = p.project_code AND r.period = ${period}${known}) AS first_filed_on
     FROM project_register p WHERE p.issued_on <= ${range.to} AND (p.terminated_on IS NULL OR p.terminated_on >= ${range.from}) AND ${filter}
     ORDER BY p.project_code`,
    );
  return reportingPeriodsIn(q.from, q.to).map((period) => {
    const range = periodRange(period);
    const deadline = deadlineOf(period, q.deadlines);
    const rows = select(period, range);
    const due = deadline < q.asOf;
    const onTime = rows.filter((r) => r.first_filed_on !== null && r.first_filed_on <= deadline).length;
    const late = rows.filter((r) => r.first_filed_on !== null && r.first_filed_on > deadline);
    const notFiled = rows.filter((r) => r.first_filed_on === null);
    const project = (r: ExpectedRow) => ({ projectCode: r.project_code, projectName: r.project_name, boardId: r.board_id, zoneId: r.zone_id, origin: r.origin });
    return {
      period,
      deadline,
      due,
      expected: rows.length,
      onTime,
      late: late.length,
      missing: due ? notFiled.length : 0,
      pending: due ? 0 : notFiled.length,
      lateProjects: late.map((r) => ({ ...project(r), filedOn: r.first_filed_on })),
      missingProjects: due ? notFiled.map(project) : [],
    };
  });
}
