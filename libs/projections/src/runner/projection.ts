import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';

/**
 * A read model fed from the global log. `apply` runs inside the runner's transaction, together
 * with the checkpoint update, so a crash can never count an event twice or skip one.
 */
export interface Projection {
  readonly name: string;
  /** Create tables and indexes if missing (idempotent). */
  setup(db: Database.Database): void;
  /** Drop everything the projection owns (for rebuilds). */
  reset(db: Database.Database): void;
  apply(db: Database.Database, event: RecordedEvent): void;
}
