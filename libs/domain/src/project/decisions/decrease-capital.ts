import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { addMoney, isPositive, moneyToJson, negateMoney } from '../../money';
import { requireActDate, requireAmount, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

export function decreaseCapital(command: CommandOf<'DecreaseCapital'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  const amount = requireAmount(command.data.amount, state.origin, 'amount');
  const remaining = addMoney(state.registeredCapital, negateMoney(amount));
  // A decrease to zero is a termination in disguise; the law requires a termination decision instead.
  rule(
    isPositive(remaining),
    RuleCode.CAPITAL_WOULD_BE_NON_POSITIVE,
    `a decrease of ${JSON.stringify(command.data.amount)} would leave registered capital at ${JSON.stringify(moneyToJson(remaining))}; it must stay above zero`,
  );
  return [{ type: 'CapitalDecreased', data: { ...command.data, adjustmentNo: state.adjustmentNo + 1 } }];
}
