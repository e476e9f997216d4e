import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { WAL_SIZE_LIMIT_BYTES, WalCheckpointer, enterWalMode, readsByStream, writeMarkOf, type EventStore, type Position, type StreamCursor, type StreamOrderedReader } from '@ledger/event-store';
import type { Projection, StreamReplay } from './projection';
import { statement } from './statements';
import { claimReplay, othersClaim, ownerHere, refuseDuringOthersReplay, releaseReplayClaim, renewReplayClaim, setUpReplayClaims } from './replay-claim';

export interface ProjectionStatus {
  name: string;
  checkpoint: string;
  head: string;
  lag: string;
  running: boolean;
  /** A catch-up pass is under way (start-up, a rebuild, or events arriving). */
  catchingUp: boolean;
  lastError?: string;
  lastErrorAt?: string;
}

export interface RunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  /** Run WAL checkpoints of the read-model file on a worker thread (servers; see WalCheckpointer). */
  backgroundCheckpoints?: boolean;
  /** With background checkpoints: above this WAL size a catch-up waits for a complete checkpoint between batches. */
  walLimitBytes?: number;
  /**
   * Servers: how long one batch may hold the thread. Batches shrink (down to 100 events) when one
   * took longer and grow back (up to batchSize) when they are quick; without it every batch is batchSize.
   */
  batchBudgetMs?: number;
  /** Events per batch of a rebuild (default REBUILD_BATCH; tests make it small to split streams across batches). */
  rebuildBatchSize?: number;
  /** After each committed batch: where the read models stand and the log's head (a projector thread tells the request thread). */
  onBatch?: (position: Position, head: Position) => void;
  /** After each catch-up pass, with where it ended or why it failed. */
  onPass?: (outcome: { position: Position; error?: undefined } | { error: Error }) => void;
  /**
   * false: a follower's, beside the projector that sets the read models up. It sets them up only when
   * they are not at its versions yet; otherwise it writes nothing when made, so it does not wait for a
   * batch the projector is committing (a replica's whole catch-up, if the projector started first).
   */
  setsUp?: boolean;
}

/**
 * A projector on a thread (or process) of its own: no request waits behind its batches, so they need
 * no time budget and can be large (a 10,000-event catch-up: 0.9–1.0 s in one batch, 1.1 s in batches
 * of 2,000, 1.25 s within a 100 ms budget; 100k-event log, 2026-12-04), and fresh read models replay
 * stream by stream.
 */
export const OWN_THREAD: RunnerOptions = { backgroundCheckpoints: true, batchSize: 10_000 };

export type ProgressListener = (done: bigint, total: bigint) => void;

const MIN_BATCH = 100;
/** A rebuild's batches: each read model keeps a batch's changes in memory (applyBatch) and writes them once. */
const REBUILD_BATCH = 5000;

/** Halve the batch after one over budget, double it after one under half of it. */
export function nextBatchSize(size: number, tookMs: number, budgetMs: number, max: number): number {
  if (tookMs > budgetMs) return Math.max(MIN_BATCH, Math.floor(size / 2));
  if (tookMs < budgetMs / 2) return Math.min(max, size * 2);
  return size;
}

/** A macrotask turn: requests queued while a batch ran are served before the next one. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Catch-up subscription over the global log for a set of read models sharing one SQLite file
 * (separate from the log). Each batch and its checkpoint commit in one transaction.
 * A failure stops nothing silently: it is kept in `status()` and retried on the next poll.
 * better-sqlite3 is synchronous, so a pass yields to the event loop after every batch: an API
 * catching up millions of events keeps answering (`/health` shows the lag shrinking).
 */
