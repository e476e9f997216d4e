import { copyFileSync, existsSync, statSync } from 'node:fs';
import { mintToken } from '../../../ledger-api/src/auth/tokens';
import { REGISTER_PATHS, startServer, stopServer } from './child';
import type { Workspace } from './fixtures';
import { API_MAIN, SECRET, benchCertificate, freePort } from './http';
import { row, skipped, type Row } from './results';
import { now, percentile } from './stats';

const MB = 1024 * 1024;

export interface LongReadSettings {
  /** Officer writes in the run alone (the run during long reads lasts as long as they do). */
  writes: number;
  /** Time between the start of two writes. */
  intervalMs: number;
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Projections {
  info?: { projections?: { projections?: { lag: string; catchingUp?: boolean }[] } };
}

/** Polls the WAL size and /health until the read models have caught up with the log. */
async function watchCatchUp(base: string, readPath: string) {
  const started = now();
  const healthMs: number[] = [];
  let peakWal = 0;
  for (;;) {
    peakWal = Math.max(peakWal, sizeOf(`${readPath}-wal`));
    const t = now();
    const body = (await (await fetch(`${base}/health`)).json()) as Projections;
    healthMs.push(Number(now() - t) / 1e6);
    const projections = body.info?.projections?.projections ?? [];
    if (projections.length && projections.every((p) => p.lag === '0' && !p.catchingUp)) break;
    await sleep(100);
  }
  return { seconds: Number(now() - started) / 1e9, peakWal: Math.max(peakWal, sizeOf(`${readPath}-wal`)), healthMs };
}

/** One officer write (a new certificate); its latency in milliseconds. */
async function write(base: string, officer: string, projectCode: string): Promise<number> {
  const t = now();
  const reply = await fetch(`${base}/api/v1/projects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
    body: benchCertificate(projectCode),
  });
  await reply.arrayBuffer();
  if (reply.status !== 201) throw new Error(`bench write answered ${reply.status}`);
  return Number(now() - t) / 1e6;
}

/**
 * Officer writes at a fixed rate (one every `intervalMs`, whether or not the previous one has been
 * answered — officers do not wait for each other), `count` of them or, with `until`, as long as it runs.
 */
async function paceWrites(base: string, officer: string, first: number, settings: LongReadSettings, until?: Promise<unknown>): Promise<number[]> {
  let settled = until === undefined;
  void until?.finally(() => (settled = true)).catch(() => undefined);
  const writes: Promise<number>[] = [];
  for (let i = 0; until ? !settled : i < settings.writes; i++) {
    writes.push(write(base, officer, String(8_000_000_000 + first + i)));
    await sleep(settings.intervalMs);
  }
  return Promise.all(writes);
}

/** A GET read to its end; its duration in seconds and size in bytes. */
async function longRead(url: string, token: string) {
  const t = now();
  const reply = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const bytes = (await reply.arrayBuffer()).byteLength;
  if (reply.status !== 200) throw new Error(`${url} answered ${reply.status}`);
  return { seconds: Number(now() - t) / 1e9, bytes };
}

/**
 * (h) Long reads next to writes: the API started on a log whose read models are missing (peak WAL
 * of the read models during that catch-up, /health answering meanwhile), then officer write latency
 * alone and while a whole-register CSV export and a full chain verification run.
 */
export async function benchLongReads(ws: Workspace, logPath: string, registerRows: number, events: number, settings: LongReadSettings): Promise<Row[]> {
  const section = `h. long reads (${events} events, ${registerRows} register rows)`;
  if (!existsSync(API_MAIN)) return [skipped(section, 'writes during export + verify', `API not built (${API_MAIN} missing)`)];
  const [apiLog, apiRead] = [ws.path('long.db'), ws.path('long.read-models.db')];
  copyFileSync(logPath, apiLog);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), LEDGER_DB_PATH: apiLog, LEDGER_READ_DB_PATH: apiRead, LEDGER_DEMO_DATA: 'false', LOG_LEVEL: 'silent', LEDGER_RATE_LIMIT_PER_MINUTE: '0', LEDGER_JWT_SECRET: SECRET, NODE_ENV: 'production' };
  const spawned = now();
  const api = await startServer(['-r', REGISTER_PATHS, API_MAIN], env, async () => (await fetch(`${base}/health`)).status < 500);
  try {
    const firstHealth = Number(now() - spawned) / 1e9;
    const catchUp = await watchCatchUp(base, apiRead);
    const officer = mintToken(SECRET, { sub: 'bench-officer', role: 'officer', boardId: 'BQL-HN' }, '1h');
    const auditor = mintToken(SECRET, { sub: 'bench-auditor', role: 'auditor' }, '1h');
    const alone = await paceWrites(base, officer, 0, settings);
    const reads = Promise.all([longRead(`${base}/api/v1/projects?format=csv`, auditor), longRead(`${base}/api/v1/audit/verify`, auditor)]);
    const during = await paceWrites(base, officer, 1_000_000, settings, reads);
    const [exported, verified] = await reads;
    const note = `${during.length} writes (max ${Math.max(...during).toFixed(0)} ms; alone ${Math.max(...alone).toFixed(0)} ms) during a ${exported.seconds.toFixed(1)} s register CSV export (${(exported.bytes / MB).toFixed(1)} MB) and a ${verified.seconds.toFixed(1)} s verify`;
    return [
      row({ section, metric: 'officer write p50 during export + verify', unit: 'ms', better: 'lower', value: percentile(during, 50), baselineName: 'same writes alone', baseline: percentile(alone, 50), note }),
      row({ section, metric: 'officer write p99 during export + verify', unit: 'ms', better: 'lower', value: percentile(during, 99), baselineName: 'same writes alone', baseline: percentile(alone, 99) }),
      row({
        section,
        metric: 'peak read-model WAL during start-up catch-up',
        unit: 'MB',
        better: 'lower',
        value: catchUp.peakWal / MB,
        baselineName: 'read-model file after it',
        baseline: sizeOf(apiRead) / MB,
        note: `first /health answer ${firstHealth.toFixed(1)} s after start, caught up ${(firstHealth + catchUp.seconds).toFixed(1)} s after; /health answered ${catchUp.healthMs.length} times meanwhile, p99 ${percentile(catchUp.healthMs, 99).toFixed(0)} ms`,
      }),
    ];
  } finally {
    await stopServer(api);
  }
}
