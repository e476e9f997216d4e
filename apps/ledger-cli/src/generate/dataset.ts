import { addYears } from '@ledger/domain';
import type { NewEvent } from '@ledger/event-store';
import { commandIdOf, newEventsOf, requestHashOf } from '@ledger/ledger';
import type { Geography } from './geography';
import { GENERATOR_TODAY, projectHistory, type GeneratedEvent } from './history';
import { Prng } from './prng';

export interface DatasetOptions {
  projects: number;
  years: number;
  seed: number;
}

export interface Dataset {
  /** Every event, in the order the ledger would have recorded them (by act date). */
  events: GeneratedEvent[];
  rejected: number;
  projects: number;
}

/** Ten-digit project codes, unique per index, scattered by the seed. */
export function projectCodeOf(rng: Prng, index: number): string {
  return String(1_000_000_000 + index * 37 + rng.int(0, 36));
}

/** A whole history: every project decided act by act, then merged into one log ordered by act date. */
export function generateDataset(geo: Geography, options: DatasetOptions): Dataset {
  const root = new Prng(options.seed);
  const start = addYears(GENERATOR_TODAY, -options.years);
  const events: GeneratedEvent[] = [];
  let rejected = 0;
  for (let i = 0; i < options.projects; i++) {
    const rng = root.fork(i);
    const history = projectHistory(rng, geo, projectCodeOf(rng, i), start);
    for (const e of history.events) events.push(e);
    rejected += history.rejected;
  }
  // Array.prototype.sort is stable, so each stream keeps its own order.
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { events, rejected, projects: options.projects };
}

/** The deterministic system time of an event: its act date, in office hours, spaced by its index. */
export function recordedAtOf(e: GeneratedEvent, index: number): string {
  return new Date(Date.parse(`${e.on}T01:30:00.000Z`) + (index % 28_800) * 1000).toISOString();
}

/** The event as the write path would append it: deterministic id (from a per-event idempotency key), the same metadata. */
export function toNewEvent(e: GeneratedEvent, seed: number, referenceDataVersion: string): NewEvent {
  const key = `generate-${seed}-${e.streamId}-${e.version}`;
  const context = { actor: e.actor, now: new Date(`${e.on}T01:30:00.000Z`), requestId: key, idempotencyKey: key };
  const payload = { projectCode: e.act.projectCode, data: e.act.data };
  return newEventsOf({ events: [e.event], metadata: e.metadata }, commandIdOf(e.actor, key), { command: e.act.type, requestHash: requestHashOf(e.act.type, e.streamId, payload), context, referenceDataVersion })[0];
}
