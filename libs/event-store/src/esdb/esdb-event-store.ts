import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONRecordedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
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

/**
 * EventStoreDB / KurrentDB adapter for deployments that outgrow one machine.
 * - Stream versions are ESDB revisions + 1 (the port counts events; ESDB counts from 0).
 * - Global positions are the $all commit position: monotonic but not dense, so callers must
 *   treat them as opaque checkpoints and never compute with them.
 * - recordedAt is set by the ledger in metadata, so SQLite and ESDB logs carry the same facts.
 * - The global hash chain needs a single writer over $all; this adapter leaves prevHash/hash empty.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;

  constructor(
    connectionString: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  private static revision(expected: ExpectedVersion): AppendExpectedRevision {
    if (expected === 'any') return ANY;
    if (expected === 'no_stream' || expected === 0n) return NO_STREAM;
    return expected - 1n;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const existing = await this.readStream(streamId);
    const byId = new Map(existing.map((e) => [e.eventId, e]));
    const duplicate = duplicateOf(streamId, events, events.map((e) => byId.get(e.eventId)));
    if (duplicate) return duplicate;
    const current = BigInt(existing.length);
    if (events.length === 0) {
      checkExpectedVersion(streamId, expected, current);
      return { streamVersion: current, position: await this.headPosition(), duplicate: false };
    }
    const recordedAt = this.clock().toISOString();
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data as never, metadata: { ...e.metadata, recordedAt } })),
        { expectedRevision: EsdbEventStore.revision(expected) },
      );
      return { streamVersion: result.nextExpectedRevision + 1n, position: result.position?.commit ?? (await this.headPosition()), duplicate: false };
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersion) {
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
      position: event.position?.commit ?? 0n,
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
    const events: RecordedEvent[] = [];
    try {
      // Revisions count from 0: the event after version v is revision v.
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: afterVersion === 0n ? START : afterVersion })) {
        const recorded = EsdbEventStore.toRecorded(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    // $all also holds system events, which are skipped; read in chunks until the page is full.
    let from = after === 0n ? undefined : { commit: after, prepare: after };
    for (;;) {
      let seen = 0;
      let last: bigint | undefined;
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: limit + 1 })) {
        seen += 1;
        last = resolved.event?.position?.commit;
        const recorded = EsdbEventStore.toRecorded(resolved);
        if (recorded && recorded.position > after && events.length < limit) events.push(recorded);
      }
      if (events.length >= limit || seen < limit + 1 || last === undefined) return events;
      from = { commit: last, prepare: last };
    }
  }

  async headPosition(): Promise<Position> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 100 })) {
      const recorded = EsdbEventStore.toRecorded(resolved);
      if (recorded) return recorded.position;
    }
    return 0n;
  }

  async count(): Promise<bigint> {
    let count = 0n;
    for await (const resolved of this.client.readAll({ direction: FORWARDS })) {
      if (EsdbEventStore.toRecorded(resolved)) count += 1n;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
