import type { StreamVersion } from '@ledger/event-store';
import type { Actor } from './actor';

/** Who acts and how the request was made; filled by the caller (HTTP edge, CLI, importer), never from a body. */
export interface CommandContext {
  actor: Actor;
  /** The system time the command is decided at: its Vietnamese legal date is "today" for the rules. */
  now: Date;
  requestId?: string;
  idempotencyKey?: string;
  /** The stream version the caller holds (If-Match); absent = the ledger retries version conflicts itself. */
  expectedVersion?: StreamVersion;
  /** Decide and check everything, append nothing. */
  dryRun?: boolean;
  /** Extra metadata for every event (e.g. an import's file and row). */
  metadata?: Record<string, unknown>;
}

export interface DecidedEvent {
  type: string;
  data: unknown;
}
