import { RuleCode, rule } from '../errors';
import { EARLIEST_LEGAL_DATE, legalDate } from '../legal-date';
import { MONEY_PATTERNS } from '../money';
import { periodRange } from '../period';
import { MONEY_FIGURES, type EnterpriseReportEvent, type EnterpriseReportFigures, type EnterpriseReportState, type FileEnterpriseReport, type FiledMoneyJson, type ReportedProject } from './types';

/** Enterprises report per quarter and per year; halves and months are not reporting periods here. */
const REPORT_PERIOD = /^\d{4}(-Q[1-4])?$/;

/**
 * Decides a filing of an enterprise's periodic report. `project` is the project as recorded when
 * the command is decided (undefined: no certificate issued under that code).
 */
export function decideEnterpriseReport(command: FileEnterpriseReport, state: EnterpriseReportState, project: ReportedProject | undefined): EnterpriseReportEvent[] {
  const { data, today } = command;
  rule(project !== undefined, RuleCode.PROJECT_NOT_FOUND, `no certificate has been issued for project ${data.projectCode}`);
  rule(REPORT_PERIOD.test(data.period), RuleCode.PERIOD_INVALID, `period must be a year (2016) or a quarter (2016-Q3), got ${JSON.stringify(data.period)}`);
  const period = periodRange(data.period);
  const filedOn = legalDate(data.filedOn, 'filedOn');
  rule(filedOn >= EARLIEST_LEGAL_DATE, RuleCode.DATE_TOO_EARLY, `filedOn ${filedOn} precedes ${EARLIEST_LEGAL_DATE}`);
  rule(filedOn <= today, RuleCode.FUTURE_DATED, `filedOn ${filedOn} is in the future (today is ${today})`);
  rule(period.to >= project.issuedOn, RuleCode.PERIOD_BEFORE_ISSUANCE, `period ${data.period} ends on ${period.to}, before the project's certificate was issued on ${project.issuedOn}`);
  rule(project.terminatedOn === undefined || period.from <= project.terminatedOn, RuleCode.PROJECT_TERMINATED, `period ${data.period} starts after the project was terminated on ${project.terminatedOn}`);
  rule(filedOn > period.to, RuleCode.PERIOD_NOT_ENDED, `a report for ${data.period} can be filed once the period has ended (${period.to}); filedOn is ${filedOn}`);
  for (const field of ['employees', 'foreignEmployees', 'newJobs'] as const) {
    const value = data[field];
    if (value === undefined) continue;
    rule(Number.isSafeInteger(value), RuleCode.AMOUNT_INVALID, `${field} must be a whole number, got ${JSON.stringify(value)}`);
    rule(value >= 0, RuleCode.FIGURE_NEGATIVE, `${field} must not be negative, got ${value}`);
  }
  rule(
    (data.foreignEmployees ?? 0) <= data.employees,
    RuleCode.FOREIGN_EXCEEDS_EMPLOYEES,
    `foreignEmployees (${data.foreignEmployees}) are part of employees (${data.employees}) and cannot exceed them`,
  );
  for (const field of MONEY_FIGURES) requireFiledMoney(data[field], field);

  const previous = state.filings[state.filings.length - 1];
  const next = { ...data, revision: state.filings.length + 1 };
  rule(previous === undefined || !sameFigures(previous, next), RuleCode.NO_CHANGES, `the report for ${data.period} filed on ${previous?.filedOn} already says exactly this`);
  return [{ type: 'EnterpriseReportFiled', data: next }];
}

function requireFiledMoney(money: FiledMoneyJson | undefined, field: string): void {
  if (money === undefined) return;
  rule(money.vnd !== undefined || money.usd !== undefined, RuleCode.AMOUNT_INVALID, `${field} needs vnd, usd or both`);
  if (money.vnd !== undefined) rule(MONEY_PATTERNS.vnd.test(money.vnd), RuleCode.AMOUNT_INVALID, `${field}.vnd must be a whole, non-negative number of đồng as a decimal string, got ${JSON.stringify(money.vnd)}`);
  if (money.usd !== undefined) rule(MONEY_PATTERNS.usd.test(money.usd), RuleCode.AMOUNT_INVALID, `${field}.usd must be a non-negative decimal string with at most 2 decimals, got ${JSON.stringify(money.usd)}`);
}

/** A refiling that repeats the last one (apart from the day it was handed in) changes nothing. */
function sameFigures(a: EnterpriseReportFigures, b: EnterpriseReportFigures): boolean {
  const counts = (['employees', 'foreignEmployees', 'newJobs'] as const).every((f) => (a[f] ?? 0) === (b[f] ?? 0));
  return counts && MONEY_FIGURES.every((f) => a[f]?.vnd === b[f]?.vnd && a[f]?.usd === b[f]?.usd);
}
