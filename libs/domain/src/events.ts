import type { SuspensionGround, TerminationGround, Origin } from './grounds';
import type { LegalDate } from './legal-date';
import { periodRange } from './period';
import type { MoneyJson } from './money';
import type { ProjectCode } from './project-code';

/** Money as printed on a certificate: for FDI, the VND amount, its USD equivalent and the rate used. */
export interface CertificateMoneyJson extends MoneyJson {
  /** VND per USD as printed, e.g. "23500". */
  exchangeRate?: string;
}

export interface Investor {
  name: string;
  country: string; // ISO 3166-1 alpha-2, e.g. "VN", "KR"
}

/** The main investor's (the first one's) country: figures by investor country follow it. */
export const mainInvestorCountry = (investors: readonly Investor[] | undefined): string | undefined => investors?.[0]?.country;

/** Non-capital certificate content that adjustments may change. */
export interface CertificateDetails {
  projectName: string;
  investors: Investor[];
  zoneId: string;
  landAreaM2?: string;
  objectives: string;
  durationYears: number;
  implementationSchedule?: string;
}

export interface CertificateIssuedData extends CertificateDetails {
  projectCode: ProjectCode;
  boardId: string;
  origin: Origin;
  registeredCapital: CertificateMoneyJson;
  issuedOn: LegalDate;
}

export interface CapitalChangedData {
  adjustmentNo: number;
  amount: CertificateMoneyJson;
  effectiveOn: LegalDate;
  reason: string;
  decisionRef?: string;
}

export interface CertificateChanges extends Partial<CertificateDetails> {
  origin?: Origin;
  /** Required when origin becomes FDI: the USD equivalent of the registered capital. */
  registeredCapitalUsd?: string;
  exchangeRate?: string;
}

export interface CertificateAdjustedData {
  adjustmentNo: number;
  changes: CertificateChanges;
  effectiveOn: LegalDate;
  reason: string;
  decisionRef?: string;
}

export interface CapitalRealizedData {
  /** Reporting period: `2016`, `2016-H1`, `2016-Q3` or `2016-07`. */
  period: string;
  amount: MoneyJson;
  reportedOn: LegalDate;
}

export interface ProjectSuspendedData {
  ground: SuspensionGround;
  effectiveOn: LegalDate;
  decisionRef: string;
}

export interface ProjectResumedData {
  effectiveOn: LegalDate;
  decisionRef: string;
}

/**
 * The project started operating (đi vào hoạt động) on `effectiveOn`, as the investor notified the
 * board; `noticeRef` is the investor's notice or report it was recorded from.
 */
export interface OperationStartedData {
  effectiveOn: LegalDate;
  noticeRef?: string;
}

export interface ProjectTerminatedData {
  ground: TerminationGround;
  effectiveOn: LegalDate;
  decisionRef: string;
}

/**
 * A compensating correction: the event at stream version `correctsVersion` is to be read as if it
 * had carried `correctedData`, or, with `revoked`, as if it had never been recorded (e.g. a
 * termination revoked). The corrected event itself is never edited.
 */
export interface EventCorrectedData {
  correctsVersion: number;
  correctedType: string;
  correctedData?: Record<string, unknown>;
  revoked?: boolean;
  reason: string;
  decisionRef?: string;
}

export type ProjectEvent =
  | { type: 'CertificateIssued'; data: CertificateIssuedData }
  | { type: 'CapitalIncreased'; data: CapitalChangedData }
  | { type: 'CapitalDecreased'; data: CapitalChangedData }
  | { type: 'CertificateAdjusted'; data: CertificateAdjustedData }
  | { type: 'CapitalRealized'; data: CapitalRealizedData }
  | { type: 'ProjectSuspended'; data: ProjectSuspendedData }
  | { type: 'ProjectResumed'; data: ProjectResumedData }
  | { type: 'OperationStarted'; data: OperationStartedData }
  | { type: 'ProjectTerminated'; data: ProjectTerminatedData }
  | { type: 'EventCorrected'; data: EventCorrectedData };

export type ProjectEventType = ProjectEvent['type'];

export const PROJECT_EVENT_TYPES: readonly ProjectEventType[] = [
  'CertificateIssued',
  'CapitalIncreased',
  'CapitalDecreased',
  'CertificateAdjusted',
  'CapitalRealized',
  'ProjectSuspended',
  'ProjectResumed',
  'OperationStarted',
  'ProjectTerminated',
  'EventCorrected',
];

/** The legal date an event takes effect on (for as-of queries and reports). */
export function effectiveDateOf(event: ProjectEvent): LegalDate {
  switch (event.type) {
    case 'CertificateIssued':
      return event.data.issuedOn;
    case 'EventCorrected':
      return '0000-01-01'; // a correction has no legal date of its own; it rewrites the reading of another event
    case 'CapitalRealized':
      // Realized capital is a figure "as of" the end of its reporting period.
      return periodRange(event.data.period).to;
    default:
      return event.data.effectiveOn;
  }
}
