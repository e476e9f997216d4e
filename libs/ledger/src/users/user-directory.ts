import { USER_EVENT_TYPES, evolveUser, initialUserState, type UserState } from '@ledger/domain';
import { marksWrites, readsByStream, type EventStore, type ProjectedEvent, type StreamCursor, type StreamOrderedReader } from '@ledger/event-store';
import { USER_STREAM_PREFIX, toUserEvent } from './user-aggregate';

const PAGE = 1000;

/**
 * Everyone's rights, folded in memory from the user events of the global log and kept current by
 * reading what was appended since the last look (by this process or any other) before each answer.
 * The directory is small (people, not acts), so memory is no concern. The first catch-up reads only
 * the user streams where the store reads stream by stream (the whole log of 1M events took 5.6 s of
 * a replica's start), the whole log elsewhere; later ones read only the log's tail.
 */
export class UserDirectory {
  private readonly people = new Map<string, UserState>();
  private cursor = 0n;
  private running?: Promise<void>;
  /** The store's write mark taken before the last read that reached the log's end (stores that keep one). */
  private readAt?: string;

  /** Concurrent callers share one catch-up; none reads when the store's write mark has not moved since. */
  catchUp(store: EventStore): Promise<void> {
    // Taken before reading: an append during the read moves the mark, and the next call reads again.
    const mark = marksWrites(store) ? store.writeMark() : undefined;
    if (mark !== undefined && mark === this.readAt) return Promise.resolve();
    this.running ??= this.read(store)
      .then(() => {
        this.readAt = mark;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(store: EventStore): Promise<void> {
    if (this.cursor === 0n && readsByStream(store)) this.cursor = await this.readUserStreams(store);
    for (;;) {
      const page = await store.readPage(this.cursor, PAGE);
      for (const e of page) {
        this.cursor = e.position;
        this.fold(e);
      }
      if (page.length < PAGE) return;
    }
  }

  /**
   * Every user stream as the log stands at its head now, in stream order: each person's events are
   * in their own stream, so this fold equals the log-order one. Returns the head: the tail after it
   * is read in log order.
   */
  private async readUserStreams(store: EventStore & StreamOrderedReader): Promise<bigint> {
    const head = await store.headPosition();
    // Stream ids are ordered, so the user streams are one run of them: from the prefix to the first other id.
    let after: StreamCursor = { streamId: USER_STREAM_PREFIX, streamVersion: 0n };
    for (;;) {
      const page = await store.readByStream(head, after, PAGE);
      for (const e of page) {
        if (!e.streamId.startsWith(USER_STREAM_PREFIX)) return head;
        this.fold(e);
        after = { streamId: e.streamId, streamVersion: e.streamVersion };
      }
      if (page.length < PAGE) return head;
    }
  }

  private fold(e: Pick<ProjectedEvent, 'type' | 'data'>): void {
    if (!USER_EVENT_TYPES.includes(e.type)) return;
    const event = toUserEvent(e);
    this.people.set(event.data.sub, evolveUser(this.people.get(event.data.sub) ?? initialUserState, event));
  }

  entry(sub: string): UserState | undefined {
    return this.people.get(sub);
  }

  all(): UserState[] {
    return [...this.people.values()].sort((a, b) => (a.sub as string).localeCompare(b.sub as string));
  }
}
