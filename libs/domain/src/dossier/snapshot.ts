import { vietnamDateOf, type LegalDate } from '../legal-date';
import { evolveDossier, initialDossierState, type DossierState, type DossierStatus } from './state';
import { stepAt, type DossierChannel, type DossierEvent, type DossierOutcome } from './types';

/**
 * What the dossier report needs of a dossier after one of its steps, flat enough for a row of the
 * read model: the report then picks, for a day, the last step dated on or before it — no refold.
 */
export interface DossierSnapshot {
  /** The step's date in Vietnam. */
  onDay: LegalDate;
  status: DossierStatus;
  channel: DossierChannel;
  /** Null while the clock is stopped for a supplement. */
  clockStartsOn: LegalDate | null;
  statutoryDueOn: LegalDate | null;
  committedDueOn: LegalDate | null;
  closedOn: LegalDate | null;
  outcome: DossierOutcome | null;
  delays: number;
}

export function snapshotOf(state: DossierState, event: DossierEvent): DossierSnapshot {
  return {
    onDay: vietnamDateOf(new Date(stepAt(event))),
    status: state.status,
    channel: state.channel!,
    clockStartsOn: state.clock?.clockStartsOn ?? null,
    statutoryDueOn: state.clock?.statutoryDueOn ?? null,
    committedDueOn: state.clock?.committedDueOn ?? null,
    closedOn: state.closedAt === undefined ? null : vietnamDateOf(new Date(state.closedAt)),
    outcome: state.outcome ?? null,
    delays: state.delays,
  };
}

/** The snapshot after each step of a stream. */
export function snapshotsOf(events: readonly DossierEvent[]): DossierSnapshot[] {
  let state = initialDossierState;
  return events.map((event) => snapshotOf((state = evolveDossier(state, event)), event));
}
