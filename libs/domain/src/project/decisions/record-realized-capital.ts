import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { periodRange } from '../../period';
import { requireActDate, requireAmount, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

export function recordRealizedCapital(command: CommandOf<'RecordRealizedCapital'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  const reportedOn = requireActDate(command.data.reportedOn, 'reportedOn', command.today, state.issuedOn);
  const period = periodRange(command.data.period);
  rule(period.from <= reportedOn, RuleCode.PERIOD_NOT_STARTED, `period ${command.data.period} starts after reportedOn ${reportedOn}`);
  rule(period.to >= state.issuedOn, RuleCode.EFFECTIVE_BEFORE_ISSUANCE, `period ${command.data.period} ends before the certificate's issuance on ${state.issuedOn}`);
  requireAmount(command.data.amount, state.origin, 'amount');
  return [{ type: 'CapitalRealized', data: command.data }];
}
