import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH, chainHash } from '../hash-chain';
import {
  checkExpectedVersion,
  duplicateOf,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '../port';
import { EVENTS_SCHEMA } from './schema';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created with its folder if missing. */
  path: string;
  /** System clock for `recordedAt`; injectable so tests can tell a timeline. */
  clock?: () => Date;
}

interface EventRow {
  position: bigint;
  stream_id: string;
  stream_version: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    position: row.position,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The embedded default. WAL with synchronous=FULL: an acknowledged append survives power loss.
 * Appends run in BEGIN IMMEDIATE transactions, so two processes on one file serialise on the
 * write lock and the version check inside the transaction decides which one conflicts.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly statements;
  private readonly appendTx;

  constructor(options: SqliteEventStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(EVENTS_SCHEMA);
    this.clock = options.clock ?? (() => new Date());
    this.statements = {
      streamVersion: this.db.prepare('SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?').pluck().safeIntegers(),
      head: this.db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers(),
      byEventId: this.db.prepare('SELECT * FROM events WHERE event_id = ?').safeIntegers(),
      insert: this.db.prepare(
        `INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
         VALUES (@position, @streamId, @streamVersion, @eventId, @type, @data, @metadata, @recordedAt, @prevHash, @hash)`,
      ),
      readStream: this.db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY stream_version').safeIntegers(),
      readPage: this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?').safeIntegers(),
      count: this.db.prepare('SELECT COUNT(*) FROM events').pluck().safeIntegers(),
    };
    this.appendTx = this.db.transaction((streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) =>
      this.appendInTransaction(streamId, events, expected),
    );
  }

  private appendInTransaction(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): AppendResult {
    const duplicate = this.findDuplicate(streamId, events);
    if (duplicate) return duplicate;
    const current = this.statements.streamVersion.get(streamId) as bigint;
    checkExpectedVersion(streamId, expected, current);
    const head = this.statements.head.get() as { position: bigint; hash: string } | undefined;
    let position = head?.position ?? 0n;
    let prevHash = head?.hash ?? GENESIS_HASH;
    let streamVersion = current;
    const recordedAt = this.clock().toISOString();
    for (const event of events) {
      position += 1n;
      streamVersion += 1n;
      const base = { position, streamId, streamVersion, eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata, recordedAt };
      const hash = chainHash(prevHash, base);
      this.statements.insert.run({ ...base, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata), prevHash, hash });
      prevHash = hash;
    }
    return { streamVersion, position, duplicate: false };
  }

  private findDuplicate(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    const stored = events.map((e) => this.statements.byEventId.get(e.eventId) as EventRow | undefined);
    return duplicateOf(streamId, events, stored.map((row) => row && { streamId: row.stream_id, streamVersion: row.stream_version, position: row.position }));
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) {
      // Writing nothing is the only safe meaning of an empty append.
      const streamVersion = this.statements.streamVersion.get(streamId) as bigint;
      checkExpectedVersion(streamId, expected, streamVersion);
      return { streamVersion, position: await this.headPosition(), duplicate: false };
    }
    return this.appendTx.immediate(streamId, events, expected);
  }

  /** Synchronous batched import of many streams in one transaction (generator, import). */
  appendBatch(batch: ReadonlyArray<{ streamId: string; events: readonly NewEvent[]; expected: ExpectedVersion }>): AppendResult[] {
    return this.db.transaction(() => batch.map((b) => this.appendInTransaction(b.streamId, b.events, b.expected))).immediate();
  }

  /**
   * Inserts already-recorded events (an auditor's export) as they are, in one transaction, into
   * a store whose head they continue. The caller has verified the chain line by line.
   */
  importRecorded(events: readonly RecordedEvent[]): void {
    this.db.transaction(() => {
      for (const e of events) {
        const head = this.statements.head.get() as { position: bigint; hash: string } | undefined;
        if (e.position !== (head?.position ?? 0n) + 1n || e.prevHash !== (head?.hash ?? GENESIS_HASH)) {
          throw new Error(`event at position ${e.position} does not continue the stored log (head ${head?.position ?? 0n})`);
        }
        this.statements.insert.run({ ...e, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) });
      }
    }).immediate();
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return (this.statements.readStream.all(streamId) as EventRow[]).map(toRecorded);
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    return (this.statements.readPage.all(after, limit) as EventRow[]).map(toRecorded);
  }

  async headPosition(): Promise<Position> {
    const head = this.statements.head.get() as { position: bigint } | undefined;
    return head?.position ?? 0n;
  }

  async count(): Promise<bigint> {
    return this.statements.count.get() as bigint;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
