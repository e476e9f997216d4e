import type {
  CapitalChangedData,
  EventCorrectedData,
  CapitalRealizedData,
  CertificateAdjustedData,
  CertificateIssuedData,
  OperationStartedData,
  ProjectResumedData,
  ProjectSuspendedData,
  ProjectTerminatedData,
} from './events';
import type { LegalDate } from './legal-date';

/**
 * Commands carry `today` (the legal date at the moment of deciding, supplied by the caller)
 * so that `decide` never reads a clock and a replay always decides the same way.
 */
interface CommandBase {
  today: LegalDate;
}

export type ProjectCommand =
  | (CommandBase & { type: 'IssueCertificate'; data: CertificateIssuedData })
  | (CommandBase & { type: 'IncreaseCapital'; data: Omit<CapitalChangedData, 'adjustmentNo'> })
  | (CommandBase & { type: 'DecreaseCapital'; data: Omit<CapitalChangedData, 'adjustmentNo'> })
  | (CommandBase & { type: 'AdjustCertificate'; data: Omit<CertificateAdjustedData, 'adjustmentNo'> })
  | (CommandBase & { type: 'RecordRealizedCapital'; data: CapitalRealizedData })
  | (CommandBase & { type: 'SuspendProject'; data: ProjectSuspendedData })
  | (CommandBase & { type: 'ResumeProject'; data: ProjectResumedData })
  | (CommandBase & { type: 'StartOperation'; data: OperationStartedData })
  | (CommandBase & { type: 'TerminateProject'; data: ProjectTerminatedData })
  | (CommandBase & { type: 'CorrectEvent'; data: Omit<EventCorrectedData, 'correctedType'> });

export type ProjectCommandType = ProjectCommand['type'];
export type CommandOf<T extends ProjectCommandType> = Extract<ProjectCommand, { type: T }>;
