/**
 * Every business-rule violation carries a stable code that clients, tests and auditors can
 * rely on; the HTTP edge maps codes to status (404 for PROJECT_NOT_FOUND, 422 otherwise).
 */
export const RuleCode = {
  PROJECT_ALREADY_ISSUED: 'PROJECT_ALREADY_ISSUED',
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  PROJECT_TERMINATED: 'PROJECT_TERMINATED',
  PROJECT_CODE_INVALID: 'PROJECT_CODE_INVALID',
  AMOUNT_NOT_POSITIVE: 'AMOUNT_NOT_POSITIVE',
  AMOUNT_INVALID: 'AMOUNT_INVALID',
  CAPITAL_WOULD_BE_NON_POSITIVE: 'CAPITAL_WOULD_BE_NON_POSITIVE',
  USD_REQUIRED_FOR_FDI: 'USD_REQUIRED_FOR_FDI',
  USD_NOT_ALLOWED_FOR_DDI: 'USD_NOT_ALLOWED_FOR_DDI',
  EXCHANGE_RATE_REQUIRED_FOR_FDI: 'EXCHANGE_RATE_REQUIRED_FOR_FDI',
  DATE_INVALID: 'DATE_INVALID',
  FUTURE_DATED: 'FUTURE_DATED',
  EFFECTIVE_BEFORE_ISSUANCE: 'EFFECTIVE_BEFORE_ISSUANCE',
  PERIOD_INVALID: 'PERIOD_INVALID',
  PERIOD_NOT_STARTED: 'PERIOD_NOT_STARTED',
  NO_CHANGES: 'NO_CHANGES',
  ALREADY_SUSPENDED: 'ALREADY_SUSPENDED',
  NOT_SUSPENDED: 'NOT_SUSPENDED',
  RESUME_BEFORE_SUSPENSION: 'RESUME_BEFORE_SUSPENSION',
  EFFECTIVE_BEFORE_LAST_ACT: 'EFFECTIVE_BEFORE_LAST_ACT',
  ZONE_UNKNOWN: 'ZONE_UNKNOWN',
  CORRECTION_TARGET_INVALID: 'CORRECTION_TARGET_INVALID',
  ZONE_NOT_IN_BOARD: 'ZONE_NOT_IN_BOARD',
  BOARD_UNKNOWN: 'BOARD_UNKNOWN',
  BOARD_NOT_IN_FORCE: 'BOARD_NOT_IN_FORCE',
  EXCHANGE_RATE_MISMATCH: 'EXCHANGE_RATE_MISMATCH',
  DATE_TOO_EARLY: 'DATE_TOO_EARLY',
} as const;
export type RuleCode = (typeof RuleCode)[keyof typeof RuleCode];

/** Values a message names (dates, fields, boards), so the HTTP edge can say the same in Vietnamese. */
export type RuleParams = Record<string, string | number>;

export class RuleViolation extends Error {
  constructor(
    readonly code: RuleCode,
    message: string,
    readonly params: RuleParams = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export function rule(condition: boolean, code: RuleCode, message: string, params?: RuleParams): asserts condition {
  if (!condition) throw new RuleViolation(code, message, params);
}
