/**
 * Child process for the multi-process contract test: appends `count` events to one shared
 * stream, each with the version it last read, and reports how many appends conflicted.
 * Usage: node -r @swc-node/register append-worker.ts <dbPath> <stream> <count> <workerName>
 */
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

async function main(): Promise<void> {
  const [path, stream, countText, worker] = process.argv.slice(2);
  const store = new SqliteEventStore({ path });
  let conflicts = 0;
  for (let written = 0; written < Number(countText); ) {
    const version = BigInt((await store.readStream(stream)).length);
    try {
      await store.append(stream, [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { worker, n: written }, metadata: {} }], version === 0n ? 'no_stream' : version);
      written += 1;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      conflicts += 1;
    }
  }
  await store.close();
  process.stdout.write(JSON.stringify({ worker, conflicts }));
}

void main();
