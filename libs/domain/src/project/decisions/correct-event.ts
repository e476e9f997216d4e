import type { CommandOf, ProjectCommand } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { applyCorrections, currentReadingOf } from '../corrections';
import { evolve, initialProjectState, type ProjectState } from '../state';

/** The command that would have produced an event: its data without the ledger-assigned adjustmentNo. */
function commandOf(event: ProjectEvent, today: string): ProjectCommand {
  const { adjustmentNo: _n, ...data } = event.data as unknown as Record<string, unknown>;
  const type = {
    CertificateIssued: 'IssueCertificate',
    CapitalIncreased: 'IncreaseCapital',
    CapitalDecreased: 'DecreaseCapital',
    CertificateAdjusted: 'AdjustCertificate',
    CapitalRealized: 'RecordRealizedCapital',
    ProjectSuspended: 'SuspendProject',
    ProjectResumed: 'ResumeProject',
    OperationStarted: 'StartOperation',
    ProjectTerminated: 'TerminateProject',
    EventCorrected: 'CorrectEvent',
  }[event.type];
  return { type, data, today } as ProjectCommand;
}

/** The project decider, passed in so that this decision and `decide` do not import each other. */
export type Decide = (command: ProjectCommand, state: ProjectState) => ProjectEvent[];

/**
 * A correction is accepted only if the corrected history, replayed act by act through the decider,
 * breaks no rule: the same checks an officer's original acts passed.
 */
function replayCorrected(history: readonly ProjectEvent[], today: string, decide: Decide): void {
  let state: ProjectState = initialProjectState;
  for (const event of applyCorrections(history)) {
    decide(commandOf(event, today), state);
    state = evolve(state, event);
  }
}

/**
 * A correction states only the fields it changes; the others are the corrected act's own. The event
 * records the whole corrected act, so reading it never depends on this merge.
 */
export function correctEvent(command: CommandOf<'CorrectEvent'>, state: ProjectState, decide: Decide): ProjectEvent[] {
  rule(state.status !== 'UNISSUED', RuleCode.PROJECT_NOT_FOUND, 'no certificate has been issued for this project code');
  const history = state.history ?? [];
  const { correctsVersion, correctedData, revoked } = command.data;
  const target = history[correctsVersion - 1];
  rule(target !== undefined && target.type !== 'EventCorrected', RuleCode.CORRECTION_TARGET_INVALID, `version ${correctsVersion} is not an act of this project that can be corrected`, { correctsVersion });
  rule((correctedData === undefined) === (revoked === true), RuleCode.CORRECTION_TARGET_INVALID, 'give either the corrected values or revoked: true');
  rule(!revoked || target.type !== 'CertificateIssued', RuleCode.CORRECTION_TARGET_INVALID, 'an issuance cannot be revoked; terminate the project instead');
  const original = target.data as unknown as Record<string, unknown>;
  let data = correctedData && { ...(currentReadingOf(history, correctsVersion) ?? original), ...correctedData };
  if (data) {
    if (target.type === 'CertificateIssued') {
      rule(data.projectCode === original.projectCode && data.boardId === original.boardId, RuleCode.CORRECTION_TARGET_INVALID, 'a correction cannot change the project code or the issuing board');
    }
    // Numbering belongs to the ledger: the corrected act keeps its adjustment number.
    if ('adjustmentNo' in original) data = { ...data, adjustmentNo: original.adjustmentNo };
  }
  const corrected: ProjectEvent = { type: 'EventCorrected', data: { ...command.data, ...(data ? { correctedData: data } : {}), correctedType: target.type } };
  replayCorrected([...history, corrected], command.today, decide);
  return [corrected];
}
