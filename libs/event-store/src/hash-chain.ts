import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { RecordedEvent } from './port';

export const GENESIS_HASH = '0'.repeat(64);

/** The bytes hashed for an event: RFC 8785 canonical JSON of everything but the hashes. */
export function canonicalEvent(event: Omit<RecordedEvent, 'hash' | 'prevHash'>): string {
  return canonicalize({
    position: event.position.toString(),
    streamId: event.streamId,
    streamVersion: event.streamVersion.toString(),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  });
}

/** hash = sha256(prevHash ‖ canonical(event)), chained over the global log. */
export function chainHash(prevHash: string, event: Omit<RecordedEvent, 'hash' | 'prevHash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalEvent(event)).digest('hex');
}
