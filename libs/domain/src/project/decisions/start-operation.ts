import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { requireActDate, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

/**
 * A project starts operating once: a wrong date is corrected (EventCorrected), not recorded again.
 * A terminated project cannot start; the start cannot precede the certificate.
 */
export function startOperation(command: CommandOf<'StartOperation'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  rule(state.operatingSince === undefined, RuleCode.OPERATION_ALREADY_STARTED, `the project has been operating since ${state.operatingSince}; correct that act to change the date`, { operatingSince: state.operatingSince ?? '' });
  requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  return [{ type: 'OperationStarted', data: command.data }];
}
