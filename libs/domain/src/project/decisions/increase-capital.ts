import type { CommandOf } from '../../commands';
import type { ProjectEvent } from '../../events';
import { requireActDate, requireAmount, requireOpenProject } from '../guards';
import type { ProjectState } from '../state';

export function increaseCapital(command: CommandOf<'IncreaseCapital'>, state: ProjectState): ProjectEvent[] {
  requireOpenProject(state);
  requireActDate(command.data.effectiveOn, 'effectiveOn', command.today, state.issuedOn);
  requireAmount(command.data.amount, state.origin, 'amount');
  return [{ type: 'CapitalIncreased', data: { ...command.data, adjustmentNo: state.adjustmentNo + 1 } }];
}
