import { decideZone, evolveZone, initialZoneState, zoneStreamOf, type ZoneCommand, type ZoneEvent, type ZoneReference, type ZoneState } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { CommandContext } from '../context';
import { boardHolderFor } from '../board-authority';
import { handleCommand, type CommandOutcome, type StreamCommand } from '../handle-command';
import type { ReportWriteDeps } from '../enterprise-report/record-enterprise-report';
import type { Aggregate } from '../stream-states';

export const zoneAggregate: Aggregate<ZoneState> = {
  initialState: initialZoneState,
  evolve: (state, recorded) => recorded.reduce((s, e) => evolveZone(s, { type: e.type, data: e.data } as ZoneEvent), state),
};

/** A zone act as a caller states it; the write path supplies "today". */
export type ZoneAct = { [T in ZoneCommand['type']]: Omit<Extract<ZoneCommand, { type: T }>, 'today'> }[ZoneCommand['type']];

export const zoneReferenceOf = (reference: ReferenceData): ZoneReference => ({ board: (id) => reference.board(id), listedZoneBoard: (zoneId) => reference.zone(zoneId)?.boardId });

export function zoneCommandOf(reference: ReferenceData, act: ZoneAct, context: Pick<CommandContext, 'actor'>): StreamCommand<ZoneState, string | undefined> {
  return {
    streamId: zoneStreamOf(act.zoneId),
    name: act.type,
    payload: act,
    authorize: (state, today) => boardHolderFor(reference, state.boardId ?? (act.type === 'EstablishZone' ? act.data.boardId : undefined), `zone ${act.zoneId}`, context.actor, today),
    decide: (state, actingBoardId, today) => ({ events: decideZone({ ...act, today } as ZoneCommand, state, zoneReferenceOf(reference)), metadata: { boardId: actingBoardId } }),
  };
}

/** Records a change of a zone through the one write path. */
export function recordZoneAct(deps: ReportWriteDeps, act: ZoneAct, context: CommandContext): Promise<CommandOutcome<ZoneState>> {
  return handleCommand(deps, zoneAggregate, zoneCommandOf(deps.reference, act, context), context);
}
