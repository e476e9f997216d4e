import type { CommandOf } from '../../commands';
import type { ProjectEvent } from '../../events';
import { requireActDate, requireNotBeforeLastAct, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

/** Termination revokes the IRC (art. 48); afterwards only corrections may be recorded. */
export function terminateProject(command: CommandOf<'TerminateProject'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  const effectiveOn = requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  requireNotBeforeLastAct(effectiveOn, 'effectiveOn', state);
  return [{ type: 'ProjectTerminated', data: command.data }];
}
