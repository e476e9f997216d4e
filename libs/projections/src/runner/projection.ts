import type Database from 'better-sqlite3';
import type { Position, ProjectedEvent } from '@ledger/event-store';

/**
 * A read model fed from the global log. `apply` runs inside the runner's transaction, together
 * with the checkpoint update, so a crash can never count an event twice or skip one.
 */
export interface Projection {
  readonly name: string;
  /**
   * Bumped when the read model's tables or meaning change: the runner then drops this read model
   * and replays it from the start of the log (the others keep their rows and checkpoints).
   */
  readonly version: number;
  /** Create tables and indexes if missing (idempotent). */
  setup(db: Database.Database): void;
  /** Drop everything the projection owns (for rebuilds). */
  reset(db: Database.Database): void;
  apply(db: Database.Database, event: ProjectedEvent): void;
  /**
   * Indexes only queries read, never `apply`: a rebuild from 0 drops them and creates them once at
   * the end. An index `apply` looks rows up by must not be here (without it every lookup scans the table).
   */
  readonly deferredIndexes?: readonly string[];
  /**
   * Optional: the same rows as `apply` of each event in turn, in one call, so a read model can keep
   * what a batch changes in memory and write it once at the end (the runner prefers it).
   */
  applyBatch?(db: Database.Database, events: readonly ProjectedEvent[]): void;
  /**
   * Declares that the rows a stream derives depend only on that stream's events, so a rebuild from 0
   * may replay the log stream by stream (each stream's events in order, one stream after another),
   * folding and writing each stream once. `true`: `applyBatch` (or `apply`) serves as it is. A function:
   * a replay of its own, for rows that sum over streams, which it writes once at the end.
   */
  readonly byStream?: true | ((db: Database.Database) => StreamReplay);
}

/** One rebuild's stream-by-stream replay of a read model (see Projection.byStream). */
export interface StreamReplay {
  applyBatch(events: readonly ProjectedEvent[]): void;
  /** After the last stream (the log up to @upTo), in the transaction that moves the checkpoint there. */
  finish(upTo: Position): void;
}
