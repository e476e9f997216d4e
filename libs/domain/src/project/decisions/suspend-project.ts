import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { requireActDate, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

/** A suspended project stays valid (art. 47); it only pauses activity. */
export function suspendProject(command: CommandOf<'SuspendProject'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  rule(!state.suspended, RuleCode.ALREADY_SUSPENDED, `the project is already suspended since ${state.suspendedOn}`, { suspendedOn: state.suspendedOn ?? '' });
  requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  return [{ type: 'ProjectSuspended', data: command.data }];
}