export class ProjectionRunner {
  readonly db: Database.Database;
  private readonly checkpointer?: WalCheckpointer;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly walLimitBytes: number;
  private readonly batchBudgetMs?: number;
  private readonly rebuildBatchSize: number;
  private readonly onBatch?: RunnerOptions['onBatch'];
  private readonly onPass?: RunnerOptions['onPass'];
  private timer?: NodeJS.Timeout;
  private following?: NodeJS.Timeout;
  private inFlight?: Promise<Position>;
  private lastError?: { message: string; at: string };
  private head: Position = 0n;
  private readonly waiters = new Set<{ position: Position; resolve: () => void }>();
  private readonly writeMark: () => string;
  private checkpointsAt?: { mark: string; positions: ReadonlyMap<string, Position> };
  /** The checkpoints' events were found in this log (checkedHead): from then on this runner keeps them so. */
  private logChecked = false;
  /** This runner in a replay claim (replay-claim.ts). */
  private readonly owner = ownerHere(randomUUID());

  constructor(
    private readonly store: EventStore,
    readModelPath: string,
    readonly projections: readonly Projection[],
    options: RunnerOptions = {},
  ) {
    if (readModelPath !== ':memory:') mkdirSync(dirname(readModelPath), { recursive: true });
    this.db = new Database(readModelPath);
    enterWalMode(this.db);
    this.db.pragma('synchronous = NORMAL'); // a read model can always be rebuilt from the log
    this.db.pragma('busy_timeout = 10000');
    this.writeMark = writeMarkOf(this.db);
    // event_id: the id of the log's event at the checkpoint, which tells this log from another (checkedHead).
    this.db.exec('CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL, event_id TEXT)');
    const columns = this.db.pragma('table_info(projection_checkpoints)') as { name: string }[];
    if (!columns.some((c) => c.name === 'event_id')) this.db.exec('ALTER TABLE projection_checkpoints ADD COLUMN event_id TEXT');
    this.db.exec('CREATE TABLE IF NOT EXISTS projection_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    setUpReplayClaims(this.db);
    if (options.setsUp !== false || !this.atVersions())
      this.write(() => {
        for (const p of projections) this.setUp(p);
      });
    if (options.backgroundCheckpoints && readModelPath !== ':memory:') this.checkpointer = new WalCheckpointer(this.db);
    this.batchSize = options.batchSize ?? 2000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.walLimitBytes = options.walLimitBytes ?? WAL_SIZE_LIMIT_BYTES;
    this.batchBudgetMs = options.batchBudgetMs;
    this.rebuildBatchSize = options.rebuildBatchSize ?? Math.max(this.batchSize, REBUILD_BATCH);
    this.onBatch = options.onBatch;
    this.onPass = options.onPass;
  }

  /** Every read model is set up at this runner's version of its projection (setUp records it last). */
  private atVersions(): boolean {
    const stored = new Map(this.db.prepare('SELECT name, version FROM projection_versions').raw().all() as [string, number][]);
    return this.projections.every((p) => stored.get(p.name) === p.version);
  }

  /**
   * A read model written by another version of its projection starts again from position 0. One that
   * another runner is replaying (its version 0 until the end) is left to it: the replay sets it up.
   */
  private setUp(projection: Projection): void {
    // Files from before versions were recorded hold version 1 of every read model.
    const hasRows = this.db.prepare('SELECT 1 FROM projection_checkpoints WHERE name = ?').get(projection.name) !== undefined;
    const stored = (this.db.prepare('SELECT version FROM projection_versions WHERE name = ?').pluck().get(projection.name) as number | undefined) ?? (hasRows ? 1 : undefined);
    if (stored !== undefined && stored !== projection.version) {
      if (othersClaim(this.db, this.owner)) return;
      projection.reset(this.db);
      this.db.prepare('DELETE FROM projection_checkpoints WHERE name = ?').run(projection.name);
    }
    projection.setup(this.db);
    this.recordVersion(projection.name, projection.version);
  }

  private write<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  private recordVersion(name: string, version: number): void {
    statement(this.db, 'INSERT INTO projection_versions VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version').run(name, version);
  }

  private recordCheckpoint(name: string, at: { position: Position; eventId: string | null }): void {
    statement(this.db, 'INSERT INTO projection_checkpoints (name, position, event_id) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position, event_id = excluded.event_id').run(
      name,
      at.position,
      at.eventId,
    );
  }

  /**
   * Read again only once the file was written to since (by this runner or a projector in another
   * process): every cached report asks for the checkpoint, and the read cost 24 µs of each request.
   */
  private checkpoints(): ReadonlyMap<string, Position> {
    const mark = this.writeMark();
    if (this.checkpointsAt?.mark === mark) return this.checkpointsAt.positions;
    const positions = this.storedCheckpoints();
    this.checkpointsAt = { mark, positions };
    return positions;
  }

  private storedCheckpoints(): ReadonlyMap<string, Position> {
    const rows = statement(this.db, 'SELECT name, position FROM projection_checkpoints').safeIntegers().all() as { name: string; position: bigint }[];
    const byName = new Map(rows.map((r) => [r.name, r.position]));
    return new Map(this.projections.map((p) => [p.name, byName.get(p.name) ?? 0n]));
  }

  /** The lowest checkpoint over all read models: what every query can rely on. */
  checkpoint(): Position {
    return [...this.checkpoints().values()].reduce((min, at) => (at < min ? at : min), this.projections.length ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
  }

  /**
   * The log's head, once no read model stands past it (ReadModelsAheadError) and, the first time, each
   * checkpoint's event is this log's (ReadModelsDivergedError): the read models were built from it. The
   * checkpoints are read first: the head only grows, so a projector in another process moving them
   * meanwhile is no alarm, and any event it records is this log's.
   */
  async checkedHead(): Promise<Position> {
    const checkpoints = this.checkpoints();
    const applied = this.logChecked ? [] : (statement(this.db, 'SELECT name, position, event_id FROM projection_checkpoints WHERE event_id IS NOT NULL').safeIntegers().all() as AppliedEvent[]);
    const head = await this.store.headPosition();
    const ahead = [...checkpoints].find(([, at]) => at > head);
    if (ahead) throw new ReadModelsAheadError(ahead[0], ahead[1], head);
    // Read models caught up together share a checkpoint: each position is looked up once, the first named.
    const found = new Map<Position, string | undefined>();
    for (const { name, position, event_id } of applied) {
      if (!found.has(position)) found.set(position, await this.store.eventIdAt(position));
      const here = found.get(position);
      if (here !== event_id) throw new ReadModelsDivergedError(name, position, event_id, here);
    }
    this.logChecked = true;
    return head;
  }

  /** Process everything now in the log; concurrent callers share one pass. */
  catchUp(onProgress?: ProgressListener): Promise<Position> {
    // With a time budget (a server) fresh read models catch up in log order too: a replay by stream
    // ends with sums over all projects and index builds that hold the thread for seconds at 1M events.
    this.inFlight ??= this.runCatchUp(onProgress, this.batchSize, this.batchBudgetMs === undefined).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async runCatchUp(onProgress: ProgressListener | undefined, maxBatch: number, byStream: boolean): Promise<Position> {
    try {
      this.head = await this.checkedHead();
      if (byStream) await this.replayFreshByStream(onProgress);
      let from = this.checkpoint();
      const start = from;
      const getCheckpoint = this.db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').pluck().safeIntegers();
      let size = maxBatch;
      for (;;) {
        const page = await this.store.readPage(from, size);
        if (page.length === 0) break;
        const started = performance.now();
        const lastEvent = page[page.length - 1];
        const last = lastEvent.position;
        this.write(() => {
          refuseDuringOthersReplay(this.db, this.owner);
          for (const projection of this.projections) {
            // Read models may stand at different positions (one newly added or being rebuilt):
            // the pass starts at the lowest, and a checkpoint never moves back.
            const at = (getCheckpoint.get(projection.name) as bigint | undefined) ?? 0n;
            if (last <= at) continue;
            const events = at < page[0].position ? page : page.filter((event) => event.position > at);
            if (projection.applyBatch) projection.applyBatch(this.db, events);
            else for (const event of events) projection.apply(this.db, event);
            this.recordCheckpoint(projection.name, lastEvent);
          }
        });
        from = last;
        if (from > this.head) this.head = from;
        onProgress?.(from - start, this.head - start);
        this.onBatch?.(from, this.head);
        this.release(from);
        if (page.length < size) break;
        if (this.batchBudgetMs) size = nextBatchSize(size, performance.now() - started, this.batchBudgetMs, maxBatch);
        await this.checkpointer?.keepWalUnder(this.walLimitBytes);
        await yieldToEventLoop();
      }
      this.lastError = undefined;
      this.onPass?.({ position: from });
      return from;
    } catch (error) {
      this.lastError = { message: (error as Error).message, at: new Date().toISOString() };
      this.onPass?.({ error: error as Error });
      throw error;
    }
  }

  /**
   * Drop all read models and replay the log from position 0, in batches of at least REBUILD_BATCH
   * events, with the read models' deferred indexes created once at the end rather than kept up to date
   * row by row, and without syncing each commit: a file that fails half-way is rebuilt from the log anyway.
   * The read models that allow it are replayed stream by stream (replayFreshByStream).
   */
  async rebuild(onProgress?: ProgressListener): Promise<Position> {
    await this.inFlight?.catch(() => undefined);
    const { indexes, claimed } = this.write(() => {
      const claimed = claimReplay(this.db, this.owner, 'a rebuild of every read model');
      for (const p of this.projections) {
        p.reset(this.db);
        p.setup(this.db);
      }
      this.db.prepare('DELETE FROM projection_checkpoints').run();
      return { indexes: dropIndexes(this.db, this.projections.flatMap((p) => p.deferredIndexes ?? [])), claimed };
    });
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = OFF');
    try {
      this.inFlight ??= this.runCatchUp(onProgress, this.rebuildBatchSize, true).finally(() => (this.inFlight = undefined));
      return await this.inFlight;
    } finally {
      createIndexes(this.db, indexes);
      this.db.pragma(`synchronous = ${synchronous}`);
      if (claimed) this.write(() => releaseReplayClaim(this.db, this.owner));
    }
  }

  /**
   * Read models still at position 0 — every one in a rebuild; without a time budget (the projector)
   * also a new replica's and one reset by a version change — that allow it (Projection.byStream) replay
   * the log up to its head stream by stream, where the store can read it so; the others, and whatever
   * arrives meanwhile, follow in log order. At 0 a read model holds nothing, unless such a replay failed
   * earlier in this process: it starts afresh. Its report-only indexes are created once, after.
   */
  private async replayFreshByStream(onProgress?: ProgressListener): Promise<void> {
    const freshOf = (at: ReadonlyMap<string, Position>) => this.projections.filter((p) => p.byStream && at.get(p.name) === 0n);
    if (freshOf(this.checkpoints()).length === 0 || this.head === 0n || !readsByStream(this.store)) return;
    const started = this.write(() => {
      // Again under the write lock: another runner's replay may have ended since, its checkpoints at its head.
      const fresh = freshOf(this.storedCheckpoints());
      if (fresh.length === 0) return undefined;
      const claimed = claimReplay(this.db, this.owner, `the replay of ${fresh.map((p) => p.name).join(', ')} stream by stream`);
      for (const p of fresh) {
        p.reset(this.db);
        p.setup(this.db);
        this.recordVersion(p.name, 0);
      }
      return { fresh, indexes: dropIndexes(this.db, fresh.flatMap((p) => p.deferredIndexes ?? [])), claimed };
    });
    if (!started) return;
    const { fresh, indexes, claimed } = started;
    try {
      await this.replayByStream(this.store, fresh, this.head, onProgress);
    } finally {
      createIndexes(this.db, indexes);
      if (claimed) this.write(() => releaseReplayClaim(this.db, this.owner));
    }
  }

  /**
   * The log up to @head, stream by stream, into the given (empty) read models; their checkpoints move
   * to the head once, with what their replays write at the end and their versions recorded again: until
   * then those stay 0, so a process that dies half-way resets them on its next start (setUp).
   */
  private async replayByStream(store: StreamOrderedReader, projections: readonly Projection[], head: Position, onProgress?: ProgressListener): Promise<void> {
    const replays = projections.map((p): StreamReplay => (p.byStream === true ? eventByEvent(this.db, p) : (p.byStream as (db: Database.Database) => StreamReplay)(this.db)));
    const reached = { position: head, eventId: (await this.store.eventIdAt(head)) ?? null };
    let after: StreamCursor | undefined;
    let done = 0n;
    let size = this.rebuildBatchSize;
    for (;;) {
      const page = await store.readByStream(head, after, size);
      if (page.length === 0) break;
      const started = performance.now();
      this.write(() => {
        renewReplayClaim(this.db, this.owner);
        replays.forEach((replay) => replay.applyBatch(page));
      });
      const last = page[page.length - 1];
      after = { streamId: last.streamId, streamVersion: last.streamVersion };
      onProgress?.((done += BigInt(page.length)), head);
      if (page.length < size) break;
      if (this.batchBudgetMs) size = nextBatchSize(size, performance.now() - started, this.batchBudgetMs, this.rebuildBatchSize);
      await this.checkpointer?.keepWalUnder(this.walLimitBytes);
      await yieldToEventLoop();
    }
    withSorterThreads(this.db, () =>
      this.write(() => {
        renewReplayClaim(this.db, this.owner);
        replays.forEach((replay) => replay.finish(head));
        for (const p of projections) {
          this.recordCheckpoint(p.name, reached);
          this.recordVersion(p.name, p.version);
        }
      }),
    );
    this.onBatch?.(head, head);
    this.release(head);
  }

  /** Polls the log, catching up, until stop(); a runner already started goes on as it was. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.catchUp()
        .catch(() => undefined) // kept in lastError, visible in /health and /metrics
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.pollIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /**
   * The read models are another process's to project (LEDGER_PROJECTOR=external, a follower): this
   * runner writes nothing, and every poll interval reads the log's head and releases the waiters the
   * projector's checkpoints have reached.
   */
  follow(): void {
    const tick = async () => {
      try {
        this.followed(await this.store.headPosition());
      } catch (error) {
        this.lastError = { message: (error as Error).message, at: new Date().toISOString() };
      }
      if (this.following) this.following = setTimeout(tick, this.pollIntervalMs);
    };
    this.following = setTimeout(tick, 0);
  }

  /** Another projector has written to the read models and seen the log at @head: releases whom its checkpoints have reached. */
  followed(head: Position): void {
    if (head > this.head) this.head = head;
    this.release(this.checkpoint());
  }

  /** Resolves once every read model has processed `position`, or rejects after `timeoutMs`. */
  async waitFor(position: Position, timeoutMs: number): Promise<void> {
    if (this.checkpoint() >= position) return;
    if (!this.following) void this.catchUp().catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      const waiter = { position, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new ProjectionLagError(position, this.checkpoint()));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private release(reached: Position): void {
    for (const w of this.waiters) {
      if (reached >= w.position) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  status(): ProjectionStatus[] {
    const checkpoints = this.checkpoints();
    return this.projections.map((p) => {
      const checkpoint = checkpoints.get(p.name) ?? 0n;
      return {
        name: p.name,
        checkpoint: checkpoint.toString(),
        head: this.head.toString(),
        lag: (this.head > checkpoint ? this.head - checkpoint : 0n).toString(),
        running: this.timer !== undefined,
        catchingUp: this.inFlight !== undefined,
        ...(this.lastError ? { lastError: this.lastError.message, lastErrorAt: this.lastError.at } : {}),
      };
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.following) clearTimeout(this.following);
    this.timer = this.following = undefined;
    await this.inFlight?.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.stop();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

/** A read model's own applyBatch (or apply of each event) as its stream-by-stream replay. */
function eventByEvent(db: Database.Database, projection: Projection): StreamReplay {
  return {
    applyBatch: (events) => (projection.applyBatch ? projection.applyBatch(db, events) : events.forEach((event) => projection.apply(db, event))),
    finish: () => undefined,
  };
}

/**
 * BEGIN IMMEDIATE: with several processes on one file (a lead projecting, followers setting up), a
 * deferred transaction that read before another process committed fails at its first write with
 * SQLITE_BUSY, which busy_timeout does not wait out; holding the write lock from the start, the two wait.
 */
function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs @fn with SQLite's sorts spread over the machine's cores (its sorter threads), for the sorts of a
 * replay's end: at 1M events on 2 cores, the deferred indexes 2.0 s instead of 2.4–3.1 s (2026-12-02), the
 * facts grouped per month for the running sums 1.3 s instead of 1.7 s (2026-12-04).
 */
function withSorterThreads<T>(db: Database.Database, fn: () => T): T {
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma(`threads = ${availableParallelism()}`);
  try {
    return fn();
  } finally {
    db.pragma(`threads = ${threads}`);
  }
}

/** Runs the CREATE INDEX statements in one transaction. */
function createIndexes(db: Database.Database, statements: readonly string[]): void {
  if (statements.length === 0) return;
  withSorterThreads(db, () => writeTransaction(db, () => statements.forEach((sql) => db.exec(sql))));
}

/** Drops the named indexes (never a unique one: it constrains), returning the statements that create them again. */
function dropIndexes(db: Database.Database, names: readonly string[]): string[] {
  const indexes = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[]).filter(
    (index) => names.includes(index.name) && !/^CREATE\s+UNIQUE\b/i.test(index.sql),
  );
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  // SQLite keeps the statement without IF NOT EXISTS; another connection may create one meanwhile.
  return indexes.map((i) => i.sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
}

/** A checkpoint row with the id of the event it was recorded at. */
interface AppliedEvent {
  name: string;
  position: Position;
  event_id: string;
}

const REBUILD_ADVICE = "Rebuild the read models from this log (npm run cli -- rebuild) or point LEDGER_READ_DB_PATH at this log's own";

/**
 * Read models built from another log than the one they are given: their figures are not this log's,
 * and catching up would add this log's events to them.
 */
export class ForeignReadModelsError extends Error {
  constructor(
    readonly readModel: string,
    readonly checkpoint: Position,
    why: string,
  ) {
    super(`the read model ${readModel} stands at position ${checkpoint}, ${why}. ${REBUILD_ADVICE}`);
    this.name = new.target.name;
  }
}

/** Past the log's last event: another log, or a longer copy of this one (a log restored from an older backup, a log in memory started again). */
export class ReadModelsAheadError extends ForeignReadModelsError {
  constructor(readModel: string, checkpoint: Position, readonly head: Position) {
    super(readModel, checkpoint, `past the log's last event (${head}): it was built from another log or a longer copy of this one`);
  }
}

/** The log's event at the checkpoint is not the one the read model applied there: another log, or a copy of this one that went on differently. */
export class ReadModelsDivergedError extends ForeignReadModelsError {
  constructor(readModel: string, checkpoint: Position, readonly applied: string, readonly found: string | undefined) {
    super(readModel, checkpoint, `where it applied event ${applied} and this log has ${found === undefined ? 'no event' : `event ${found}`}: it was built from another log`);
  }
}

export class ProjectionLagError extends Error {
  constructor(
    readonly wanted: Position,
    readonly reached: Position,
  ) {
    super(`read models have reached position ${reached}, not yet ${wanted}`);
    this.name = 'ProjectionLagError';
  }
}
