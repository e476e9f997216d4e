import { SqliteEventStore } from '@ledger/event-store';
import type { GeneratedEvent } from '../generate/history';
import { newEvent, type Workspace } from './fixtures';
import { RawStore } from './raw-sqlite';
import { row, type Row } from './results';
import { percentile, now } from './stats';

interface Run {
  seconds: number;
  latenciesUs: number[];
}

/** (a) One event per BEGIN IMMEDIATE transaction with the version check, synchronous=FULL. */
export async function benchAppend(ws: Workspace, events: readonly GeneratedEvent[]): Promise<Row[]> {
  const ledger = new SqliteEventStore({ path: ws.path('append-ledger.db') });
  const raw = new RawStore(ws.path('append-raw.db'));
  const input = events.map((e) => ({ e, n: newEvent(e) }));
  const runs = { ledger: [] as Run[], raw: [] as Run[] };
  // Alternate halves so disk and cache drift hit both sides alike.
  const half = Math.ceil(input.length / 2);
  for (const [from, to] of [[0, half], [half, input.length]] as const) {
    const slice = input.slice(from, to);
    let lat: number[] = [];
    let t = now();
    for (const { e, n } of slice) {
      const s = now();
      await ledger.append(e.streamId, [n], e.version === 1 ? 'no_stream' : BigInt(e.version - 1));
      lat.push(Number(now() - s) / 1e3);
    }
    runs.ledger.push({ seconds: Number(now() - t) / 1e9, latenciesUs: lat });
    lat = [];
    t = now();
    for (const { e, n } of slice) {
      const s = now();
      raw.appendOne({ streamId: e.streamId, eventId: n.eventId, type: n.type, data: n.data, metadata: n.metadata }, e.version - 1);
      lat.push(Number(now() - s) / 1e3);
    }
    runs.raw.push({ seconds: Number(now() - t) / 1e9, latenciesUs: lat });
  }
  await ledger.close();
  raw.close();
  const sum = (rs: Run[]) => ({ rate: input.length / rs.reduce((a, r) => a + r.seconds, 0), lat: rs.flatMap((r) => r.latenciesUs) });
  const [l, r] = [sum(runs.ledger), sum(runs.raw)];
  const section = `a. OCC append (${input.length} × 1 event/tx)`;
  return [
    row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: l.rate, baselineName: 'plain better-sqlite3', baseline: r.rate, note: 'target ≥ 50 %' }),
    row({ section, metric: 'latency p50', unit: 'µs', better: 'lower', value: percentile(l.lat, 50), baselineName: 'plain', baseline: percentile(r.lat, 50) }),
    row({ section, metric: 'latency p99', unit: 'µs', better: 'lower', value: percentile(l.lat, 99), baselineName: 'plain', baseline: percentile(r.lat, 99) }),
  ];
}

/** (b) Batched import: appendBatch (hash chain, OCC per stream) vs plain inserts in one transaction per batch. */
export function benchBatch(ws: Workspace, events: readonly GeneratedEvent[], batchSize = 1000): Row[] {
  const ledger = new SqliteEventStore({ path: ws.path('batch-ledger.db') });
  const raw = new RawStore(ws.path('batch-raw.db'));
  const input = events.map((e) => ({ e, n: newEvent(e) }));
  let [ledgerSeconds, rawSeconds] = [0, 0];
  for (let i = 0; i < input.length; i += batchSize) {
    const slice = input.slice(i, i + batchSize);
    let t = now();
    ledger.appendBatch(slice.map(({ e, n }) => ({ streamId: e.streamId, events: [n], expected: e.version === 1 ? ('no_stream' as const) : BigInt(e.version - 1) })));
    ledgerSeconds += Number(now() - t) / 1e9;
    t = now();
    raw.insertBatch(slice.map(({ e, n }) => ({ streamId: e.streamId, version: e.version, eventId: n.eventId, type: n.type, data: n.data, metadata: n.metadata })));
    rawSeconds += Number(now() - t) / 1e9;
  }
  ledger.db.close();
  raw.close();
  const section = `b. batched import (${input.length} events, ${batchSize}/tx)`;
  return [row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: input.length / ledgerSeconds, baselineName: 'plain batched insert', baseline: input.length / rawSeconds, note: 'target ≥ 60 %' })];
}
