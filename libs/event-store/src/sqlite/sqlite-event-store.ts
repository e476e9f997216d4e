import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { PROJECTED_COLUMNS, projectedFromRow, recordedFromRow as toRecorded, type EventRow } from '../event-row';
import { GENESIS_HASH } from '../hash-chain';
import {
  checkExpectedVersion,
  duplicateOf,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type Position,
  type ProjectedEvent,
  type RecordedEvent,
  type StreamCursor,
  type StreamOrderedReader,
  type StreamVersion,
  type WriteMarked,
} from '../port';
import { sealEvent } from './event-hash';
import { EVENTS_SCHEMA } from './schema';
import { WalCheckpointer } from './wal-checkpointer';
import { writeMarkOf } from './write-mark';
import { enterWalMode } from './wal-mode';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created with its folder if missing. */
  path: string;
  /** System clock for `recordedAt`; injectable so tests can tell a timeline. */
  clock?: () => Date;
  /** Run WAL checkpoints on a worker thread instead of inside commits (servers; see WalCheckpointer). */
  backgroundCheckpoints?: boolean;
}

/** The next page of the global log after a position. */
export const READ_PAGE_SQL = 'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?';
export const READ_STREAM_SQL = 'SELECT * FROM events WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version';
/** The next page of the log up to a position, stream by stream (through the unique (stream_id, stream_version) index). */
export const READ_BY_STREAM_SQL = `SELECT ${PROJECTED_COLUMNS} FROM events WHERE (stream_id, stream_version) > (?, ?) AND position <= ? ORDER BY stream_id, stream_version LIMIT ?`;

/** One stream's part of an append: the events and the version its writer last saw. */
export interface AppendEntry {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedVersion;
}

/**
 * The log as the running transaction leaves it. Read once per transaction and carried in memory:
 * BEGIN IMMEDIATE holds the write lock, so nothing but this transaction can move it meanwhile.
 */
interface Tail {
  position: Position;
  hash: string;
  /** Version of every stream the transaction has appended to so far. */
  versions: Map<string, bigint>;
}

function rethrow(error: unknown): never {
  throw error;
}

// By code, not `instanceof SqliteError`: the native addon keeps the class of the first module instance that loaded it (jest loads one per test file).
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | undefined)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * The embedded default. WAL with synchronous=FULL: an acknowledged append survives power loss.
 * Appends run in BEGIN IMMEDIATE transactions, so two processes on one file serialise on the
 * write lock and the version check inside the transaction decides which one conflicts.
 */
export class SqliteEventStore implements EventStore, StreamOrderedReader, WriteMarked {
  readonly db: Database.Database;
  readonly checkpointer?: WalCheckpointer;
  readonly writeMark: () => string;
  private readonly clock: () => Date;
  private readonly statements;
  private readonly appendTx;

