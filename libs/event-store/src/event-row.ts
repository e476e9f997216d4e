import type { ProjectedEvent, RecordedEvent } from './port';

/** An `events` row as the SQL adapters store it (SQLite gives integers as bigint, PostgreSQL BIGINT as text). */
export interface EventRow {
  position: bigint | string;
  stream_id: string;
  stream_version: bigint | string;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

export function recordedFromRow(row: EventRow): RecordedEvent {
  return {
    position: BigInt(row.position),
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The columns of an `events` row a read model is given (ProjectedEvent). */
export const PROJECTED_COLUMNS = 'position, stream_id, stream_version, type, data, recorded_at';

export function projectedFromRow(row: Pick<EventRow, 'position' | 'stream_id' | 'stream_version' | 'type' | 'data' | 'recorded_at'>): ProjectedEvent {
  return {
    position: BigInt(row.position),
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    type: row.type,
    data: JSON.parse(row.data),
    recordedAt: row.recorded_at,
  };
}
