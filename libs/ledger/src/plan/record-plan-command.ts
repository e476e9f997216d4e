import { decidePlan, evolvePlan, initialPlanState, planStreamOf, type PlanCommand, type PlanEvent, type PlanState } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { CommandContext } from '../context';
import { boardHolderFor } from '../board-authority';
import { handleCommand, type CommandOutcome, type StreamCommand } from '../handle-command';
import type { ReportWriteDeps } from '../enterprise-report/record-enterprise-report';
import type { Aggregate } from '../stream-states';

export const planAggregate: Aggregate<PlanState> = {
  initialState: initialPlanState,
  evolve: (state, recorded) => recorded.reduce((s, e) => evolvePlan(s, { type: e.type, data: e.data } as PlanEvent), state),
};

/** A plan command as a caller states it: the write path supplies the legal "today". */
export type PlanAct = { [T in PlanCommand['type']]: { type: T; data: Extract<PlanCommand, { type: T }>['data'] } }[PlanCommand['type']];

export function planCommandOf(reference: ReferenceData, act: PlanAct, context: Pick<CommandContext, 'actor'>): StreamCommand<PlanState, string | undefined> {
  const { boardId, year } = act.data;
  return {
    streamId: planStreamOf(boardId, year),
    name: act.type,
    payload: act.data,
    authorize: (_state, today) => boardHolderFor(reference, boardId, `the plan of board ${boardId}`, context.actor, today),
    decide: (state, actingBoardId, today) => ({ events: decidePlan({ ...act, today } as PlanCommand, state, reference.board(boardId)), metadata: { boardId: actingBoardId } }),
  };
}

/** Records a board's plan targets or one of its own actuals through the one write path. */
export function recordPlanAct(deps: ReportWriteDeps, act: PlanAct, context: CommandContext): Promise<CommandOutcome<PlanState>> {
  return handleCommand(deps, planAggregate, planCommandOf(deps.reference, act, context), context);
}
