import { copyFileSync, existsSync } from 'node:fs';
import { get } from 'node:http';
import { availableParallelism } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mintToken } from '../../../ledger-api/src/auth/tokens';
import { REGISTER_PATHS, REPO_ROOT, startServer, stopServer } from './child';
import { DASHBOARD_MIX_LABEL, DASHBOARD_PATHS, projectPaths } from './dashboard-mix';
import type { Workspace } from './fixtures';
import { row, skipped, type Row } from './results';

/** The slice of autocannon's programmatic API used here (autocannon ships no types). */
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest, context: Record<string, unknown>) => CannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<CannonResult>;

export const SECRET = 'bench-only-secret-0123456789abcdef0123456789';
export const API_MAIN = join(REPO_ROOT, 'dist', 'apps', 'ledger-api', 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const healthy = (port: number, path: string) => async () => (await fetch(`http://127.0.0.1:${port}${path}`)).status < 500;

export interface HttpSettings {
  connections: number;
  seconds: number;
  writeRate: number;
  /** Connections of the dashboard read mix (each measured with the log still and while acts arrive). */
  readConnections: readonly number[];
  /** Acts per second posted while the read mix runs. */
  actsDuringReads: number;
}

/** The body of a bench officer's new certificate (FDI, Hà Nội). */
export function benchCertificate(projectCode: string): string {
  return JSON.stringify({
    projectCode,
    boardId: 'BQL-HN',
    zoneId: 'KCN-THANG-LONG',
    projectName: 'Nhà máy benchmark',
    investors: [{ name: 'Bench Co., Ltd.', country: 'KR' }],
    origin: 'FDI',
    registeredCapital: { vnd: '235000000000', usd: '10000000.00', exchangeRate: '23500' },
    objectives: 'Sản xuất linh kiện điện tử',
    durationYears: 50,
    issuedOn: '2026-03-15',
  });
}

/** Write mix: issue a certificate, then two capital increases with If-Match (1 : 2). */
function writeMix(officer: string, codes: { next: number }): CannonRequest[] {
  const headers = { authorization: `Bearer ${officer}`, 'content-type': 'application/json' };
  const increase = (version: number): CannonRequest => ({
    method: 'POST',
    setupRequest: (req, ctx) => ({ ...req, path: `/api/v1/projects/${ctx.code as string}/capital-increases`, headers: { ...headers, 'if-match': `"${version}"` } }),
    body: JSON.stringify({ amount: { vnd: '23500000000', usd: '1000000.00' }, effectiveOn: '2026-06-01', reason: 'Mở rộng quy mô', decisionRef: 'BENCH/DC' }),
  });
  return [
    {
      method: 'POST',
      path: '/api/v1/projects',
      headers,
      setupRequest: (req, ctx) => {
        ctx.code = String(9_000_000_000 + codes.next++);
        return { ...req, body: benchCertificate(ctx.code as string) };
      },
    },
    increase(1),
    increase(2),
  ];
}

/** Read mix: the dashboard's requests in turn, the project page of a different project each time. */
function readMix(token: string, sampleCodes: readonly string[]): CannonRequest[] {
  const headers = { authorization: `Bearer ${token}` };
  let i = 0;
  const project = (part: number): CannonRequest => ({ method: 'GET', headers, setupRequest: (req) => ({ ...req, path: projectPaths(sampleCodes[(part === 0 ? i : i++) % sampleCodes.length])[part] }) });
  return [...DASHBOARD_PATHS.map((path): CannonRequest => ({ method: 'GET', path, headers })), project(0), project(1)];
}

async function cannon(port: number, requests: CannonRequest[], s: Pick<HttpSettings, 'connections' | 'seconds'>, rate?: number): Promise<CannonResult> {
  return autocannon({ url: `http://127.0.0.1:${port}`, connections: s.connections, duration: s.seconds, requests, ...(rate ? { overallRate: rate } : {}) });
}

const failures = (r: CannonResult) => r.errors + r.timeouts + r.non2xx;

/**
 * "The log still": the read models have caught up with the acts of the runs before (lag 0 in /health)
 * and each request of the mix has been asked once, so the run measures the steady state; what a
 * report costs uncached is in (d).
 */
async function settle(port: number, requests: CannonRequest[]): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    const health = (await (await fetch(`${base}/health`)).json()) as { info?: { projections?: { projections?: { lag: string }[] } } };
    if ((health.info?.projections?.projections ?? []).every((p) => p.lag === '0')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const r of requests) {
    const request = r.setupRequest ? r.setupRequest(r, {}) : r;
    await (await fetch(`${base}${request.path as string}`, { headers: request.headers })).arrayBuffer();
  }
}

