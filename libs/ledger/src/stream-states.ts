import type { EventStore, RecordedEvent, StreamVersion } from '@ledger/event-store';

/** How a stream's recorded events fold into the state its decider reads. */
export interface Aggregate<S> {
  readonly initialState: S;
  /** The state after more recorded events, given in version order. */
  evolve(state: S, events: readonly RecordedEvent[]): S;
}

export interface StreamState<S> {
  version: StreamVersion;
  state: S;
  recorded: readonly RecordedEvent[];
}

/**
 * Folded streams kept between writes (least recently used dropped first), so a write reads only the
 * events appended since — by this process or any other — instead of replaying the whole stream.
 * Writes to one stream are serialised in-process, so only other processes cause version conflicts.
 */
export class StreamStates {
  private readonly entries = new Map<string, StreamState<unknown>>();
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly limit = 1000) {}

  async load<S>(store: EventStore, streamId: string, aggregate: Aggregate<S>): Promise<StreamState<S>> {
    const cached = this.entries.get(streamId) as StreamState<S> | undefined;
    const base: StreamState<S> = cached ?? { version: 0n, state: aggregate.initialState, recorded: [] };
    // Adapters honour afterVersion; the filter keeps the fold right should one return more.
    const tail = (await store.readStream(streamId, base.version)).filter((e) => e.streamVersion > base.version);
    const next = tail.length === 0 ? base : { version: tail[tail.length - 1].streamVersion, state: aggregate.evolve(base.state, tail), recorded: base.recorded.concat(tail) };
    this.entries.delete(streamId);
    if (next.version > 0n) this.entries.set(streamId, next);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return next;
  }

  /** Runs `work` after every earlier call for the same stream has finished. */
  async exclusive<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(streamId, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}
