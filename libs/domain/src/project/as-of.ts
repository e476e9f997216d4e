import { effectiveDateOf, type ProjectEvent } from '../events';
import type { LegalDate } from '../legal-date';
import { foldProject, type ProjectState } from './state';

export interface TimedProjectEvent {
  event: ProjectEvent;
  /** System time the ledger recorded the event (ISO instant). */
  recordedAt: string;
}

export interface BitemporalQuery {
  /** Legal date: the certificate as in force at the end of that day. */
  asOf?: LegalDate;
  /** System time: only what the ledger had recorded by then. */
  knownAt?: string;
}

/**
 * The project as legally in force on `asOf`, as known at `knownAt`. Events are applied in
 * effective-date order (stable on recording order) so a back-dated act lands where the law
 * places it, not where the ledger happened to record it.
 */
export function projectAsOf(history: readonly TimedProjectEvent[], query: BitemporalQuery): ProjectState {
  const knownAt = query.knownAt === undefined ? undefined : Date.parse(query.knownAt);
  const visible = history
    .filter((h) => knownAt === undefined || Date.parse(h.recordedAt) <= knownAt)
    .filter((h) => query.asOf === undefined || effectiveDateOf(h.event) <= query.asOf)
    .map((h, index) => ({ event: h.event, index, on: effectiveDateOf(h.event) }))
    .sort((a, b) => (a.on === b.on ? a.index - b.index : a.on < b.on ? -1 : 1));
  return foldProject(visible.map((v) => v.event));
}
