import { RuleCode, rule } from '../errors';
import type { CertificateMoneyJson } from '../events';
import type { Origin } from '../grounds';
import { legalDate, type LegalDate } from '../legal-date';
import { MONEY_PATTERNS, isPositive, moneyFromJson, type Money } from '../money';
import type { ProjectState } from './state';

/** Guards shared by the decisions: each throws a RuleViolation naming the rule broken. */

export type IssuedProject = ProjectState & { status: 'VALID'; origin: Origin; issuedOn: LegalDate; projectCode: string };

export function requireOpenProject(state: ProjectState): asserts state is IssuedProject {
  rule(state.status !== 'UNISSUED', RuleCode.PROJECT_NOT_FOUND, 'no certificate has been issued for this project code');
  rule(state.status !== 'TERMINATED', RuleCode.PROJECT_TERMINATED, `the project was terminated on ${state.terminatedOn}; only a correction may be recorded`);
}

/** An act's legal date: a real date, not in the future, not before issuance. */
export function requireActDate(value: string, field: string, today: LegalDate, issuedOn?: LegalDate): LegalDate {
  const date = legalDate(value, field);
  rule(date <= today, RuleCode.FUTURE_DATED, `${field} ${date} is in the future (today is ${today})`);
  if (issuedOn !== undefined) {
    rule(date >= issuedOn, RuleCode.EFFECTIVE_BEFORE_ISSUANCE, `${field} ${date} precedes the certificate's issuance on ${issuedOn}`);
  }
  return date;
}

/** FDI amounts carry VND and the USD equivalent; DDI amounts carry VND only; all strictly positive. */
export function requireAmount(json: CertificateMoneyJson, origin: Origin, field: string): Money {
  const money = moneyFromJson(json, field);
  if (origin === 'FDI') rule(money.usdCents !== undefined, RuleCode.USD_REQUIRED_FOR_FDI, `${field}.usd is required for an FDI project`);
  else rule(money.usdCents === undefined, RuleCode.USD_NOT_ALLOWED_FOR_DDI, `${field}.usd must not be given for a DDI project (reported in VND)`);
  if (json.exchangeRate !== undefined) {
    rule(origin === 'FDI', RuleCode.USD_NOT_ALLOWED_FOR_DDI, `${field}.exchangeRate must not be given for a DDI project`);
    rule(MONEY_PATTERNS.exchangeRate.test(json.exchangeRate), RuleCode.AMOUNT_INVALID, `${field}.exchangeRate must be a positive decimal string`);
  }
  rule(isPositive(money), RuleCode.AMOUNT_NOT_POSITIVE, `${field} must be greater than zero`);
  return money;
}

/**
 * Acts that move the whole project (termination, a change of zone or origin) may not take effect
 * before an act already recorded: the figures those acts produced would otherwise belong nowhere.
 */
export function requireNotBeforeLastAct(date: LegalDate, field: string, state: ProjectState): void {
  rule(
    state.lastEffectiveOn === undefined || date >= state.lastEffectiveOn,
    RuleCode.EFFECTIVE_BEFORE_LAST_ACT,
    `${field} ${date} precedes an act already recorded as effective on ${state.lastEffectiveOn}`,
  );
}
