import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ReadJob, ReadWorkerFiles, ToWorker } from './read-jobs';
import { errorFrom } from './worker-errors';
import { siblingWorker } from './sibling-worker';

interface Task {
  id: number;
  job: ReadJob;
  onMessage(message: FromWorker): void;
  /** The worker died or could not start. */
  fail(error: Error): void;
  /** Set while a worker runs the task. */
  worker?: Worker;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

/**
 * A small pool of worker threads for the API's long read work (verification, register exports,
 * activity reports): better-sqlite3 is synchronous, so on the request thread one such job would
 * hold every other request — writes included — until it ends. Workers start on first use and each
 * runs one job at a time; further jobs wait in order.
 */
export class ReadWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly files: ReadWorkerFiles,
    readonly size = 2,
  ) {}

  get canVerify(): boolean {
    return this.files.logPath !== undefined;
  }

  /** A job with one answer. */
  run<T>(job: ReadJob): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.submit({
        id: this.nextId++,
        job,
        onMessage: (m) => ('result' in m ? resolve(m.result as T) : 'error' in m ? reject(errorFrom(m.error)) : undefined),
        fail: reject,
      });
    });
  }

  /** A job whose answer is a byte stream (an export), read as the consumer asks for it. */
  stream(job: ReadJob): Readable {
    const task: Task = { id: this.nextId++, job, onMessage: () => undefined, fail: () => undefined };
    // Before the task runs there is nobody to ask: the worker starts with a few credits.
    const send = (message: ToWorker) => task.worker?.postMessage(message);
    const readable = new Readable({
      read: () => send({ type: 'credit', id: task.id }),
      // The client went away (or the stream failed): stop the worker's job, or never start it.
      destroy: (error, callback) => {
        if (task.worker) send({ type: 'cancel', id: task.id });
        else this.withdraw(task);
        callback(error);
      },
    });
    task.onMessage = (m) => {
      if ('chunk' in m) readable.push(typeof m.chunk === 'string' ? m.chunk : Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
      else if ('end' in m) readable.push(null);
      else if ('error' in m) readable.destroy(errorFrom(m.error));
    };
    task.fail = (error) => readable.destroy(error);
    this.submit(task);
    return readable;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.fail(new Error('the API is shutting down'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private withdraw(task: Task): void {
    const index = this.queue.indexOf(task);
    if (index >= 0) this.queue.splice(index, 1);
  }

  private submit(task: Task): void {
    if (this.closed) return task.fail(new Error('the API is shutting down'));
    this.queue.push(task);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.task) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      this.assign(slot, this.queue.shift() as Task);
    }
  }

  private assign(slot: Slot, task: Task): void {
    slot.task = task;
    task.worker = slot.worker;
    slot.worker.postMessage({ type: 'run', id: task.id, job: task.job } satisfies ToWorker);
  }

  private spawn(): Slot {
    const worker = siblingWorker(__dirname, 'read-worker', this.files);
    worker.unref();
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (m: FromWorker) => {
      const task = slot.task;
      if (!task || m.id !== task.id) return;
      task.onMessage(m);
      if ('result' in m || 'error' in m || 'end' in m) {
        task.worker = undefined;
        slot.task = undefined;
        this.dispatch();
      }
    });
    const lost = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const task = slot.task;
      slot.task = undefined;
      if (task) task.worker = undefined;
      task?.fail(error);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`read worker exited with code ${code}`)));
    return slot;
  }
}
