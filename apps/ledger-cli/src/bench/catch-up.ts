import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { REGISTER_PATHS, REPO_ROOT, runChild, stopServer } from './child';
import { API_MAIN, SECRET, freePort } from './http';
import { row, skipped, type Row } from './results';
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
  copyFileSync(copy, replica);
  return [
    ...(await apiStartRows(logPath, replica, section)),
    row({ section, metric: 'ready (every checkpoint at the head)', unit: 'ms', better: 'lower', value: ledger.seconds * 1000, baselineName: 'read + JSON.parse + sum per origin', baseline: raw.seconds * 1000, note: 'target < 1 s' }),
    row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: ledger.events / ledger.seconds, baselineName: 'read + JSON.parse + sum per origin', baseline: raw.events / raw.seconds }),
  ];
}

interface ApiStart {
  /** From spawning the process to its first answer on /health. */
  answeredMs: number;
  /** To the first /health answer with every read model's lag 0. */
  caughtUpMs: number;
}

/** The API (dist main.js) started on the log and `readPath`, /health asked every 20 ms until every lag is 0. */
async function apiStart(logPath: string, readPath: string): Promise<ApiStart> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), LEDGER_DB_PATH: logPath, LEDGER_READ_DB_PATH: readPath, LEDGER_DEMO_DATA: 'false', LOG_LEVEL: 'silent', LEDGER_JWT_SECRET: SECRET, NODE_ENV: 'production' };
  const started = performance.now();
  const api = spawn(process.execPath, ['-r', REGISTER_PATHS, API_MAIN], { env, cwd: REPO_ROOT, stdio: 'ignore' });
  try {
    let answeredMs: number | undefined;
    while (performance.now() - started < 120_000) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
      const health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json() as Promise<{ info?: { projections?: { projections?: { lag: string }[] } } }>, () => undefined);
      if (health) {
        answeredMs ??= performance.now() - started;
        const lags = health.info?.projections?.projections ?? [];
        if (lags.length > 0 && lags.every((p) => p.lag === '0')) return { answeredMs, caughtUpMs: performance.now() - started };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the API did not catch up in 120 s');
  } finally {
    await stopServer(api);
  }
}

/**
 * What a replica's operator sees: the API process started on the copy, until /health says every
 * read model is at the head; against the same process started again on those read models, now at
 * the head (the start-up alone).
 */
async function apiStartRows(logPath: string, replica: string, section: string): Promise<Row[]> {
  if (!existsSync(API_MAIN)) return [skipped(section, 'API process: caught up', `API not built (${API_MAIN} missing)`)];
  const behind = await apiStart(logPath, replica);
  const atHead = await apiStart(logPath, replica);
  const baselineName = 'API started on read models at the head';
  return [
    row({ section, metric: 'API process: caught up (lag 0 in /health)', unit: 'ms', better: 'lower', value: behind.caughtUpMs, baselineName, baseline: atHead.caughtUpMs }),
    row({ section, metric: 'API process: first /health answer', unit: 'ms', better: 'lower', value: behind.answeredMs, baselineName, baseline: atHead.answeredMs }),
  ];
}
