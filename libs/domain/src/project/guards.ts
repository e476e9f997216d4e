import { RuleCode, rule } from '../errors';
import type { CertificateMoneyJson } from '../events';
import type { Origin } from '../grounds';
import { EARLIEST_LEGAL_DATE, legalDate, type LegalDate } from '../legal-date';
import { MONEY_PATTERNS, formatUsdCents, isPositive, moneyFromJson, type Money } from '../money';
import type { ProjectState } from './state';

/** Guards shared by the decisions: each throws a RuleViolation naming the rule broken. */

export type IssuedProject = ProjectState & { status: 'VALID'; origin: Origin; issuedOn: LegalDate; projectCode: string };

export function requireOpenProject(state: ProjectState): asserts state is IssuedProject {
  rule(state.status !== 'UNISSUED', RuleCode.PROJECT_NOT_FOUND, 'no certificate has been issued for this project code');
  rule(state.status !== 'TERMINATED', RuleCode.PROJECT_TERMINATED, `the project was terminated on ${state.terminatedOn}; only a correction may be recorded`, { terminatedOn: state.terminatedOn ?? '' });
}

/** An act's legal date: a real date, not in the future, not before issuance. */
export function requireActDate(value: string, field: string, today: LegalDate, issuedOn?: LegalDate): LegalDate {
  const date = legalDate(value, field);
  rule(date >= EARLIEST_LEGAL_DATE, RuleCode.DATE_TOO_EARLY, `${field} ${date} precedes the first Law on Foreign Investment (${EARLIEST_LEGAL_DATE}); no act can be that old`, { field, date, earliest: EARLIEST_LEGAL_DATE });
  rule(date <= today, RuleCode.FUTURE_DATED, `${field} ${date} is in the future (today is ${today})`, { field, date, today });
  if (issuedOn !== undefined) {
    rule(date >= issuedOn, RuleCode.EFFECTIVE_BEFORE_ISSUANCE, `${field} ${date} precedes the certificate's issuance on ${issuedOn}`, { field, date, issuedOn });
  }
  return date;
}

/** FDI amounts carry VND and the USD equivalent; DDI amounts carry VND only; all strictly positive. */
export function requireAmount(json: CertificateMoneyJson, origin: Origin, field: string): Money {
  const money = moneyFromJson(json, field);
  if (origin === 'FDI') rule(money.usdCents !== undefined, RuleCode.USD_REQUIRED_FOR_FDI, `${field}.usd is required for an FDI project`, { field });
  else rule(money.usdCents === undefined, RuleCode.USD_NOT_ALLOWED_FOR_DDI, `${field}.usd must not be given for a DDI project (reported in VND)`, { field });
  if (json.exchangeRate !== undefined) {
    rule(origin === 'FDI', RuleCode.USD_NOT_ALLOWED_FOR_DDI, `${field}.exchangeRate must not be given for a DDI project`);
    rule(MONEY_PATTERNS.exchangeRate.test(json.exchangeRate), RuleCode.AMOUNT_INVALID, `${field}.exchangeRate must be a positive decimal string`);
    if (money.usdCents !== undefined) requireConsistentRate(money.vnd, money.usdCents, json.exchangeRate, field);
  }
  rule(isPositive(money), RuleCode.AMOUNT_NOT_POSITIVE, `${field} must be greater than zero`, { field });
  return money;
}

/** Rates carry at most 4 decimals (MONEY_PATTERNS.exchangeRate): scaled by 10^4 they are whole. */
const rateScaled = (rate: string): bigint => {
  const [whole, fraction = ''] = rate.split('.');
  return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0'));
};

/**
 * VND, USD and the rate printed together must agree: vnd = usd × rate, within the rounding of the
 * printed figures — certificates print the USD equivalent rounded (or cut) to whole dollars and VND to
 * whole đồng, so |usd × rate − vnd| may reach one dollar at that rate plus one đồng, never more.
 * Exact in bigint: usdCents × rate·10^4 and vnd are compared in units of 10^-6 đồng.
 */
function requireConsistentRate(vnd: bigint, usdCents: bigint, rate: string, field: string): void {
  const r = rateScaled(rate);
  const gap = usdCents * r - vnd * 1_000_000n;
  const tolerance = 100n * r + 1_000_000n;
  const expectedUsdCents = (vnd * 1_000_000n + r / 2n) / r;
  rule(
    (gap < 0n ? -gap : gap) <= tolerance,
    RuleCode.EXCHANGE_RATE_MISMATCH,
    `${field}: ${vnd} VND at ${rate} VND/USD is ${formatUsdCents(expectedUsdCents)} USD, not ${formatUsdCents(usdCents)} USD`,
    { field, vnd: vnd.toString(), rate, expectedUsd: formatUsdCents(expectedUsdCents), usd: formatUsdCents(usdCents) },
  );
}

/**
 * Acts that move the whole project (termination, a change of zone, origin or main investor's country) may not take effect
 * before an act already recorded: the figures those acts produced would otherwise belong nowhere.
 */
export function requireNotBeforeLastAct(date: LegalDate, field: string, state: ProjectState): void {
  rule(
    state.lastEffectiveOn === undefined || date >= state.lastEffectiveOn,
    RuleCode.EFFECTIVE_BEFORE_LAST_ACT,
    `${field} ${date} precedes an act already recorded as effective on ${state.lastEffectiveOn}`,
    { field, date, lastEffectiveOn: state.lastEffectiveOn ?? '' },
  );
}
