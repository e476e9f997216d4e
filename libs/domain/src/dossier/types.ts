import type { LegalDate } from '../legal-date';

/** How the dossier reached the one-stop desk (Decree 61/2018 art. 14; online levels of Decree 45/2020). */
export const DOSSIER_CHANNELS = ['DESK', 'POST', 'ONLINE_PARTIAL', 'ONLINE_FULL'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];

export type DayUnit = 'calendar' | 'working';

/**
 * A procedure's terms as the catalogue stated them on the day of receipt; copied into the
 * DossierReceived event so a later change of the catalogue never rewrites a dossier's deadline.
 */
export interface ProcedureTerms {
  code: string;
  statutoryDays: number;
  unit: DayUnit;
  /** The shorter time the board has committed to publicly (≤ statutoryDays, same unit). */
  committedDays: number;
  /** Ledger acts an approval of this procedure may link, e.g. ["CertificateIssued"]. */
  actTypes: string[];
}

/** The clock of a dossier: the day counting starts from and the two due dates it gives. */
export interface DossierClock {
  clockStartsOn: LegalDate;
  statutoryDueOn: LegalDate;
  committedDueOn: LegalDate;
}

export interface Applicant {
  name: string;
  contact: string;
}

export interface DossierReceivedData extends DossierClock {
  dossierId: string;
  procedure: ProcedureTerms;
  boardId: string;
  /** ISO 8601 instant with offset, e.g. 2025-01-15T09:30:00+07:00. */
  receivedAt: string;
  channel: DossierChannel;
  applicant: Applicant;
  /** When the procedure concerns an existing project. */
  projectCode?: string;
  documents: string[];
}

export interface DossierSupplementRequestedData {
  requestedAt: string;
  missingDocuments: string[];
  note?: string;
}

export interface DossierSupplementedData extends DossierClock {
  supplementedAt: string;
  documents: string[];
}

/** An act of the ledger produced by the dossier: its stream and version. */
export interface ActLink {
  streamId: string;
  version: number;
  type: string;
}

export type DossierOutcome = 'APPROVED' | 'REFUSED';

export interface DossierResolvedData {
  resolvedAt: string;
  outcome: DossierOutcome;
  /** Approved: the acts it produced. */
  acts?: ActLink[];
  /** Refused: the reason, in writing. */
  reason?: string;
}

export interface DossierDelayedData {
  delayedAt: string;
  /** The apology to the applicant (phiếu xin lỗi và hẹn lại ngày trả kết quả). */
  apology: string;
  newAppointmentOn: LegalDate;
}

export interface DossierWithdrawnData {
  withdrawnAt: string;
  reason?: string;
}

export interface DossierTransferredData {
  transferredAt: string;
  toAgency: string;
  reason: string;
}

export type DossierEvent =
  | { type: 'DossierReceived'; data: DossierReceivedData }
  | { type: 'DossierSupplementRequested'; data: DossierSupplementRequestedData }
  | { type: 'DossierSupplemented'; data: DossierSupplementedData }
  | { type: 'DossierResolved'; data: DossierResolvedData }
  | { type: 'DossierDelayed'; data: DossierDelayedData }
  | { type: 'DossierWithdrawn'; data: DossierWithdrawnData }
  | { type: 'DossierTransferred'; data: DossierTransferredData };

export type DossierEventType = DossierEvent['type'];

export const DOSSIER_EVENT_TYPES: readonly DossierEventType[] = [
  'DossierReceived',
  'DossierSupplementRequested',
  'DossierSupplemented',
  'DossierResolved',
  'DossierDelayed',
  'DossierWithdrawn',
  'DossierTransferred',
];

export const dossierStreamIdOf = (dossierId: string) => `dossier-${dossierId}`;

/** The instant at which an event's step happened (not when it was recorded). */
export function stepAt(event: DossierEvent): string {
  switch (event.type) {
    case 'DossierReceived':
      return event.data.receivedAt;
    case 'DossierSupplementRequested':
      return event.data.requestedAt;
    case 'DossierSupplemented':
      return event.data.supplementedAt;
    case 'DossierResolved':
      return event.data.resolvedAt;
    case 'DossierDelayed':
      return event.data.delayedAt;
    case 'DossierWithdrawn':
      return event.data.withdrawnAt;
    case 'DossierTransferred':
      return event.data.transferredAt;
  }
}
