import type Database from 'better-sqlite3';
import { MONEY_FIGURES, parseUsdCents, parseVnd, periodRange, type EnterpriseReportFiledData, type FiledMoneyJson } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { forgetStatements, statement } from '../runner/statements';

/** Column prefix of each money figure; `<prefix>_vnd` / `<prefix>_usd` are NULL where the filing did not state that currency. */
export const FIGURE_COLUMNS = { revenue: 'revenue', exportValue: 'export', importValue: 'import', budgetPaid: 'budget' } as const;

/**
 * Every filing of an enterprise's periodic report, one row per revision (a refiling supersedes,
 * never replaces: the report picks the last revision recorded by `knownAt`). Board, zone and origin
 * come from the project register when a report is asked for.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS enterprise_reports (
  project_code TEXT NOT NULL, period TEXT NOT NULL, period_from TEXT NOT NULL, period_to TEXT NOT NULL,
  revision INTEGER NOT NULL, filed_on TEXT NOT NULL, recorded_at TEXT NOT NULL, position INTEGER NOT NULL,
  ${MONEY_FIGURES.map((f) => `${FIGURE_COLUMNS[f]}_vnd INTEGER, ${FIGURE_COLUMNS[f]}_usd INTEGER`).join(', ')},
  employees INTEGER NOT NULL, foreign_employees INTEGER NOT NULL, new_jobs INTEGER NOT NULL,
  PRIMARY KEY (project_code, period, revision)
);
CREATE INDEX IF NOT EXISTS enterprise_reports_by_period ON enterprise_reports (period_from, period_to);`;

const vndOf = (m: FiledMoneyJson | undefined) => (m?.vnd === undefined ? null : parseVnd(m.vnd));
const usdOf = (m: FiledMoneyJson | undefined) => (m?.usd === undefined ? null : parseUsdCents(m.usd));

export class EnterpriseReportsProjection implements Projection {
  readonly name = 'enterprise-reports';
  readonly version = 1;
  /** Each row comes from one event or its own stream. */
  readonly byStream = true;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS enterprise_reports;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    if (recorded.type !== 'EnterpriseReportFiled') return;
    const d = recorded.data as EnterpriseReportFiledData;
    const { from, to } = periodRange(d.period);
    const money = Object.fromEntries(MONEY_FIGURES.flatMap((f) => [[`${FIGURE_COLUMNS[f]}_vnd`, vndOf(d[f])], [`${FIGURE_COLUMNS[f]}_usd`, usdOf(d[f])]]));
    const columns = Object.keys(money);
    statement(
      db,
      `INSERT INTO enterprise_reports (project_code, period, period_from, period_to, revision, filed_on, recorded_at, position, ${columns.join(', ')}, employees, foreign_employees, new_jobs)
       VALUES (@code, @period, @from, @to, @revision, @filedOn, @recordedAt, @position, ${columns.map((c) => `@${c}`).join(', ')}, @employees, @foreign, @newJobs)`,
    ).run({
      code: d.projectCode,
      period: d.period,
      from,
      to,
      revision: d.revision,
      filedOn: d.filedOn,
      recordedAt: recorded.recordedAt,
      position: recorded.position,
      ...money,
      employees: d.employees,
      foreign: d.foreignEmployees ?? 0,
      newJobs: d.newJobs ?? 0,
    });
  }
}
