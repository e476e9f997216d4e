import type * as Esdb from '@eventstore/db-client';
import type { AllStreamResolvedEvent, AppendExpectedRevision, EventStoreDBClient, JSONRecordedEvent, ResolvedEvent } from '@eventstore/db-client';
import {
  WrongExpectedVersionError,
  checkExpectedVersion,
  duplicateOf,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type StreamVersion,
} from '../port';
import { packPosition, unpackPosition } from './esdb-position';

/** The client and its gRPC stack, loaded with the first ESDB store: 0.1 s that every other start of the API and its projector thread paid. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const esdb = (): typeof Esdb => require('@eventstore/db-client') as typeof Esdb;

/**
 * EventStoreDB / KurrentDB adapter for deployments that outgrow one machine. Written from the
 * client's documented semantics and never run against a server here (see README).
 * - Stream versions are ESDB revisions + 1 (the port counts events; ESDB counts from 0).
 * - Global positions are the full $all position (commit and prepare, esdb-position.ts):
 *   monotonic but not dense, so callers treat them as opaque checkpoints.
 * - recordedAt is set by the ledger in metadata, so SQLite and ESDB logs carry the same facts.
 * - No tamper evidence: the global hash chain needs a single writer over $all, so this adapter
 *   leaves prevHash/hash empty and `ledger-cli verify` has nothing to check.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  /** Ledger events counted so far and the $all position counted up to: count() reads only what is new. */
  private counted: { after: Position; count: bigint } = { after: 0n, count: 0n };
  private counting?: Promise<bigint>;

  constructor(
    connection: string | EventStoreDBClient,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.client = typeof connection === 'string' ? esdb().EventStoreDBClient.connectionString(connection) : connection;
  }

  private static revision(expected: ExpectedVersion): AppendExpectedRevision {
    if (expected === 'any') return esdb().ANY;
    if (expected === 'no_stream' || expected === 0n) return esdb().NO_STREAM;
    return expected - 1n;
  }

  /**
   * Where a retried append's events would be: an append that went through with version v wrote
   * revisions v..v+n-1, so reading those n is enough (the whole stream only for `any`).
   */
  private async storedAt(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<RecordedEvent[]> {
    if (expected === 'any') return this.readRevisions(streamId);
    return this.readRevisions(streamId, { fromRevision: expected === 'no_stream' ? 0n : expected, maxCount: events.length });
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) {
      const last = (await this.readRevisions(streamId, { direction: esdb().BACKWARDS, fromRevision: esdb().END, maxCount: 1 }))[0];
      checkExpectedVersion(streamId, expected, last?.streamVersion ?? 0n);
      return { streamVersion: last?.streamVersion ?? 0n, position: await this.headPosition(), duplicate: false };
    }
    // One short read instead of the whole stream: the server's own idempotency would answer a
    // retry with success, and the port must say it was a duplicate.
    const stored = await this.storedAt(streamId, events, expected);
    const byId = new Map(stored.map((e) => [e.eventId, e]));
    const duplicate = duplicateOf(streamId, events, events.map((e) => byId.get(e.eventId)));
    if (duplicate) return duplicate;
    const recordedAt = this.clock().toISOString();
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => esdb().jsonEvent({ id: e.eventId, type: e.type, data: e.data as never, metadata: { ...e.metadata, recordedAt } })),
        { expectedRevision: EsdbEventStore.revision(expected) },
      );
      return { streamVersion: result.nextExpectedRevision + 1n, position: result.position ? packPosition(result.position) : await this.headPosition(), duplicate: false };
    } catch (error) {
      if (error instanceof esdb().WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion + 1n : 0n;
        throw new WrongExpectedVersionError(streamId, expected, actual);
      }
      throw error;
    }
  }

  private static toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
    const event = resolved.event as JSONRecordedEvent | undefined;
    if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
    const { recordedAt, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
    return {
      position: event.position ? packPosition(event.position) : 0n,
      streamId: event.streamId,
      streamVersion: event.revision + 1n,
      eventId: event.id,
      type: event.type,
      data: event.data,
      metadata,
      recordedAt: typeof recordedAt === 'string' ? recordedAt : event.created.toISOString(),
      prevHash: '',
      hash: '',
    };
  }

  async readStream(streamId: string, afterVersion: StreamVersion = 0n): Promise<RecordedEvent[]> {
    // Revisions count from 0: the event after version v is revision v.
    return this.readRevisions(streamId, afterVersion === 0n ? {} : { fromRevision: afterVersion });
  }

  private async readRevisions(streamId: string, options: Parameters<EventStoreDBClient['readStream']>[1] = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: esdb().FORWARDS, ...options })) {
        const recorded = EsdbEventStore.toRecorded(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof esdb().StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * $all also holds system events, which are skipped, so chunks are read until the page is full.
   * Each chunk starts at the full position of the last event seen; a read from a position includes
   * the event there, which is passed over. A page that ends inside one commit resumes inside it.
   */
  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let cursor = after;
    for (;;) {
      let seen = 0;
      for await (const resolved of this.client.readAll({ direction: esdb().FORWARDS, fromPosition: cursor === 0n ? esdb().START : unpackPosition(cursor), maxCount: limit + 1 })) {
        seen += 1;
        const position = resolved.event?.position ? packPosition(resolved.event.position) : undefined;
        if (position === undefined || position <= cursor) continue;
        cursor = position;
        const recorded = EsdbEventStore.toRecorded(resolved);
        if (recorded) events.push(recorded);
        if (events.length === limit) return events;
      }
      if (seen < limit + 1) return events;
    }
  }

  /** $all read from the event's own position starts with it. */
  async eventIdAt(position: Position): Promise<string | undefined> {
    for await (const resolved of this.client.readAll({ direction: esdb().FORWARDS, fromPosition: unpackPosition(position), maxCount: 1 })) {
      const recorded = EsdbEventStore.toRecorded(resolved);
      return recorded?.position === position ? recorded.eventId : undefined;
    }
    return undefined;
  }

  async headPosition(): Promise<Position> {
    for await (const resolved of this.client.readAll({ direction: esdb().BACKWARDS, fromPosition: esdb().END, maxCount: 100 })) {
      const recorded = EsdbEventStore.toRecorded(resolved);
      if (recorded) return recorded.position;
    }
    return 0n;
  }

  /** $all has no count: the first call reads it once, later calls only the events since (concurrent calls share one pass). */
  count(): Promise<bigint> {
    this.counting ??= this.countSince().finally(() => (this.counting = undefined));
    return this.counting;
  }

  private async countSince(): Promise<bigint> {
    for (;;) {
      const page = await this.readPage(this.counted.after, 1000);
      if (page.length === 0) return this.counted.count;
      this.counted = { after: page[page.length - 1].position, count: this.counted.count + BigInt(page.length) };
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
