import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { requireActDate, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

export function resumeProject(command: CommandOf<'ResumeProject'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  rule(state.suspended, RuleCode.NOT_SUSPENDED, 'the project is not suspended');
  const effectiveOn = requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  rule(effectiveOn >= (state.suspendedOn ?? effectiveOn), RuleCode.RESUME_BEFORE_SUSPENSION, `effectiveOn ${effectiveOn} precedes the suspension of ${state.suspendedOn}`);
  return [{ type: 'ProjectResumed', data: command.data }];
}
