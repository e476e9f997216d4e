import { decide, streamIdOf, type CommandOf, type ProjectCommandType, type ProjectEvent, type ProjectState, type LegalDate } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { CommandContext } from '../context';
import { handleCommand, type CommandOutcome, type Decision, type StreamCommand, type WriteDeps } from '../handle-command';
import { actingBoardOf } from './authority';
import { projectAggregate } from './project-aggregate';
import { checkActsOnTheirDates, checkCorrectedHistory } from './reference-rules';

/** A licensing act as a caller states it: the command without the legal "today", which the write path supplies. */
export type ProjectAct = { [T in ProjectCommandType]: { type: T; projectCode: string; data: CommandOf<T>['data'] } }[ProjectCommandType];

export interface ProjectWriteDeps extends WriteDeps {
  reference: ReferenceData;
}

/** Authorise and decide one act on a project's state; pure apart from reading reference data. */
/** A project act decides synchronously (the generator and the importer call it in a loop). */
export type ProjectStreamCommand = StreamCommand<ProjectState, string | undefined, Decision>;

export function projectCommandOf(reference: ReferenceData, act: ProjectAct, context: Pick<CommandContext, 'actor'>): ProjectStreamCommand {
  return {
    streamId: streamIdOf(act.projectCode),
    name: act.type,
    payload: { projectCode: act.projectCode, data: act.data },
    authorize(state, today) {
      const issuing = state.boardId ?? (act.type === 'IssueCertificate' ? act.data.boardId : undefined);
      // No project and no issuance: the decider answers PROJECT_NOT_FOUND.
      return issuing === undefined ? undefined : actingBoardOf(reference, issuing, { en: `project ${act.projectCode}`, vi: `Dự án ${act.projectCode}` }, context.actor, today);
    },
    decide(state, actingBoardId, today: LegalDate) {
      const events = decide({ ...act, today } as never, state);
      checkReference(reference, events, state);
      const decisionRef = (act.data as { decisionRef?: string }).decisionRef;
      return { events, metadata: { boardId: actingBoardId, ...(decisionRef ? { decisionRef } : {}) } };
    },
  };
}

function checkReference(reference: ReferenceData, events: ProjectEvent[], state: ProjectState): void {
  if (events.some((e) => e.type === 'EventCorrected')) checkCorrectedHistory(reference, [...(state.history ?? []), ...events]);
  else checkActsOnTheirDates(reference, events, state);
}

/** Records one licensing act through the one write path (API, CLI and importer alike). */
export function recordProjectAct(deps: ProjectWriteDeps, act: ProjectAct, context: CommandContext): Promise<CommandOutcome<ProjectState>> {
  return handleCommand(deps, projectAggregate, projectCommandOf(deps.reference, act, context), context);
}
