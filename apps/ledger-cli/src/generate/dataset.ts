import { addYears } from '@ledger/domain';
import type { NewEvent } from '@ledger/event-store';
import { v5 as uuidv5 } from 'uuid';
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

const NAMESPACE = '6f1d3c2a-8e47-4b90-a5d2-1c9e7b3f4a60';

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

/** The event as the API would append it: deterministic id, the same metadata fields. */
export function toNewEvent(e: GeneratedEvent, seed: number, referenceDataVersion: string): NewEvent {
  const eventId = uuidv5(`${seed}\n${e.streamId}\n${e.version}`, NAMESPACE);
  const decisionRef = (e.event.data as { decisionRef?: string }).decisionRef;
  return {
    eventId,
    type: e.event.type,
    data: e.event.data,
    metadata: {
      commandId: eventId,
      command: e.event.type,
      requestId: `generate-${seed}-${e.streamId}-${e.version}`,
      actor: 'generator',
      role: 'officer',
      boardId: e.actingBoardId,
      ...(decisionRef ? { decisionRef } : {}),
      schemaVersion: 1,
      referenceDataVersion,
    },
  };
}
