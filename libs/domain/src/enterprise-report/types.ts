import type { LegalDate } from '../legal-date';

/**
 * A money figure as the enterprise filed it: VND, USD, or both. Nothing is converted on the way in;
 * reports convert a missing currency with the configured rate of the period and say so.
 */
export interface FiledMoneyJson {
  vnd?: string;
  usd?: string;
}

/** The figures of one investment-activity report (Circular 03/2021/TT-BKHĐT, Decree 31/2021 art. 102). */
export interface EnterpriseReportFigures {
  revenue?: FiledMoneyJson;
  exportValue?: FiledMoneyJson;
  importValue?: FiledMoneyJson;
  budgetPaid?: FiledMoneyJson;
  /** Employees at the end of the period, of which foreigners. */
  employees: number;
  foreignEmployees?: number;
  /** Jobs created during the period. */
  newJobs?: number;
}

export const MONEY_FIGURES = ['revenue', 'exportValue', 'importValue', 'budgetPaid'] as const;
export type MoneyFigure = (typeof MONEY_FIGURES)[number];

export interface FileEnterpriseReport {
  type: 'FileEnterpriseReport';
  /** Legal date the command is decided on (from the write path, never `new Date()` here). */
  today: LegalDate;
  data: EnterpriseReportFigures & {
    projectCode: string;
    /** `2016` (annual) or `2016-Q3` (quarterly). */
    period: string;
    /** The day the enterprise filed the report with the board. */
    filedOn: LegalDate;
  };
}

export interface EnterpriseReportFiledData extends EnterpriseReportFigures {
  projectCode: string;
  period: string;
  filedOn: LegalDate;
  /** 1 for the first filing of the period; a later filing supersedes the one before it. */
  revision: number;
}

export interface EnterpriseReportFiled {
  type: 'EnterpriseReportFiled';
  data: EnterpriseReportFiledData;
}

export type EnterpriseReportEvent = EnterpriseReportFiled;

/** What the decider needs to know about the project, read from its stream at command time. */
export interface ReportedProject {
  issuedOn: LegalDate;
  terminatedOn?: LegalDate;
}

/** The filings of one project and period, in order. */
export interface EnterpriseReportState {
  filings: EnterpriseReportFiledData[];
}
