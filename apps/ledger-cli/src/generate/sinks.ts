import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { GENESIS_HASH, SqliteEventStore, chainHash, toNdjsonLine, type RecordedEvent } from '@ledger/event-store';
import type { GeneratedEvent } from './history';
import { recordedAtOf, toNewEvent } from './dataset';

export type ProgressFn = (done: number, total: number) => void;

export interface SinkOptions {
  seed: number;
  referenceDataVersion: string;
  batchSize: number;
  onProgress?: ProgressFn;
}

/**
 * Writes straight into a SqliteEventStore with appendBatch (one transaction per batch, each stream
 * appended with its expected version). The store clock replays each event's deterministic recordedAt.
 */
export function writeSqlite(path: string, events: readonly GeneratedEvent[], options: SinkOptions): void {
  let next = 0;
  const times = events.map(recordedAtOf);
  const store = new SqliteEventStore({ path, clock: () => new Date(times[next++]) });
  try {
    if (store.db.prepare('SELECT COUNT(*) FROM events').pluck().get() !== 0) throw new Error(`${path} already holds events; generate into a new file`);
    for (let i = 0; i < events.length; i += options.batchSize) {
      const slice = events.slice(i, i + options.batchSize);
      store.appendBatch(
        slice.map((e) => ({
          streamId: e.streamId,
          events: [toNewEvent(e, options.seed, options.referenceDataVersion)],
          expected: e.version === 1 ? ('no_stream' as const) : BigInt(e.version - 1),
        })),
      );
      next = i + slice.length;
      options.onProgress?.(next, events.length);
    }
  } finally {
    store.db.close();
  }
}

/** One RecordedEvent per line in the auditors' export format (canonical JSON, hash-chained), importable by `import`. */
export async function writeNdjson(path: string, events: readonly GeneratedEvent[], options: SinkOptions): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const event = toNewEvent(e, options.seed, options.referenceDataVersion);
    const content = { position: BigInt(i + 1), streamId: e.streamId, streamVersion: BigInt(e.version), eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata, recordedAt: recordedAtOf(e, i) };
    const hash = chainHash(prevHash, content);
    const recorded: RecordedEvent = { ...content, prevHash, hash };
    if (!out.write(`${toNdjsonLine(recorded)}\n`)) await once(out, 'drain');
    prevHash = hash;
    if ((i + 1) % options.batchSize === 0 || i + 1 === events.length) options.onProgress?.(i + 1, events.length);
  }
  out.end();
  await once(out, 'finish');
}
