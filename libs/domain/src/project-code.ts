import { RuleCode, RuleViolation } from './errors';

/**
 * The code printed on the IRC. Codes issued by the national investment information system
 * since 2015 are 10 digits. Projects licensed under older laws keep their old number:
 * a 12-digit investment-certificate number (Law on Investment 2005, e.g. `191043000012`) or an
 * investment-licence number (Law on Foreign Investment 1996/2000, e.g. `123/GP`, `45/GP-KCN-BN`).
 * Always a string: leading zeros are significant.
 */
export type ProjectCode = string;

export const PROJECT_CODE_PATTERN = /^(\d{10}|\d{12}|\d{1,5}\/GP(-[A-Z0-9]{1,10}){0,3})$/;

export function isProjectCode(value: unknown): value is ProjectCode {
  return typeof value === 'string' && PROJECT_CODE_PATTERN.test(value);
}

export function projectCode(value: unknown): ProjectCode {
  if (!isProjectCode(value)) {
    throw new RuleViolation(
      RuleCode.PROJECT_CODE_INVALID,
      `project code must be 10 digits, a legacy 12-digit certificate number or a licence number like 123/GP, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function streamIdOf(code: ProjectCode): string {
  return `project-${code}`;
}