/** The read mix at each connection count, with the log still and while a second client posts acts. */
async function readRows(apiPort: number, floorPort: number, reader: string, officer: string, sampleCodes: readonly string[], codes: { next: number }, s: HttpSettings, processes = ''): Promise<Row[]> {
  const out: Row[] = [];
  for (const connections of s.readConnections) {
    const at = { connections, seconds: s.seconds };
    const floor = await cannon(floorPort, readMix(reader, sampleCodes), at);
    await settle(apiPort, readMix(reader, sampleCodes));
    const still = await cannon(apiPort, readMix(reader, sampleCodes), at);
    out.push(...rows(`e. HTTP read mix, ${connections} conn, ${s.seconds} s, log still, unthrottled${processes}`, still, floor, 'target ≥ 1,000 req/s, p99 < 50 ms, 0 errors'));
    const [moving, acts] = await Promise.all([cannon(apiPort, readMix(reader, sampleCodes), at), cannon(apiPort, writeMix(officer, codes), { connections: 2, seconds: s.seconds }, s.actsDuringReads)]);
    const written = `${acts['2xx']} acts written meanwhile (${acts.requests.average.toFixed(1)}/s, ${failures(acts)} failed)`;
    out.push(...rows(`e. HTTP read mix, ${connections} conn, ${s.seconds} s, while ${s.actsDuringReads} acts/s arrive${processes}`, moving, floor, `target ≥ 300 req/s, p99 < 100 ms, 0 errors; ${written}`));
  }
  out[0].note = `${out[0].note}; mix = ${DASHBOARD_MIX_LABEL}`;
  return out;
}

function rows(section: string, ours: CannonResult, floor: CannonResult, target: string): Row[] {
  const errors = failures(ours);
  return [
    row({ section, metric: 'throughput', unit: 'req/s', better: 'higher', value: ours.requests.average, baselineName: 'node:http floor', baseline: floor.requests.average, note: `errors/non-2xx: ${errors} of ${ours['2xx'] + errors}` }),
    row({ section, metric: 'latency p50', unit: 'ms', better: 'lower', value: ours.latency.p50, baselineName: 'node:http floor', baseline: floor.latency.p50 }),
    row({ section, metric: 'latency p99', unit: 'ms', better: 'lower', value: ours.latency.p99, baselineName: 'node:http floor', baseline: floor.latency.p99, note: target }),
  ];
}

/** Ready once `count` different processes answered /metrics, each asked on a connection of its own (handed out in turn). */
function allServing(port: number, count: number): () => Promise<boolean> {
  const seen = new Set<string>();
  const pidOnce = () =>
    new Promise<string | undefined>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/metrics', agent: false }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(/ledger_process_info\{pid="(\d+)"/.exec(text)?.[1]));
      }).on('error', () => resolve(undefined));
    });
  return async () => {
    for (let i = 0; i < count * 2; i++) {
      const pid = await pidOnce();
      if (pid) seen.add(pid);
    }
    return seen.size >= count;
  };
}

/** (e) The API as a child process on copies of a generated log and its read models. */
export async function benchHttp(ws: Workspace, logPath: string, readPath: string, sampleCodes: readonly string[], s: HttpSettings): Promise<Row[]> {
  if (!existsSync(API_MAIN)) return [skipped('e. HTTP', 'write + read mix', `API not built (${API_MAIN} missing)`)];
  const [apiLog, apiRead] = [ws.path('http.db'), ws.path('http.read-models.db')];
  copyFileSync(logPath, apiLog);
  copyFileSync(readPath, apiRead);
  const [apiPort, floorPort] = [await freePort(), await freePort()];
  const env = { ...process.env, PORT: String(apiPort), LEDGER_DB_PATH: apiLog, LEDGER_READ_DB_PATH: apiRead, LEDGER_DEMO_DATA: 'false', LOG_LEVEL: 'silent', LEDGER_RATE_LIMIT_PER_MINUTE: '0', LEDGER_JWT_SECRET: SECRET, NODE_ENV: 'production' };
  let api;
  try {
    api = await startServer(['-r', REGISTER_PATHS, API_MAIN], env, healthy(apiPort, '/health'));
  } catch (error) {
    return [skipped('e. HTTP', 'write + read mix', `API did not start: ${(error as Error).message}`)];
  }
  const floor = await startServer([join(__dirname, 'http-floor.js')], { ...process.env, PORT: String(floorPort) }, healthy(floorPort, '/'));
  try {
    const officer = mintToken(SECRET, { sub: 'bench-officer', role: 'officer', boardId: 'BQL-HN' }, '1h');
    const reader = mintToken(SECRET, { sub: 'bench-auditor', role: 'auditor' }, '1h'); // GET /projects/{code} is for auditors; auditors may read reports too
    const codes = { next: 0 };
    const writeOurs = await cannon(apiPort, writeMix(officer, codes), s, s.writeRate);
    const writeFloor = await cannon(floorPort, writeMix(officer, { next: 0 }), s, s.writeRate);
    const out = [
      ...rows(`e. HTTP write mix (issue + 2 increases with If-Match) at ${s.writeRate} req/s, ${s.connections} conn, ${s.seconds} s`, writeOurs, writeFloor, 'target p99 < 25 ms at 200 req/s'),
      ...(await readRows(apiPort, floorPort, reader, officer, sampleCodes, codes, s)),
    ];
    // The same read rows with one serving process per core (LEDGER_HTTP_PROCESSES), as a machine with more than one would run.
    const processes = availableParallelism();
    if (processes > 1) {
      await stopServer(api);
      api = await startServer(['-r', REGISTER_PATHS, API_MAIN], { ...env, LEDGER_HTTP_PROCESSES: String(processes) }, allServing(apiPort, processes));
      out.push(...(await readRows(apiPort, floorPort, reader, officer, sampleCodes, codes, s, `, ${processes} processes`)));
    }
    return out;
  } finally {
    await stopServer(api);
    await stopServer(floor);
  }
}
