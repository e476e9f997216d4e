import type { Worker } from 'node:worker_threads';
import type { EventStore, Position } from '@ledger/event-store';
import { ProjectionRunner, allProjections, type ProjectionStatus, type ReadModelRunner } from '@ledger/projections';
import { errorFrom } from '../read-workers/worker-errors';
import type { FromProjector, ProjectorFiles, ToProjector } from './projector-messages';
import { ProjectorThread } from './projector-thread-spawn';

type Op = Extract<ToProjector, { kind: 'request' }>['op'];

const [FIRST_RESTART_MS, LAST_RESTART_MS] = [1000, 60_000];

/**
 * The read models projected on a worker thread (projector-thread.ts) while this thread answers
 * requests: better-sqlite3 is synchronous, so on this thread every batch held the requests behind it
 * (hence batches within a 100 ms budget). Here a follower (ProjectionRunner.follow) reads the read
 * models and their checkpoints; the thread's messages release whoever waits for a position as soon as
 * its batch is committed, and tell what status() shows of the projecting. A thread that dies (it should
 * not: a crash of its own, out of memory) is said in status() — /health down — and started again, after
 * 1 s, doubling up to a minute while it keeps dying; it resumes from the checkpoints.
 */
export class ThreadedProjector implements ReadModelRunner {
  private readonly follower: ProjectionRunner;
  private worker?: Worker;
  private restart?: NodeJS.Timeout;
  private restartDelayMs = FIRST_RESTART_MS;
  private closing = false;
  private readonly replies = new Map<number, { resolve: (position: Position | undefined) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private running = false;
  /** The current thread projects: spawned projecting, or sent the start message. */
  private threadStarted = false;
  /** From the thread's start until a pass ends, and while batches are committed. */
  private passing = false;
  private lastError?: { message: string; at: string };
  /** Why there is no thread now. */
  private gone?: Error;

  /** @early: a thread main.ts spawned for these files before the API's modules loaded, perhaps projecting already. */
  constructor(
    store: EventStore,
    private readonly files: ProjectorFiles,
    early?: ProjectorThread,
  ) {
    // Set up by whichever of the two comes first; the follower, coming second, then writes nothing and
    // does not wait for an early thread's first batch. Its poll of the log's head is a safety net (the
    // thread's messages release waiters): once a second.
    this.follower = new ProjectionRunner(store, files.readModelPath, allProjections(), { pollIntervalMs: 1000, setsUp: false });
    this.follower.follow();
    this.adopt(early ?? new ProjectorThread(files, false));
  }

  private adopt(thread: ProjectorThread): void {
    const { worker } = thread;
    this.worker = worker;
    this.gone = undefined;
    this.threadStarted = this.passing = thread.projectsAtOnce;
    if (this.running) this.startThread();
    thread.listen({
      message: (message) => this.told(message),
      error: (error) => this.lost(worker, error),
      exit: (code) => this.lost(worker, new Error(`the projector thread ended (exit code ${code})`)),
    });
  }

  private startThread(): void {
    if (this.threadStarted) return;
    this.threadStarted = this.passing = true;
    this.send({ kind: 'start' });
  }

  get db() {
    return this.follower.db;
  }

  get projections() {
    return this.follower.projections;
  }

  checkpoint(): Position {
    return this.follower.checkpoint();
  }

  checkedHead(): Promise<Position> {
    return this.follower.checkedHead();
  }

  /** As on the request thread: a wait asks the projector for a pass now (stopped or between polls), and ends with its batch. */
  waitFor(position: Position, timeoutMs: number): Promise<void> {
    if (this.checkpoint() < position && !this.gone) void this.request('catchUp').catch(() => undefined);
    return this.follower.waitFor(position, timeoutMs);
  }

  start(): void {
    this.running = true;
    this.startThread();
  }

  /** The follower already follows: the projector thread is this process's, started by start(). */
  follow(): void {}

  async stop(): Promise<void> {
    await this.request('stop');
    this.running = this.passing = this.threadStarted = false;
  }

  /** One pass on the projector thread up to the log's head; rejects with its error. */
  async catchUp(): Promise<Position> {
    return (await this.request('catchUp')) as Position;
  }

  async rebuild(): Promise<Position> {
    return (await this.request('rebuild')) as Position;
  }

  status(): ProjectionStatus[] {
    return this.follower.status().map((s) => ({
      ...s,
      running: this.running && !this.gone,
      catchingUp: this.passing || this.replies.size > 0,
      ...(this.lastError ? { lastError: this.lastError.message, lastErrorAt: this.lastError.at } : {}),
    }));
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restart);
    if (this.worker && !this.gone) await this.request('close').catch(() => undefined);
    await this.worker?.terminate();
    await this.follower.close();
  }

  private told(message: FromProjector): void {
    if (message.kind === 'batch') {
      this.passing = true;
      this.follower.followed(message.head);
    } else if (message.kind === 'pass') {
      this.passing = false;
      this.lastError = message.error ? { message: message.error.message, at: message.at } : undefined;
      if (!message.error) this.restartDelayMs = FIRST_RESTART_MS;
    } else {
      const reply = this.replies.get(message.id);
      this.replies.delete(message.id);
      if (message.error) reply?.reject(errorFrom(message.error));
      else reply?.resolve(message.position);
    }
  }

  private request(op: Op): Promise<Position | undefined> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.send({ kind: 'request', id, op });
    });
  }

  private send(message: ToProjector): void {
    this.worker?.postMessage(message);
  }

  /** The thread died (its 'error' comes before its 'exit'): callers waiting for it are told why, and it is started again. */
  private lost(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.gone || this.closing) return;
    this.gone = error;
    this.passing = false;
    this.lastError = { message: error.message, at: new Date().toISOString() };
    for (const reply of this.replies.values()) reply.reject(error);
    this.replies.clear();
    this.restart = setTimeout(() => this.adopt(new ProjectorThread(this.files, false)), this.restartDelayMs);
    this.restartDelayMs = Math.min(2 * this.restartDelayMs, LAST_RESTART_MS);
  }
}
