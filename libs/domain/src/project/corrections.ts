import type { ProjectEvent } from '../events';

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
