import type { ProjectCommand } from '../commands';
import type { ProjectEvent } from '../events';
import { correctEvent } from './decisions/correct-event';
import { adjustCertificate } from './decisions/adjust-certificate';
import { decreaseCapital } from './decisions/decrease-capital';
import { increaseCapital } from './decisions/increase-capital';
import { issueCertificate } from './decisions/issue-certificate';
import { recordRealizedCapital } from './decisions/record-realized-capital';
import { resumeProject } from './decisions/resume-project';
import { startOperation } from './decisions/start-operation';
import { suspendProject } from './decisions/suspend-project';
import { terminateProject } from './decisions/terminate-project';
import type { ProjectState } from './state';

/** Pure decider: the events a command produces on the current state, or a thrown RuleViolation. */
export function decide(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'IssueCertificate':
      return issueCertificate(command, state);
    case 'IncreaseCapital':
      return increaseCapital(command, state);
    case 'DecreaseCapital':
      return decreaseCapital(command, state);
    case 'AdjustCertificate':
      return adjustCertificate(command, state);
    case 'RecordRealizedCapital':
      return recordRealizedCapital(command, state);
    case 'SuspendProject':
      return suspendProject(command, state);
    case 'ResumeProject':
      return resumeProject(command, state);
    case 'StartOperation':
      return startOperation(command, state);
    case 'TerminateProject':
      return terminateProject(command, state);
    case 'CorrectEvent':
      return correctEvent(command, state, decide);
  }
}
