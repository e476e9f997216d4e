import type { EventCorrectedData, ProjectEvent } from '../events';

/**
 * The history as it is to be read: every event the corrections point at replaced by its corrected
 * data (or removed when revoked), corrections themselves dropped. A later correction of the same
 * event supersedes an earlier one. Versions are 1-based positions in the stream.
 */
export function applyCorrections(history: readonly ProjectEvent[]): ProjectEvent[] {
  const replacement = new Map<number, ProjectEvent | null>();
  history.forEach((event) => {
    if (event.type !== 'EventCorrected') return;
    const target = history[event.data.correctsVersion - 1];
    if (!target || target.type === 'EventCorrected') return;
    replacement.set(event.data.correctsVersion, event.data.revoked ? null : ({ type: target.type, data: event.data.correctedData } as unknown as ProjectEvent));
  });
  const effective: ProjectEvent[] = [];
  history.forEach((event, index) => {
    if (event.type === 'EventCorrected') return;
    const corrected = replacement.get(index + 1);
    if (corrected === null) return;
    effective.push(corrected ?? event);
  });
  return effective;
}

/** The data of the act at `version` as it is read now: its latest correction's values, or its own. */
export function currentReadingOf(history: readonly { type: string; data: unknown }[], version: number): Record<string, unknown> | undefined {
  let reading = history[version - 1]?.data as Record<string, unknown> | undefined;
  for (const event of history) {
    const data = event.data as Partial<EventCorrectedData>;
    if (event.type === 'EventCorrected' && data.correctsVersion === version && data.correctedData) reading = data.correctedData;
  }
  return reading;
}
