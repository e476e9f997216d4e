import Database from 'better-sqlite3';
import { SqliteEventStore, type EventStore, type Position } from '@ledger/event-store';
import { OWN_THREAD, ProjectionRunner, allProjections } from '@ledger/projections';

/**
 * Runs one replay in a fresh process so its peak RSS is its own:
 *   ledger <log.db> <read.db>              — ProjectionRunner.rebuild() of every read model
 *   raw <log.db> [n]                       — read rows + JSON.parse + sum of amounts per origin (of the last n events)
 *   behind <log.db> <read.db> <n>          — not timed: read models of the log but its last n events, a replica's copy
 *   catch-up <log.db> <read.db>            — a replica started on such a copy: open, catch up to the head
 * Prints one JSON line: { events, seconds, maxRssMb }.
 */
async function ledger(logPath: string, readPath: string): Promise<number> {
  const store = new SqliteEventStore({ path: logPath });
  const runner = new ProjectionRunner(store, readPath, allProjections());
  const position = await runner.rebuild();
  await runner.close();
  await store.close();
  return Number(position);
}

/** The log as it was when its head was @head. */
const logUpTo = (store: EventStore, head: Position): EventStore =>
  new Proxy(store, {
    get: (target, key) => {
      if (key === 'headPosition') return async () => head;
      if (key === 'readPage') return async (after: Position, limit: number) => (await target.readPage(after, limit)).filter((e) => e.position <= head);
      return Reflect.get(target, key);
    },
  });

async function behind(logPath: string, readPath: string, n: bigint): Promise<number> {
  const store = new SqliteEventStore({ path: logPath });
  const runner = new ProjectionRunner(logUpTo(store, (await store.headPosition()) - n), readPath, allProjections());
  const position = await runner.rebuild();
  await runner.close();
  await store.close();
  return Number(position);
}

/** With the options of the API's projector thread (a SQLite log): batches without a time budget, WAL checkpoints on a worker. */
async function catchUp(logPath: string, readPath: string): Promise<number> {
  const store = new SqliteEventStore({ path: logPath });
  const runner = new ProjectionRunner(store, readPath, allProjections(), OWN_THREAD);
  const from = runner.checkpoint();
  const head = await runner.catchUp();
  await runner.close();
  await store.close();
  return Number(head - from);
}

function raw(logPath: string, last?: number): number {
  const db = new Database(logPath, { readonly: true });
  const originOf = new Map<string, string>();
  const sums = new Map<string, bigint>();
  let n = 0;
  const after = last === undefined ? 0 : (db.prepare('SELECT MAX(position) FROM events').pluck().get() as number) - last;
  const rows = db.prepare('SELECT stream_id, type, data FROM events WHERE position > ? ORDER BY position').iterate(after) as Iterable<{ stream_id: string; type: string; data: string }>;
  for (const r of rows) {
    const data = JSON.parse(r.data) as { origin?: string; registeredCapital?: { vnd: string }; amount?: { vnd: string } };
    if (r.type === 'CertificateIssued' && data.origin) originOf.set(r.stream_id, data.origin);
    const amount = data.registeredCapital ?? data.amount;
    const origin = originOf.get(r.stream_id) ?? '?';
    if (amount) sums.set(origin, (sums.get(origin) ?? 0n) + (r.type === 'CapitalDecreased' ? -1n : 1n) * BigInt(amount.vnd));
    n++;
  }
  db.close();
  return n;
}

async function run(mode: string, logPath: string, args: string[]): Promise<number> {
  if (mode === 'ledger') return ledger(logPath, args[0]);
  if (mode === 'behind') return behind(logPath, args[0], BigInt(args[1]));
  if (mode === 'catch-up') return catchUp(logPath, args[0]);
  return raw(logPath, args[0] === undefined ? undefined : Number(args[0]));
}

async function main(): Promise<void> {
  const [mode, logPath, ...args] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const events = await run(mode, logPath, args);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`${JSON.stringify({ events, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
