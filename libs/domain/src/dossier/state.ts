import type { LegalDate } from '../legal-date';
import type { DossierChannel, DossierClock, DossierEvent, DossierOutcome, ProcedureTerms } from './types';
import { stepAt } from './types';

export type DossierStatus = 'NONE' | 'IN_PROCESS' | 'AWAITING_SUPPLEMENT' | 'RESOLVED' | 'WITHDRAWN' | 'TRANSFERRED';

export const CLOSED_STATUSES: readonly DossierStatus[] = ['RESOLVED', 'WITHDRAWN', 'TRANSFERRED'];

export interface DossierState {
  status: DossierStatus;
  dossierId?: string;
  boardId?: string;
  projectCode?: string;
  procedure?: ProcedureTerms;
  channel?: DossierChannel;
  receivedAt?: string;
  /** The latest step so far: no later step may be dated before it. */
  lastStepAt?: string;
  /** Undefined while the clock is stopped for a supplement. */
  clock?: DossierClock;
  /** The date promised to the applicant: the committed due date, or the date a delay re-appointed. */
  appointmentOn?: LegalDate;
  outcome?: DossierOutcome;
  closedAt?: string;
  delays: number;
}

export const initialDossierState: DossierState = { status: 'NONE', delays: 0 };

/** Pure fold step. */
export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  const next = { ...state, lastStepAt: stepAt(event) };
  switch (event.type) {
    case 'DossierReceived': {
      const { dossierId, boardId, projectCode, procedure, channel, receivedAt, clockStartsOn, statutoryDueOn, committedDueOn } = event.data;
      return { ...next, status: 'IN_PROCESS', dossierId, boardId, projectCode, procedure, channel, receivedAt, clock: { clockStartsOn, statutoryDueOn, committedDueOn }, appointmentOn: committedDueOn };
    }
    case 'DossierSupplementRequested':
      return { ...next, status: 'AWAITING_SUPPLEMENT', clock: undefined, appointmentOn: undefined };
    case 'DossierSupplemented': {
      const { clockStartsOn, statutoryDueOn, committedDueOn } = event.data;
      return { ...next, status: 'IN_PROCESS', clock: { clockStartsOn, statutoryDueOn, committedDueOn }, appointmentOn: committedDueOn };
    }
    case 'DossierDelayed':
      return { ...next, appointmentOn: event.data.newAppointmentOn, delays: state.delays + 1 };
    case 'DossierResolved':
      return { ...next, status: 'RESOLVED', outcome: event.data.outcome, closedAt: event.data.resolvedAt };
    case 'DossierWithdrawn':
      return { ...next, status: 'WITHDRAWN', closedAt: event.data.withdrawnAt };
    case 'DossierTransferred':
      return { ...next, status: 'TRANSFERRED', closedAt: event.data.transferredAt };
  }
}

export function foldDossier(events: Iterable<DossierEvent>): DossierState {
  let state = initialDossierState;
  for (const event of events) state = evolveDossier(state, event);
  return state;
}
