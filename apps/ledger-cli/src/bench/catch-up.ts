import { copyFileSync } from 'node:fs';
import { runChild } from './child';
import { row, type Row } from './results';
import type { Workspace } from './fixtures';

/** How far behind the log a replica's read-model copy is (issue 21: ready in under 1 s). */
export const CATCH_UP_EVENTS = 10_000;

interface Replay {
  events: number;
  seconds: number;
}

/**
 * A replica started from a copy of the read models made when the log was CATCH_UP_EVENTS shorter:
 * from opening the copy (the API's runner options) until every checkpoint is at the head, against
 * read + JSON.parse + fold of the same events. The copy itself is built untimed, once.
 */
export async function benchCatchUp(ws: Workspace, logPath: string, label: string): Promise<Row[]> {
  const [copy, replica] = [ws.path(`${label}.behind.read-models.db`), ws.path(`${label}.replica.read-models.db`)];
  await runChild('rebuild-child.js', ['behind', logPath, copy, String(CATCH_UP_EVENTS)]);
  copyFileSync(copy, replica);
  const ledger = await runChild<Replay>('rebuild-child.js', ['catch-up', logPath, replica]);
  const raw = await runChild<Replay>('rebuild-child.js', ['raw', logPath, String(CATCH_UP_EVENTS)]);
  if (ledger.events !== CATCH_UP_EVENTS || raw.events !== CATCH_UP_EVENTS) throw new Error(`catch-up replayed ${ledger.events} events and the raw side ${raw.events}, not ${CATCH_UP_EVENTS}`);
  const section = `c. replica catch-up (${label} log, read models ${CATCH_UP_EVENTS.toLocaleString('en-US')} events behind)`;
  return [
    row({ section, metric: 'ready (every checkpoint at the head)', unit: 'ms', better: 'lower', value: ledger.seconds * 1000, baselineName: 'read + JSON.parse + sum per origin', baseline: raw.seconds * 1000, note: 'target < 1 s' }),
    row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: ledger.events / ledger.seconds, baselineName: 'read + JSON.parse + sum per origin', baseline: raw.events / raw.seconds }),
  ];
}
