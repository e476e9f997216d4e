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
  type StreamCursor,
  type StreamOrderedReader,
  type StreamVersion,
} from '../port';

/** For unit tests: same semantics as the SQLite adapter, nothing persisted. */
export class MemoryEventStore implements EventStore, StreamOrderedReader {
  private readonly log: RecordedEvent[] = [];
  private readonly byEventId = new Map<string, RecordedEvent>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  private version(streamId: string): bigint {
    let version = 0n;
    for (const e of this.log) if (e.streamId === streamId) version = e.streamVersion;
    return version;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const duplicate = duplicateOf(streamId, events, events.map((e) => this.byEventId.get(e.eventId)));
    if (duplicate) return duplicate;
    let streamVersion = this.version(streamId);
    checkExpectedVersion(streamId, expected, streamVersion);
    const recordedAt = this.clock().toISOString();
    for (const event of events) {
      const prev = this.log[this.log.length - 1];
      streamVersion += 1n;
      const base = { position: BigInt(this.log.length + 1), streamId, streamVersion, eventId: event.eventId, type: event.type, data: structuredClone(event.data), metadata: structuredClone(event.metadata), recordedAt };
      const prevHash = prev?.hash ?? GENESIS_HASH;
      const recorded: RecordedEvent = { ...base, prevHash, hash: chainHash(prevHash, base) };
      this.log.push(recorded);
      this.byEventId.set(recorded.eventId, recorded);
    }
    return { streamVersion, position: await this.headPosition(), duplicate: false };
  }

  async readStream(streamId: string, afterVersion: StreamVersion = 0n): Promise<RecordedEvent[]> {
    return this.log.filter((e) => e.streamId === streamId && e.streamVersion > afterVersion);
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    return this.log.slice(Number(after), Number(after) + limit);
  }

  async readByStream(upTo: Position, after: StreamCursor | undefined, limit: number): Promise<RecordedEvent[]> {
    const isAfter = (e: RecordedEvent) => !after || e.streamId > after.streamId || (e.streamId === after.streamId && e.streamVersion > after.streamVersion);
    return this.log
      .filter((e) => e.position <= upTo && isAfter(e))
      .sort((a, b) => (a.streamId === b.streamId ? Number(a.streamVersion - b.streamVersion) : a.streamId < b.streamId ? -1 : 1))
      .slice(0, limit);
  }

  async headPosition(): Promise<Position> {
    return BigInt(this.log.length);
  }

  async eventIdAt(position: Position): Promise<string | undefined> {
    return position > 0n ? this.log[Number(position) - 1]?.eventId : undefined;
  }

  async count(): Promise<bigint> {
    return BigInt(this.log.length);
  }

  async close(): Promise<void> {}
}
