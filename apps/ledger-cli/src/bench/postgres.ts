import { Client } from 'pg';
import { EVENT_COLUMNS as COLUMNS, GENESIS_HASH, PostgresEventStore, readAll } from '@ledger/event-store';
import { createLedgerDatabase, postgresBinDir, startPostgresCluster, type PostgresCluster } from '../../../../libs/event-store/src/postgres/throwaway-cluster';
import type { GeneratedEvent } from '../generate/history';
import { newEvent } from './fixtures';
import { row, skipped, type Row } from './results';
import { now, percentile } from './stats';

const PAGE = 1000;

/**
 * The baseline: the statements the adapter sends for one append, on one plain connection, with
 * JSON.stringify instead of canonical JSON and no hash: what remains is the adapter's own cost.
 */
async function rawAppend(client: Client, streamId: string, event: { eventId: string; type: string; data: unknown; metadata: unknown }, expected: number): Promise<void> {
  await client.query('BEGIN');
  try {
    const head = (await client.query({ name: 'lock', text: 'SELECT position, hash FROM chain_head FOR UPDATE' })).rows[0] as { position: string };
    const version = Number((await client.query({ name: 'version', text: 'SELECT COALESCE(MAX(stream_version), 0) AS v FROM events WHERE stream_id = $1', values: [streamId] })).rows[0].v);
    if (version !== expected) throw new Error(`raw baseline: ${streamId} at ${version}, expected ${expected}`);
    const position = (BigInt(head.position) + 1n).toString();
    await client.query({
      name: 'insert',
      text: `INSERT INTO events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      values: [position, streamId, version + 1, event.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date().toISOString(), GENESIS_HASH, GENESIS_HASH],
    });
    await client.query({ name: 'head', text: 'UPDATE chain_head SET position = $1, hash = $2', values: [position, GENESIS_HASH] });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The baseline of a read-all: the adapter's page query and JSON parsing, on one plain connection. */
async function rawReadAll(client: Client): Promise<number> {
  let after = '0';
  let n = 0;
  for (;;) {
    const { rows } = await client.query({ name: 'page', text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, values: [after, PAGE] });
    for (const r of rows) {
      JSON.parse(r.data);
      JSON.parse(r.metadata);
      BigInt(r.position);
    }
    n += rows.length;
    if (rows.length < PAGE) return n;
    after = rows[rows.length - 1].position;
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

const seconds = (start: bigint) => Number(now() - start) / 1e9;

async function benchPostgresAppend(cluster: PostgresCluster, events: readonly GeneratedEvent[]): Promise<Row[]> {
  const store = new PostgresEventStore({ url: (await createLedgerDatabase(cluster, 'bench_append')).apiUrl });
  const raw = await connect((await createLedgerDatabase(cluster, 'bench_append_raw')).apiUrl);
  const input = events.map((e) => ({ e, n: newEvent(e) }));
  const lat = { ledger: [] as number[], raw: [] as number[] };
  const total = { ledger: 0, raw: 0 };
  // Alternate halves so disk and cache drift hit both sides alike.
  const half = Math.ceil(input.length / 2);
  for (const [from, to] of [[0, half], [half, input.length]] as const) {
    let t = now();
    for (const { e, n } of input.slice(from, to)) {
      const s = now();
      await store.append(e.streamId, [n], e.version === 1 ? 'no_stream' : BigInt(e.version - 1));
      lat.ledger.push(Number(now() - s) / 1e3);
    }
    total.ledger += seconds(t);
    t = now();
    for (const { e, n } of input.slice(from, to)) {
      const s = now();
      await rawAppend(raw, e.streamId, n, e.version - 1);
      lat.raw.push(Number(now() - s) / 1e3);
    }
    total.raw += seconds(t);
  }
  await store.close();
  await raw.end();
  const section = `j. PostgreSQL OCC append (${input.length} × 1 event/tx)`;
  return [
    row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: input.length / total.ledger, baselineName: 'same statements, plain pg', baseline: input.length / total.raw }),
    row({ section, metric: 'latency p50', unit: 'µs', better: 'lower', value: percentile(lat.ledger, 50), baselineName: 'plain pg', baseline: percentile(lat.raw, 50) }),
    row({ section, metric: 'latency p99', unit: 'µs', better: 'lower', value: percentile(lat.ledger, 99), baselineName: 'plain pg', baseline: percentile(lat.raw, 99) }),
  ];
}

async function benchPostgresReadAll(cluster: PostgresCluster, events: readonly GeneratedEvent[], passes = 3): Promise<Row[]> {
  const { apiUrl } = await createLedgerDatabase(cluster, 'bench_read');
  const store = new PostgresEventStore({ url: apiUrl });
  // One append per project with all its events: the log a real history leaves, written quickly.
  const byStream = new Map<string, GeneratedEvent[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  for (const [streamId, stream] of byStream) await store.append(streamId, stream.map(newEvent), 'no_stream');
  const raw = await connect(apiUrl);
  const total = { ledger: 0, raw: 0 };
  for (let pass = 0; pass < passes; pass++) {
    let t = now();
    let n = 0;
    for await (const _ of readAll(store, 0n, PAGE)) n += 1;
    total.ledger += seconds(t);
    t = now();
    if ((await rawReadAll(raw)) !== n) throw new Error('read-all baseline read a different number of events');
    total.raw += seconds(t);
  }
  await store.close();
  await raw.end();
  const section = `j. PostgreSQL read-all (${events.length} events, pages of ${PAGE}, ${passes} passes)`;
  return [row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: (events.length * passes) / total.ledger, baselineName: 'same query, plain pg', baseline: (events.length * passes) / total.raw })];
}

/** (h) The PostgreSQL store on a throwaway local cluster (fsync on), each figure against plain `pg` running the same statements. */
export async function benchPostgres(appends: readonly GeneratedEvent[], readEvents: readonly GeneratedEvent[]): Promise<Row[]> {
  if (!postgresBinDir()) return [skipped('j. PostgreSQL', 'append + read-all', 'PostgreSQL is not installed (scripts/install-debian-packages.sh)')];
  const cluster = await startPostgresCluster();
  try {
    return [...(await benchPostgresAppend(cluster, appends)), ...(await benchPostgresReadAll(cluster, readEvents))];
  } finally {
    await cluster.stop();
  }
}
