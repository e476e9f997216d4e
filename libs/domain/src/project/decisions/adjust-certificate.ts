import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import { mainInvestorCountry, type ProjectEvent } from '../../events';
import { MONEY_PATTERNS, moneyToJson, parseUsdCents } from '../../money';
import { requireActDate, requireAmount, requireNotBeforeLastAct, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

/** Non-capital changes (name, investors, zone, land, objectives, schedule, origin). */
export function adjustCertificate(command: CommandOf<'AdjustCertificate'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  const effectiveOn = requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  const { changes } = command.data;
  const country = mainInvestorCountry(changes.investors);
  const movesCountry = country !== undefined && country !== mainInvestorCountry(state.investors);
  if ((changes.zoneId !== undefined && changes.zoneId !== state.zoneId) || (changes.origin !== undefined && changes.origin !== state.origin) || movesCountry) {
    requireNotBeforeLastAct(effectiveOn, 'effectiveOn', state);
  }
  rule(Object.values(changes).some((v) => v !== undefined), RuleCode.NO_CHANGES, 'an adjustment must change at least one field');
  if (changes.origin === 'FDI' && state.origin !== 'FDI') {
    // Capital is reported in USD for FDI, so the certificate must restate its USD equivalent.
    rule(changes.registeredCapitalUsd !== undefined, RuleCode.USD_REQUIRED_FOR_FDI, 'changes.registeredCapitalUsd is required when the project becomes FDI');
    rule(changes.exchangeRate !== undefined && MONEY_PATTERNS.exchangeRate.test(changes.exchangeRate), RuleCode.EXCHANGE_RATE_REQUIRED_FOR_FDI, 'changes.exchangeRate is required when the project becomes FDI');
    rule(parseUsdCents(changes.registeredCapitalUsd, 'changes.registeredCapitalUsd') > 0n, RuleCode.AMOUNT_NOT_POSITIVE, 'changes.registeredCapitalUsd must be greater than zero');
    // The USD equivalent restates the certificate's VND capital at the given rate: the two must agree.
    requireAmount({ vnd: moneyToJson(state.registeredCapital).vnd, usd: changes.registeredCapitalUsd, exchangeRate: changes.exchangeRate }, 'FDI', 'changes');
  } else {
    rule(changes.registeredCapitalUsd === undefined && changes.exchangeRate === undefined, RuleCode.USD_NOT_ALLOWED_FOR_DDI, 'registeredCapitalUsd and exchangeRate may only be given when the project becomes FDI');
  }
  return [{ type: 'CertificateAdjusted', data: { ...command.data, adjustmentNo: state.adjustmentNo + 1 } }];
}
