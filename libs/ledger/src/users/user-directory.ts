import { USER_EVENT_TYPES, evolveUser, initialUserState, type UserState } from '@ledger/domain';
import { marksWrites, type EventStore } from '@ledger/event-store';
import { toUserEvent } from './user-aggregate';

const PAGE = 1000;

/**
 * Everyone's rights, folded in memory from the user events of the global log and kept current by
 * reading what was appended since the last look (by this process or any other) before each answer.
 * The directory is small (people, not acts), so memory is no concern; the first catch-up reads the
 * log once, later ones read only its tail.
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
    this.running ??= this.readTail(store)
      .then(() => {
        this.readAt = mark;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async readTail(store: EventStore): Promise<void> {
    for (;;) {
      const page = await store.readPage(this.cursor, PAGE);
      for (const e of page) {
        this.cursor = e.position;
        if (!USER_EVENT_TYPES.includes(e.type)) continue;
        const event = toUserEvent(e);
        this.people.set(event.data.sub, evolveUser(this.people.get(event.data.sub) ?? initialUserState, event));
      }
      if (page.length < PAGE) return;
    }
  }

  entry(sub: string): UserState | undefined {
    return this.people.get(sub);
  }

  all(): UserState[] {
    return [...this.people.values()].sort((a, b) => (a.sub as string).localeCompare(b.sub as string));
  }
}
