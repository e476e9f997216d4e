import type { RecordedEvent } from '@ledger/event-store';

/** An event as auditors see it: every stored field, positions as strings. */
export const auditView = (e: RecordedEvent) => ({
  position: e.position.toString(),
  streamId: e.streamId,
  streamVersion: Number(e.streamVersion),
  eventId: e.eventId,
  type: e.type,
  data: e.data,
  metadata: e.metadata,
  recordedAt: e.recordedAt,
  prevHash: e.prevHash,
  hash: e.hash,
});
