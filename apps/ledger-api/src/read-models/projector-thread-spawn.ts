import type { Worker } from 'node:worker_threads';
import { keptInMemory, type LedgerConfig } from '../config/ledger-config';
import { siblingWorker } from '../read-workers/sibling-worker';
import type { FromProjector, ProjectorFiles, ProjectorThreadData } from './projector-messages';

/** The files the API's projector thread works on, or undefined when it projects on the request thread (what is in memory) or not at all (a follower). */
export function projectorFilesOf(config: LedgerConfig): ProjectorFiles | undefined {
  return config.projector === 'in-process' && !keptInMemory(config) ? { log: config, readModelPath: config.readDbPath } : undefined;
}

export interface ThreadListeners {
  message(message: FromProjector): void;
  error(error: Error): void;
  exit(code: number): void;
}

const KINDS = ['message', 'error', 'exit'] as const;

/**
 * A projector thread (projector-thread.ts) and what it said before anyone listened: main.ts spawns
 * it projecting before the API's modules load (0.7 s), so a replica catches up meanwhile, and the
 * ThreadedProjector made later hears every message from the first.
 */
export class ProjectorThread {
  readonly worker: Worker;
  private readonly heard: { kind: (typeof KINDS)[number]; value: unknown }[] = [];
  private listeners?: ThreadListeners;

  constructor(
    files: ProjectorFiles,
    /** It projects at once instead of waiting for a start message. */
    readonly projectsAtOnce: boolean,
  ) {
    this.worker = siblingWorker(__dirname, 'projector-thread', { ...files, projectAtOnce: projectsAtOnce } satisfies ProjectorThreadData);
    for (const kind of KINDS) this.worker.on(kind, (value: unknown) => (this.listeners ? this.listeners[kind](value as never) : this.heard.push({ kind, value })));
  }

  /** From now on `listeners` hear the thread, first what it said so far. */
  listen(listeners: ThreadListeners): void {
    this.listeners = listeners;
    for (const { kind, value } of this.heard.splice(0)) listeners[kind](value as never);
  }
}
