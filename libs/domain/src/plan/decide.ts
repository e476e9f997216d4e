import { RuleCode, rule } from '../errors';
import { MONEY_PATTERNS } from '../money';
import type { PlanBoard, PlanCommand, PlanEvent, PlanState, PlanTargets } from './types';

const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,4})?$/;
const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

export const planStreamOf = (boardId: string, year: number) => `plan-${boardId}-${year}`;

export const initialPlanState: PlanState = { revisions: 0 };

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  return event.type === 'PlanTargetsSet' ? { revisions: state.revisions + 1, targets: event.data.targets } : state;
}

/** Targets and the board's own actuals for one board and year; `board` is the reference data's entry. */
export function decidePlan(command: PlanCommand, state: PlanState, board: PlanBoard | undefined): PlanEvent[] {
  const { boardId, year } = command.data;
  rule(board !== undefined, RuleCode.BOARD_UNKNOWN, `unknown board ${boardId}: it is not in the reference data (config/reference-data/boards.json)`);
  rule(Number.isInteger(year) && year >= 1988 && year <= Number(command.today.slice(0, 4)) + 1, RuleCode.PLAN_YEAR_INVALID, `year must be between 1988 and next year, got ${year}`);
  rule(
    board.validFrom <= `${year}-12-31` && (board.validTo === null || board.validTo >= `${year}-01-01`),
    RuleCode.BOARD_NOT_IN_FORCE,
    `board ${boardId} existed from ${board.validFrom}${board.validTo ? ` to ${board.validTo}` : ''}, not in ${year}`,
  );
  if (command.type === 'SetPlanTargets') {
    requireTargets(command.data.targets);
    return [{ type: 'PlanTargetsSet', data: { ...command.data, revision: state.revisions + 1 } }];
  }
  const { code, period, value } = command.data;
  const indicator = state.targets?.indicators?.find((i) => i.code === code);
  rule(indicator !== undefined, RuleCode.INDICATOR_UNKNOWN, `the ${year} plan of ${boardId} sets no indicator ${code}`);
  rule(new RegExp(`^${year}-(Q[1-4]|0[1-9]|1[0-2])$`).test(period), RuleCode.PERIOD_INVALID, `period must be a month (${year}-07) or a quarter (${year}-Q3) of ${year}, got ${JSON.stringify(period)}`);
  rule(DECIMAL.test(value), RuleCode.AMOUNT_INVALID, `value must be a non-negative decimal string, got ${JSON.stringify(value)}`);
  return [{ type: 'PlanIndicatorActualRecorded', data: command.data }];
}

function requireTargets(t: PlanTargets): void {
  for (const field of ['newProjects', 'newJobs'] as const) {
    const n = t[field];
    if (n === undefined) continue;
    rule(Number.isSafeInteger(n), RuleCode.AMOUNT_INVALID, `${field} must be a whole number`);
    rule(n >= 0, RuleCode.FIGURE_NEGATIVE, `${field} must not be negative, got ${n}`);
  }
  for (const field of ['newAndAddedCapitalVnd', 'revenueVnd', 'budgetPaidVnd'] as const) {
    if (t[field] !== undefined) rule(MONEY_PATTERNS.vnd.test(t[field]), RuleCode.AMOUNT_INVALID, `${field} must be a whole number of đồng as a decimal string`);
  }
  for (const field of ['newAndAddedCapitalUsd', 'exportValueUsd'] as const) {
    if (t[field] !== undefined) rule(MONEY_PATTERNS.usd.test(t[field]), RuleCode.AMOUNT_INVALID, `${field} must be a decimal string with at most 2 decimals`);
  }
  const codes = new Set<string>();
  for (const i of t.indicators ?? []) {
    rule(INDICATOR_CODE.test(i.code), RuleCode.AMOUNT_INVALID, `indicator code must be upper case letters, digits and _, got ${JSON.stringify(i.code)}`);
    rule(!codes.has(i.code), RuleCode.AMOUNT_INVALID, `indicator ${i.code} is given twice`);
    rule(DECIMAL.test(i.target), RuleCode.AMOUNT_INVALID, `indicator ${i.code}: target must be a non-negative decimal string, got ${JSON.stringify(i.target)}`);
    codes.add(i.code);
  }
}
