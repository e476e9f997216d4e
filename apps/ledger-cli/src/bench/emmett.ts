import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import type { GeneratedEvent } from '../generate/history';
import { REPO_ROOT } from './child';
import { newEvent, type Workspace } from './fixtures';
import { row, skipped, type Row } from './results';
import { now, percentile, timeAsync } from './stats';

/** The slice of @event-driven-io/emmett-sqlite 0.38 used here (checked against its index.d.ts). */
interface EmmettStore {
  appendToStream(streamName: string, events: Array<{ type: string; data: unknown; metadata?: Record<string, unknown> }>, options?: { expectedStreamVersion?: bigint | string }): Promise<unknown>;
  readStream(streamName: string): Promise<{ events: unknown[] }>;
}
interface EmmettModule {
  getSQLiteEventStore(options: { fileName: string }): EmmettStore;
}

/** Emmett lives in bench/emmett (its own package.json): its peer dependency on commander ^12 conflicts with the ledger's commander 14. */
export const EMMETT_DIR = join(REPO_ROOT, 'bench', 'emmett');

function loadEmmett(): EmmettModule | string {
  if (!existsSync(join(EMMETT_DIR, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) return 'not installed: run `npm --prefix bench/emmett ci` (builds sqlite3 from source)';
  try {
    return createRequire(join(EMMETT_DIR, 'package.json'))('@event-driven-io/emmett-sqlite') as EmmettModule;
  } catch (error) {
    return `cannot load on node ${process.version}: ${(error as Error).message.split('\n')[0]}`;
  }
}

/**
 * (g) Side by side with Emmett-sqlite on one machine, one run: single-event appends with an
 * expected version (both WAL, SQLite's default synchronous=FULL) and whole-stream reads.
 */
export async function benchEmmett(ws: Workspace, appends: readonly GeneratedEvent[], streams: ReadonlyMap<string, GeneratedEvent[]>, reads: number): Promise<Row[]> {
  const emmett = loadEmmett();
  if (typeof emmett === 'string') return [skipped('g. vs Emmett-sqlite', 'append + read', emmett)];
  const section = 'g. vs @event-driven-io/emmett-sqlite 0.38.5';
  const ours = new SqliteEventStore({ path: ws.path('emmett-ours.db') });
  const theirs = emmett.getSQLiteEventStore({ fileName: ws.path('emmett-theirs.db') });
  const expected = (e: GeneratedEvent) => (e.version === 1 ? 'STREAM_DOES_NOT_EXIST' : BigInt(e.version - 1));

  const input = appends.map((e) => ({ e, n: newEvent(e) }));
  let t = now();
  const oursLat = [];
  for (const { e, n } of input) {
    const s = now();
    await ours.append(e.streamId, [n], e.version === 1 ? 'no_stream' : BigInt(e.version - 1));
    oursLat.push(Number(now() - s) / 1e3);
  }
  const oursRate = input.length / (Number(now() - t) / 1e9);
  t = now();
  const theirsLat = [];
  for (const { e, n } of input) {
    const s = now();
    await theirs.appendToStream(e.streamId, [{ type: n.type, data: n.data, metadata: n.metadata }], { expectedStreamVersion: expected(e) });
    theirsLat.push(Number(now() - s) / 1e3);
  }
  const theirsRate = input.length / (Number(now() - t) / 1e9);

  // Whole streams written once (one multi-event append each), then read back.
  const ids = [...streams.keys()];
  for (const id of ids) {
    const events = (streams.get(id) ?? []).map((e) => ({ ...newEvent(e), eventId: randomUUID() }));
    await ours.append(id, events, 'no_stream');
    await theirs.appendToStream(id, events.map((n) => ({ type: n.type, data: n.data, metadata: n.metadata })), { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' });
  }
  const oursRead = await timeAsync(reads, (i) => ours.readStream(ids[i % ids.length]));
  const theirsRead = await timeAsync(reads, (i) => theirs.readStream(ids[i % ids.length]));
  await ours.close();
  const avg = Math.round([...streams.values()].reduce((a, s) => a + s.length, 0) / Math.max(1, ids.length));
  return [
    row({ section, metric: `append 1 event + OCC (${input.length})`, unit: 'events/s', better: 'higher', value: oursRate, baselineName: 'Emmett', baseline: theirsRate, note: 'target: ahead (> 100 %)' }),
    row({ section, metric: 'append p99', unit: 'µs', better: 'lower', value: percentile(oursLat, 99), baselineName: 'Emmett', baseline: percentile(theirsLat, 99) }),
    row({ section, metric: `readStream p50 (${ids.length} streams, ~${avg} events)`, unit: 'ms', better: 'lower', value: percentile(oursRead, 50), baselineName: 'Emmett', baseline: percentile(theirsRead, 50), note: 'target: ahead (> 100 %)' }),
    row({ section, metric: 'readStream p99', unit: 'ms', better: 'lower', value: percentile(oursRead, 99), baselineName: 'Emmett', baseline: percentile(theirsRead, 99) }),
  ];
}
