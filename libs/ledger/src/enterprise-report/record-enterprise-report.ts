import {
  decideEnterpriseReport,
  enterpriseReportStreamOf,
  evolveEnterpriseReport,
  initialEnterpriseReportState,
  streamIdOf,
  type EnterpriseReportEvent,
  type EnterpriseReportState,
  type FileEnterpriseReport,
  type ProjectState,
  type ReportedProject,
} from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { CommandContext } from '../context';
import { handleCommand, type CommandOutcome, type StreamCommand, type WriteDeps } from '../handle-command';
import { actingBoardOf } from '../project/authority';
import { projectAggregate } from '../project/project-aggregate';
import type { Aggregate } from '../stream-states';

export const enterpriseReportAggregate: Aggregate<EnterpriseReportState> = {
  initialState: initialEnterpriseReportState,
  evolve: (state, recorded) => recorded.reduce((s, e) => evolveEnterpriseReport(s, { type: e.type, data: e.data } as EnterpriseReportEvent), state),
};

export type EnterpriseReportFiling = FileEnterpriseReport['data'];

const reportedProjectOf = (project: ProjectState): ReportedProject | undefined =>
  project.status === 'UNISSUED' || project.issuedOn === undefined ? undefined : { issuedOn: project.issuedOn, ...(project.terminatedOn ? { terminatedOn: project.terminatedOn } : {}) };

/**
 * A filing on its report stream, decided with the project as its own stream records it (read just
 * before; a project act recorded in between can only be a later one, which no rule here depends on).
 * The officer must act for the board holding the project, as for any act on it.
 */
export function enterpriseReportCommandOf(reference: ReferenceData, filing: EnterpriseReportFiling, project: ProjectState, context: Pick<CommandContext, 'actor'>): StreamCommand<EnterpriseReportState, string | undefined> {
  const reported = reportedProjectOf(project);
  return {
    streamId: enterpriseReportStreamOf(filing.projectCode, filing.period),
    name: 'FileEnterpriseReport',
    payload: filing,
    authorize: (_state, today) => (project.boardId === undefined ? undefined : actingBoardOf(reference, project.boardId, { en: `project ${filing.projectCode}`, vi: `Dự án ${filing.projectCode}` }, context.actor, today)),
    decide: (state, actingBoardId, today) => ({ events: decideEnterpriseReport({ type: 'FileEnterpriseReport', today, data: filing }, state, reported), metadata: { boardId: actingBoardId } }),
  };
}

export interface ReportWriteDeps extends WriteDeps {
  reference: ReferenceData;
}

/** Records one enterprise report filing through the one write path. */
export async function recordEnterpriseReport(deps: ReportWriteDeps, filing: EnterpriseReportFiling, context: CommandContext): Promise<CommandOutcome<EnterpriseReportState>> {
  const { state: project } = await deps.streams.load(deps.store, streamIdOf(filing.projectCode), projectAggregate);
  return handleCommand(deps, enterpriseReportAggregate, enterpriseReportCommandOf(deps.reference, filing, project, context), context);
}
