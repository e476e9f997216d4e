import type { Position } from '@ledger/event-store';
import type { WorkerError } from '../read-workers/worker-errors';
import type { LogLocation } from '../store/open-event-store';

/** What the projector thread is started with. */
export interface ProjectorFiles {
  log: LogLocation;
  readModelPath: string;
}

/** The thread's workerData: its files, and whether it projects at once (spawned early by main.ts) or waits for a start message. */
export interface ProjectorThreadData extends ProjectorFiles {
  projectAtOnce: boolean;
}

/** What the request thread asks of the projector thread; each request is answered by a reply with its id. */
export type ToProjector = { kind: 'start' } | { kind: 'request'; id: number; op: 'stop' | 'catchUp' | 'rebuild' | 'close' };

/** What the projector thread tells: each committed batch, each pass that changed something or failed, each reply. */
export type FromProjector =
  | { kind: 'batch'; position: Position; head: Position }
  | { kind: 'pass'; position?: Position; error?: WorkerError; at: string }
  | { kind: 'reply'; id: number; position?: Position; error?: WorkerError };
