import type { Pool, PoolClient } from 'pg';
import { pg } from './pg-driver';
import {
  WrongExpectedVersionError,
  checkExpectedVersion,
  duplicateOf,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type Position,
  type ProjectedEvent,
  type RecordedEvent,
  type StreamCursor,
  type StreamOrderedReader,
  type StreamVersion,
} from '../port';
import { PROJECTED_COLUMNS, projectedFromRow, recordedFromRow as toRecorded, type EventRow } from '../event-row';
import { sealEvent } from '../sqlite/event-hash';
import { EVENT_COLUMNS as COLUMNS } from './schema';
import { createSchemaIfMissing } from './setup';

export interface PostgresEventStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** System clock for `recordedAt`; injectable so tests can tell a timeline. */
  clock?: () => Date;
  /** Connections in the pool (appends serialise on one row lock; more connections help readers). */
  poolSize?: number;
}

/** 10 parameters a row; PostgreSQL allows 65 535 parameters a statement. */
const ROWS_PER_INSERT = 1000;
const PREPARED_INSERT_ROWS = 8;

const isDuplicateEventId = (error: unknown) => {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && e.constraint === 'events_event_id_key';
};

type Head = { position: Position; hash: string };

/**
 * PostgreSQL adapter with the SQLite store's guarantees: dense global positions, the same hash
 * chain (sealEvent), OCC per stream backed by UNIQUE(stream_id, stream_version), idempotency on
 * event id, and no UPDATE/DELETE of events (schema.ts). Several API replicas share one database.
 */
export class PostgresEventStore implements EventStore, StreamOrderedReader {
  readonly pool: Pool;
  private readonly clock: () => Date;
  private ready?: Promise<void>;

