import Database from 'better-sqlite3';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';

/**
 * Runs one replay in a fresh process so its peak RSS is its own:
 *   ledger <log.db> <read.db> — ProjectionRunner.rebuild() of every read model
 *   raw <log.db>             — read rows + JSON.parse + sum of amounts per origin
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

function raw(logPath: string): number {
  const db = new Database(logPath, { readonly: true });
  const originOf = new Map<string, string>();
  const sums = new Map<string, bigint>();
  let n = 0;
  for (const r of db.prepare('SELECT stream_id, type, data FROM events ORDER BY position').iterate() as Iterable<{ stream_id: string; type: string; data: string }>) {
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

async function main(): Promise<void> {
  const [mode, logPath, readPath] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const events = mode === 'ledger' ? await ledger(logPath, readPath) : raw(logPath);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`${JSON.stringify({ events, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
