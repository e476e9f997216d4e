import type Database from 'better-sqlite3';
import { MemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';

/** A log of @events notes, one stream each; logs of different @name hold different event ids, as two real logs do. */
export async function givenLog(events: number, name = 'e'): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  for (let i = 0; i < events; i++) await store.append(`s-${i}`, [{ eventId: `${name}-${i}`, type: 'Noted', data: { i }, metadata: {} }], 'no_stream');
  return store;
}

/** Records every position it sees; the primary key makes a second application of an event fail. */
export class SeenPositions implements Projection {
  constructor(
    readonly name: string,
    readonly version = 1,
  ) {}
  private get table() {
    return `seen_${this.name}`;
  }
  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (position INTEGER PRIMARY KEY)`);
  }
  reset(db: Database.Database): void {
    db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
  apply(db: Database.Database, event: RecordedEvent): void {
    db.prepare(`INSERT INTO ${this.table} VALUES (?)`).run(event.position);
  }
  static count(db: Database.Database, name: string): number {
    return db.prepare(`SELECT COUNT(*) FROM seen_${name}`).pluck().get() as number;
  }
}

/** SeenPositions replayed stream by stream, remembering the order it was fed; `failAt`: the position it cannot apply. */
export class SeenByStream extends SeenPositions {
  readonly byStream = true;
  readonly fed: string[] = [];
  failAt?: bigint;
  override apply(db: Database.Database, event: RecordedEvent): void {
    if (event.position === this.failAt) throw new Error(`cannot apply ${event.position}`);
    this.fed.push(`${event.streamId}@${event.streamVersion}`);
    super.apply(db, event);
  }
}
