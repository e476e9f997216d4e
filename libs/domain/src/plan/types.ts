import type { LegalDate } from '../legal-date';

/** A board's own indicator (e.g. land cleared, ha): its target for the year; actuals are entered per period. */
export interface PlanIndicator {
  code: string;
  label: string;
  unit: string;
  /** Decimal string, e.g. "120.5". */
  target: string;
}

/**
 * A board's targets for a year (chỉ tiêu kế hoạch). Money in the currency boards plan it in: capital
 * in USD (FDI) and VND (DDI), revenue and budget in VND, exports in USD — as the one-currency
 * presentation of the operating results, against which they are measured.
 */
export interface PlanTargets {
  newProjects?: number;
  newAndAddedCapitalUsd?: string;
  newAndAddedCapitalVnd?: string;
  revenueVnd?: string;
  exportValueUsd?: string;
  budgetPaidVnd?: string;
  newJobs?: number;
  indicators?: PlanIndicator[];
}

export interface SetPlanTargets {
  type: 'SetPlanTargets';
  today: LegalDate;
  data: { boardId: string; year: number; targets: PlanTargets; decisionRef?: string };
}

export interface RecordIndicatorActual {
  type: 'RecordIndicatorActual';
  today: LegalDate;
  /** `period`: a month (2016-07) or quarter (2016-Q3) of the plan's year; `value` a decimal string. */
  data: { boardId: string; year: number; code: string; period: string; value: string };
}

export type PlanCommand = SetPlanTargets | RecordIndicatorActual;

export type PlanEvent =
  | { type: 'PlanTargetsSet'; data: SetPlanTargets['data'] & { revision: number } }
  | { type: 'PlanIndicatorActualRecorded'; data: RecordIndicatorActual['data'] };

/** The board as the reference data knows it (undefined: unknown board). */
export interface PlanBoard {
  validFrom: LegalDate;
  validTo: LegalDate | null;
}

export interface PlanState {
  revisions: number;
  targets?: PlanTargets;
}
