import type { WorkingCalendar } from './calendar';
import type {
  DossierClock,
  DossierDelayedData,
  DossierOutcome,
  DossierReceivedData,
  DossierSupplementRequestedData,
  DossierTransferredData,
  DossierWithdrawnData,
  ProcedureTerms,
} from './types';

/** What the caller found about an act an approval links (the decider cannot read the store). */
export interface ActToLink {
  streamId: string;
  version: number;
  /** Absent when the stream has no event at that version. */
  found?: { type: string; boardId: string; projectCode: string; dossierId?: string };
}

/** Deadlines need the official calendar; the caller passes it in, as it passes the time. */
interface ClockContext {
  calendar: WorkingCalendar;
  /** Local closing time, e.g. "17:00"; a dossier complete at or after it counts from the next working day. */
  officeClosesAt?: string;
}

/** `now` is the instant of deciding (from the caller's clock): `decideDossier` never reads one. */
interface CommandBase {
  now: string;
}

export type ReceiveDossierData = Omit<DossierReceivedData, 'procedure' | keyof DossierClock> & { procedureCode: string };

export type DossierCommand =
  | (CommandBase & ClockContext & { type: 'ReceiveDossier'; procedure: ProcedureTerms | undefined; data: ReceiveDossierData })
  | (CommandBase & { type: 'RequestSupplement'; data: DossierSupplementRequestedData })
  | (CommandBase & ClockContext & { type: 'SupplementDossier'; data: { supplementedAt: string; documents: string[] } })
  | (CommandBase & { type: 'ResolveDossier'; data: { resolvedAt: string; outcome: DossierOutcome; acts?: ActToLink[]; reason?: string } })
  | (CommandBase & { type: 'DelayDossier'; data: DossierDelayedData })
  | (CommandBase & { type: 'WithdrawDossier'; data: DossierWithdrawnData })
  | (CommandBase & { type: 'TransferDossier'; data: DossierTransferredData });

export type DossierCommandType = DossierCommand['type'];
export type DossierCommandOf<T extends DossierCommandType> = Extract<DossierCommand, { type: T }>;
