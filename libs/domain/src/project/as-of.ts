import { effectiveDateOf, type ProjectEvent } from '../events';
import type { LegalDate } from '../legal-date';
import { applyCorrections } from './corrections';
import { foldEffective, type ProjectState } from './state';

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
  const known = history.filter((h) => knownAt === undefined || Date.parse(h.recordedAt) <= knownAt).map((h) => h.event);
  // Corrections refer to stream versions, so they apply to the recorded order before any filtering.
  const visible = applyCorrections(known).filter((event) => query.asOf === undefined || effectiveDateOf(event) <= query.asOf);
  return { ...foldEffective(inEffectiveOrder(visible)), history: known };
}

/** A stream's acts (its corrections already applied) in effective-date order, stable on recording order: where the law places each one. */
export function inEffectiveOrder(events: readonly ProjectEvent[]): ProjectEvent[] {
  return events
    .map((event, index) => ({ event, index, on: effectiveDateOf(event) }))
    .sort((a, b) => (a.on === b.on ? a.index - b.index : a.on < b.on ? -1 : 1))
    .map((e) => e.event);
}
