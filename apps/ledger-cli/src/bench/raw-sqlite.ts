import Database from 'better-sqlite3';
import { EVENTS_SCHEMA } from '@ledger/event-store';

/**
 * The raw baselines: plain better-sqlite3 on the same table (the ledger's own DDL), WAL +
 * synchronous=FULL, no hashing, no canonical JSON, no idempotency look-up.
 */
export interface RawEvent {
  streamId: string;
  eventId: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

export class RawStore {
  readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly version: Database.Statement;
  private readonly head: Database.Statement;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(EVENTS_SCHEMA);
    this.insert = this.db.prepare('INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, \'\', \'\')');
    this.version = this.db.prepare('SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?').pluck();
    this.head = this.db.prepare('SELECT MAX(position) FROM events').pluck();
  }

  /** One event per transaction with the same optimistic version check inside BEGIN IMMEDIATE. */
  appendOne(e: RawEvent, expected: number): number {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const current = this.version.get(e.streamId) as number;
      if (current !== expected) throw new Error(`version conflict on ${e.streamId}: ${current} != ${expected}`);
      this.insert.run(e.streamId, current + 1, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), new Date().toISOString());
      this.db.exec('COMMIT');
      return current + 1;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A batch in one transaction: plain inserts of known versions. */
  insertBatch(events: ReadonlyArray<RawEvent & { version: number }>): void {
    const recordedAt = new Date().toISOString();
    this.db.transaction(() => {
      for (const e of events) this.insert.run(e.streamId, e.version, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), recordedAt);
    }).immediate();
  }

  headPosition(): number {
    return (this.head.get() as number | null) ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