  constructor(options: SqliteEventStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    enterWalMode(this.db);
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(EVENTS_SCHEMA);
    if (options.backgroundCheckpoints && options.path !== ':memory:') this.checkpointer = new WalCheckpointer(this.db);
    this.clock = options.clock ?? (() => new Date());
    this.writeMark = writeMarkOf(this.db);
    this.statements = {
      streamVersion: this.db.prepare('SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?').pluck().safeIntegers(),
      storedBefore: this.db.prepare('SELECT stream_id, stream_version, position FROM events WHERE event_id = ? AND position <= ?').safeIntegers(),
      head: this.db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers(),
      insert: this.db.prepare(
        'INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      readStream: this.db.prepare(READ_STREAM_SQL).safeIntegers(),
      readPage: this.db.prepare(READ_PAGE_SQL).safeIntegers(),
      readByStream: this.db.prepare(READ_BY_STREAM_SQL).safeIntegers(),
      count: this.db.prepare('SELECT COUNT(*) FROM events').pluck().safeIntegers(),
      eventIdAt: this.db.prepare('SELECT event_id FROM events WHERE position = ?').pluck(),
    };
    this.appendTx = this.db.transaction((entries: readonly AppendEntry[]) => {
      const tail: Tail = { ...this.head(), versions: new Map() };
      return entries.map((entry) => this.appendEntry(tail, entry));
    });
  }

  /** The last stored position and its hash (genesis for an empty log). */
  private head(): { position: Position; hash: string } {
    const row = this.statements.head.get() as { position: bigint; hash: string } | undefined;
    return { position: row?.position ?? 0n, hash: row?.hash ?? GENESIS_HASH };
  }

  /**
   * One entry, as if appended alone after the entries before it. Idempotency costs no look-up
   * per event: a retry of an append that went through either fails the version check (its first
   * attempt moved the stream on) or, with `any`, hits UNIQUE(event_id) on its first insert; only
   * then are its ids looked up, among the events stored before it, and answered as before.
   */
  private appendEntry(tail: Tail, entry: AppendEntry): AppendResult {
    const { streamId, events, expected } = entry;
    const before = tail.position;
    let streamVersion = tail.versions.get(streamId) ?? (this.statements.streamVersion.get(streamId) as bigint);
    try {
      checkExpectedVersion(streamId, expected, streamVersion);
    } catch (conflict) {
      return this.retriedAppend(entry, before) ?? rethrow(conflict);
    }
    const recordedAt = this.clock().toISOString();
    let { position, hash } = tail;
    for (const { eventId, type, data, metadata } of events) {
      position += 1n;
      streamVersion += 1n;
      const sealed = sealEvent(hash, { position, streamId, streamVersion, eventId, type, data, metadata, recordedAt });
      try {
        this.statements.insert.run(position, streamId, streamVersion, eventId, type, sealed.data, sealed.metadata, recordedAt, hash, sealed.hash);
      } catch (error) {
        // Only a violation on the first event can be a retry: an event this entry wrote was not stored before it.
        return (isUniqueViolation(error) && this.retriedAppend(entry, before)) || rethrow(error);
      }
      hash = sealed.hash;
    }
    tail.position = position;
    tail.hash = hash;
    tail.versions.set(streamId, streamVersion);
    return { streamVersion, position, duplicate: false };
  }

  /** What the first attempt of a retried append stored; undefined if none of its ids were stored before it, a conflict if some were. */
  private retriedAppend({ streamId, events }: AppendEntry, before: Position): AppendResult | undefined {
    const stored = events.map((e) => this.statements.storedBefore.get(e.eventId, before) as { stream_id: string; stream_version: bigint; position: bigint } | undefined);
    return duplicateOf(streamId, events, stored.map((row) => row && { streamId: row.stream_id, streamVersion: row.stream_version, position: row.position }));
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) {
      // Writing nothing is the only safe meaning of an empty append.
      const streamVersion = this.statements.streamVersion.get(streamId) as bigint;
      checkExpectedVersion(streamId, expected, streamVersion);
      return { streamVersion, position: await this.headPosition(), duplicate: false };
    }
    return this.appendTx.immediate([{ streamId, events, expected }])[0];
  }

  /**
   * Synchronous batched import of many streams in one transaction (generator, import): each entry
   * behaves as its own append would after the entries before it, and any failure writes nothing.
   */
  appendBatch(batch: readonly AppendEntry[]): AppendResult[] {
    return this.appendTx.immediate(batch);
  }

  /**
   * Inserts already-recorded events (an auditor's export) as they are, in one transaction, into
   * a store whose head they continue. The caller has verified the chain line by line.
   */
  importRecorded(events: readonly RecordedEvent[]): void {
    this.db.transaction(() => {
      let { position, hash } = this.head();
      for (const e of events) {
        if (e.position !== position + 1n || e.prevHash !== hash) {
          throw new Error(`event at position ${e.position} does not continue the stored log (head ${position})`);
        }
        this.statements.insert.run(e.position, e.streamId, e.streamVersion, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt, e.prevHash, e.hash);
        position = e.position;
        hash = e.hash;
      }
    }).immediate();
  }

  async readStream(streamId: string, afterVersion: StreamVersion = 0n): Promise<RecordedEvent[]> {
    return (this.statements.readStream.all(streamId, afterVersion) as EventRow[]).map(toRecorded);
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    return (this.statements.readPage.all(after, limit) as EventRow[]).map(toRecorded);
  }

  async readByStream(upTo: Position, after: StreamCursor | undefined, limit: number): Promise<ProjectedEvent[]> {
    return (this.statements.readByStream.all(after?.streamId ?? '', after?.streamVersion ?? 0n, upTo, limit) as EventRow[]).map(projectedFromRow);
  }

  async headPosition(): Promise<Position> {
    return this.head().position;
  }

  async eventIdAt(position: Position): Promise<string | undefined> {
    return this.statements.eventIdAt.get(position) as string | undefined;
  }

  async count(): Promise<bigint> {
    return this.statements.count.get() as bigint;
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
