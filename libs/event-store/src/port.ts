/**
 * The one port every store adapter implements. Positions are global, dense in SQLite and
 * monotonic everywhere; stream versions count the events in a stream (0 = no stream).
 */
export type Position = bigint;
export type StreamVersion = bigint;

/** `no_stream` for the first append, a version for optimistic concurrency, `any` to skip the check. */
export type ExpectedVersion = StreamVersion | 'no_stream' | 'any';

export interface NewEvent {
  /** Deterministic per command, so a retried append is recognised as a duplicate. */
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export interface RecordedEvent {
  position: Position;
  streamId: string;
  streamVersion: StreamVersion;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** System time the store accepted the event (ISO instant). */
  recordedAt: string;
  /** Tamper-evidence chain over the global log (empty where an adapter cannot chain). */
  prevHash: string;
  hash: string;
}

/** What a read model is given of an event: a replay stream by stream reads no more of the log (no metadata, event id or hashes). */
export type ProjectedEvent = Pick<RecordedEvent, 'position' | 'streamId' | 'streamVersion' | 'type' | 'data' | 'recordedAt'>;

export interface AppendResult {
  streamVersion: StreamVersion;
  /** Global position of the last event of the append. */
  position: Position;
  /** True when every event id was already stored: nothing was written. */
  duplicate: boolean;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /** The stream's events in version order; with `afterVersion`, only those after it (a writer's cached fold reads just the tail). */
  readStream(streamId: string, afterVersion?: StreamVersion): Promise<RecordedEvent[]>;
  /** Up to `limit` events after `after` (exclusive), in global order. */
  readPage(after: Position, limit: number): Promise<RecordedEvent[]>;
  headPosition(): Promise<Position>;
  /** The id of the event at `position`, if the log has one there (read models check they were built from this log). */
  eventIdAt(position: Position): Promise<string | undefined>;
  count(): Promise<bigint>;
  close(): Promise<void>;
}

/** Where a walk over the log stream by stream stands: after this version of this stream. */
export interface StreamCursor {
  streamId: string;
  streamVersion: StreamVersion;
}

/**
 * An adapter that can read the log stream by stream (streams ordered by id, each in version order):
 * a rebuild then folds each stream once instead of revisiting it on every page (SQLite, PostgreSQL).
 */
export interface StreamOrderedReader {
  /** Up to `limit` events at positions up to `upTo`, after `after` in (stream id, version) order. */
  readByStream(upTo: Position, after: StreamCursor | undefined, limit: number): Promise<ProjectedEvent[]>;
}

export const readsByStream = (store: EventStore): store is EventStore & StreamOrderedReader => typeof (store as Partial<StreamOrderedReader>).readByStream === 'function';

/**
 * An adapter that can tell, cheaply, whether the log may have changed: `writeMark()` differs from
 * an earlier one once anything was appended since, by any writer (SQLite). A reader of the log's
 * tail on every request (the user directory) then reads it only when it moved.
 */
export interface WriteMarked {
  writeMark(): string;
}

export const marksWrites = (store: EventStore): store is EventStore & WriteMarked => typeof (store as Partial<WriteMarked>).writeMark === 'function';

/** What a walk over the log needs (verification, export): a reader needs no writable store. */
export type LogReader = Pick<EventStore, 'readPage'>;

/** An adapter that can take an auditor's export as it was recorded (SQLite, PostgreSQL). */
export interface RecordedEventImporter {
  importRecorded(events: readonly RecordedEvent[]): void | Promise<void>;
}

export const importsRecorded = (store: EventStore): store is EventStore & RecordedEventImporter =>
  typeof (store as Partial<RecordedEventImporter>).importRecorded === 'function';

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: StreamVersion,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** Some but not all of an append's event ids are stored, or they belong to another stream. */
export class IdempotencyConflictError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} was already used for a different append`);
    this.name = 'IdempotencyConflictError';
  }
}

export function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: StreamVersion): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === 0n : expected === actual);
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
}

/**
 * A retried append carries the same event ids: when all are stored in this stream it is a
 * duplicate and returns what the first append stored; a partial or cross-stream match is a conflict.
 */
export function duplicateOf(
  streamId: string,
  events: readonly NewEvent[],
  stored: ReadonlyArray<Pick<RecordedEvent, 'streamId' | 'streamVersion' | 'position'> | undefined>,
): AppendResult | undefined {
  const firstFound = stored.findIndex((e) => e !== undefined);
  if (firstFound < 0) return undefined;
  const last = stored[stored.length - 1];
  if (last === undefined || stored.some((e) => e === undefined || e.streamId !== streamId)) {
    throw new IdempotencyConflictError(events[firstFound].eventId);
  }
  return { streamVersion: last.streamVersion, position: last.position, duplicate: true };
}