  constructor(options: PostgresEventStoreOptions) {
    this.pool = new (pg().Pool)({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) is removed from the pool by pg;
    // without a listener the error would end the process. The next query opens a new connection.
    this.pool.on('error', () => undefined);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Checked on first use, and again after a failure (the server was not up yet), never per call. */
  private schemaReady(): Promise<void> {
    this.ready ??= this.ensureSchema().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /**
   * Creates the schema when it is missing, if the connecting role may (a single-role set-up);
   * with the API's own role it must already be there (`ledger-cli setup-postgres`, README).
   */
  private async ensureSchema(): Promise<void> {
    const { rows } = await this.pool.query<{ ok: boolean }>("SELECT to_regclass('events') IS NOT NULL AND to_regclass('chain_head') IS NOT NULL AS ok");
    if (!rows[0].ok) await this.transaction(createSchemaIfMissing);
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The global order is decided here. Every append locks the one chain_head row (FOR UPDATE) before
   * it reads the head, so appends run one after another: the next one reads the head only once the
   * previous one has committed. Positions therefore become visible strictly in order, without gaps,
   * and a catch-up reader that has seen position n can never later find an n-1 (the problem a
   * sequence has under concurrent writers). The chain needs each event's predecessor hash anyway.
   */
  private static async lockHead(client: PoolClient): Promise<Head> {
    const { rows } = await client.query<{ position: string; hash: string }>({ name: 'lock-head', text: 'SELECT position, hash FROM chain_head FOR UPDATE' });
    return { position: BigInt(rows[0].position), hash: rows[0].hash };
  }

  private static async streamVersion(client: Pool | PoolClient, streamId: string): Promise<bigint> {
    const { rows } = await client.query<{ v: string }>({ name: 'stream-version', text: 'SELECT COALESCE(MAX(stream_version), 0) AS v FROM events WHERE stream_id = $1', values: [streamId] });
    return BigInt(rows[0].v);
  }

  private static async insert(client: PoolClient, rows: readonly unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const placeholders = chunk.map((_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(', ')})`);
      // Appends of a few events (what the API writes) reuse a prepared statement per connection.
      const name = chunk.length <= PREPARED_INSERT_ROWS ? `insert-${chunk.length}` : undefined;
      await client.query({ name, text: `INSERT INTO events (${COLUMNS}) VALUES ${placeholders.join(', ')}`, values: chunk.flat() });
    }
  }

  private static async moveHead(client: PoolClient, head: Head): Promise<void> {
    await client.query({ name: 'move-head', text: 'UPDATE chain_head SET position = $1, hash = $2', values: [head.position.toString(), head.hash] });
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    await this.schemaReady();
    if (events.length === 0) {
      // Writing nothing is the only safe meaning of an empty append.
      const streamVersion = await PostgresEventStore.streamVersion(this.pool, streamId);
      checkExpectedVersion(streamId, expected, streamVersion);
      return { streamVersion, position: await this.headPosition(), duplicate: false };
    }
    try {
      return await this.transaction(async (client) => {
        const head = await PostgresEventStore.lockHead(client);
        let streamVersion = await PostgresEventStore.streamVersion(client, streamId);
        checkExpectedVersion(streamId, expected, streamVersion);
        const recordedAt = this.clock().toISOString();
        let { position, hash } = head;
        const rows: unknown[][] = [];
        for (const { eventId, type, data, metadata } of events) {
          position += 1n;
          streamVersion += 1n;
          const sealed = sealEvent(hash, { position, streamId, streamVersion, eventId, type, data, metadata, recordedAt });
          rows.push([position.toString(), streamId, streamVersion.toString(), eventId, type, sealed.data, sealed.metadata, recordedAt, hash, sealed.hash]);
          hash = sealed.hash;
        }
        await PostgresEventStore.insert(client, rows);
        await PostgresEventStore.moveHead(client, { position, hash });
        return { streamVersion, position, duplicate: false };
      });
    } catch (error) {
      // A retry of an append that went through fails the version check (its first attempt moved
      // the stream on) or, with `any`, hits UNIQUE(event_id): only then are its ids looked up.
      if (error instanceof WrongExpectedVersionError || isDuplicateEventId(error)) {
        const retried = await this.retriedAppend(streamId, events);
        if (retried) return retried;
      }
      throw error;
    }
  }

  /** What the first attempt of a retried append stored; undefined if none of its ids are stored, a conflict if some are. */
  private async retriedAppend(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<{ event_id: string; stream_id: string; stream_version: string; position: string }>(
      'SELECT event_id, stream_id, stream_version, position FROM events WHERE event_id = ANY($1)',
      [events.map((e) => e.eventId)],
    );
    const byId = new Map(rows.map((r) => [r.event_id, { streamId: r.stream_id, streamVersion: BigInt(r.stream_version), position: BigInt(r.position) }]));
    return duplicateOf(streamId, events, events.map((e) => byId.get(e.eventId)));
  }

  /**
   * Inserts already-recorded events (an auditor's export) as they are, in one transaction, into a
   * store whose head they continue. The caller has verified the chain line by line.
   */
  async importRecorded(events: readonly RecordedEvent[]): Promise<void> {
    await this.schemaReady();
    await this.transaction(async (client) => {
      let { position, hash } = await PostgresEventStore.lockHead(client);
      const rows: unknown[][] = [];
      for (const e of events) {
        if (e.position !== position + 1n || e.prevHash !== hash) throw new Error(`event at position ${e.position} does not continue the stored log (head ${position})`);
        rows.push([e.position.toString(), e.streamId, e.streamVersion.toString(), e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt, e.prevHash, e.hash]);
        position = e.position;
        hash = e.hash;
      }
      await PostgresEventStore.insert(client, rows);
      await PostgresEventStore.moveHead(client, { position, hash });
    });
  }

  async readStream(streamId: string, afterVersion: StreamVersion = 0n): Promise<RecordedEvent[]> {
    await this.schemaReady();
    const { rows } = await this.pool.query<EventRow>({ name: 'read-stream', text: `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`, values: [streamId, afterVersion.toString()] });
    return rows.map(toRecorded);
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    await this.schemaReady();
    const { rows } = await this.pool.query<EventRow>({ name: 'read-page', text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, values: [after.toString(), limit] });
    return rows.map(toRecorded);
  }

  async readByStream(upTo: Position, after: StreamCursor | undefined, limit: number): Promise<ProjectedEvent[]> {
    await this.schemaReady();
    const { rows } = await this.pool.query<EventRow>({
      name: 'read-by-stream',
      text: `SELECT ${PROJECTED_COLUMNS} FROM events WHERE (stream_id, stream_version) > ($1, $2) AND position <= $3 ORDER BY stream_id, stream_version LIMIT $4`,
      values: [after?.streamId ?? '', (after?.streamVersion ?? 0n).toString(), upTo.toString(), limit],
    });
    return rows.map(projectedFromRow);
  }

  async headPosition(): Promise<Position> {
    await this.schemaReady();
    const { rows } = await this.pool.query<{ position: string }>({ name: 'head', text: 'SELECT position FROM chain_head' });
    return BigInt(rows[0].position);
  }

  async eventIdAt(position: Position): Promise<string | undefined> {
    await this.schemaReady();
    const { rows } = await this.pool.query<{ event_id: string }>({ name: 'event-id-at', text: 'SELECT event_id FROM events WHERE position = $1', values: [position.toString()] });
    return rows[0]?.event_id;
  }

  /** Positions are dense from 1 (assigned under the head lock, imports continue the head), so the head is the count. */
  async count(): Promise<bigint> {
    return this.headPosition();
  }

  async close(): Promise<void> {
    await this.ready?.catch(() => undefined);
    await this.pool.end();
  }
}
