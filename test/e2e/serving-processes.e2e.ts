import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { apiProcessRefusal, startApiProcess, type ApiProcess } from '../support/api-process';
import { freePort } from '../support/ports';
import { fdiCertificate } from '../support/certificates';
import { TEST_JWT_SECRET, bearer } from '../support/ledger-server';

interface Reply {
  status: number;
  type: string;
  body: string;
}

/**
 * LEDGER_HTTP_PROCESSES=2: the real API (main.ts) as an OS process whose primary forks two serving
 * processes on one port. Each request goes on a connection of its own, so the primary hands them out
 * in turn and both processes answer.
 */
describe('several serving processes on one port (LEDGER_HTTP_PROCESSES)', () => {
  let dir: string;
  let api: ApiProcess;
  const port = () => Number(new URL(api.baseUrl).port);

  const ask = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: port(), path, method, agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text }));
      });
      req.on('error', reject);
      // A connection handed to a process in the instant it was killed is lost with it.
      req.setTimeout(3000, () => req.destroy(new Error(`no answer to ${method} ${path} in 3 s`)));
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  /** Who answered a scrape of /metrics, and the log's size as that process sees it. */
  const scrape = async () => {
    const text = (await ask('GET', '/metrics')).body;
    const [, pid, role] = /^ledger_process_info\{pid="(\d+)",role="(\w+)"\} 1$/m.exec(text) ?? [];
    return { pid: Number(pid), role, events: Number(/^ledger_events_total (\d+)$/m.exec(text)?.[1]) };
  };
  const scrapes = async (n: number) => Promise.all(Array.from({ length: n }, scrape));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-processes-'));
    api = await startApiProcess({ LEDGER_DB_PATH: join(dir, 'ledger.db'), LEDGER_HTTP_PROCESSES: '2', LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    // /health answered by one of them; wait for the other.
    for (let i = 0; i < 100 && new Set((await scrapes(4)).map((s) => s.pid)).size < 2; i++) await new Promise((r) => setTimeout(r, 200));
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given two processes, then connections are answered by both: the lead, which projects, and a follower', async () => {
    const answered = await scrapes(8);
    expect(new Set(answered.map((s) => s.role))).toEqual(new Set(['lead', 'follower']));
    expect(new Set(answered.map((s) => s.pid)).size).toBe(2);
    expect(answered.every((s) => s.pid !== api.child.pid)).toBe(true);
    expect(api.output()).toContain('Starting 2 processes serving port');
    expect(api.output().match(/^Ready\.$/gm)).toHaveLength(1);
  });

  it('when an officer records an act through one, then every process has it in the certificate at once and in the report with minPosition, once; a refused act adds nothing anywhere', async () => {
    const issued = await ask('POST', '/api/v1/projects', bearer('officer', 'BQL-HN'), fdiCertificate('2101000001'));
    expect(issued.status).toBe(201);
    const { position } = JSON.parse(issued.body) as { position: string };
    for (let i = 0; i < 6; i++) {
      const certificate = await ask('GET', '/api/v1/projects/2101000001', bearer('auditor'));
      expect([certificate.status, JSON.parse(certificate.body).version]).toEqual([200, 1]);
      const report = await ask('GET', `/api/v1/reports/valid-projects?asOf=2016-12-31&minPosition=${position}`, bearer('analyst'));
      expect([report.status, JSON.parse(report.body).total.FDI.validProjects]).toEqual([200, 1]);
    }
    expect((await scrapes(6)).map((s) => s.events)).toEqual(Array(6).fill(1));
    const again = await ask('POST', '/api/v1/projects', bearer('officer', 'BQL-HN'), fdiCertificate('2101000001'));
    expect([again.status, again.type, JSON.parse(again.body).code]).toEqual([422, 'application/problem+json; charset=utf-8', 'PROJECT_ALREADY_ISSUED']);
    expect((await scrapes(6)).map((s) => s.events)).toEqual(Array(6).fill(1));
  });

  it('when a serving process is killed, then another takes its place on the same port; SIGTERM to the ledger stops every process', async () => {
    const follower = (await scrapes(6)).find((s) => s.role === 'follower');
    expect(follower).toBeDefined();
    process.kill(follower!.pid, 'SIGKILL');
    let pids = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const answered = (await Promise.allSettled(Array.from({ length: 4 }, scrape))).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      pids = new Set(answered.filter((s) => s.pid).map((s) => s.pid));
      if (pids.size === 2 && !pids.has(follower!.pid)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pids.size).toBe(2);
    expect(pids.has(follower!.pid)).toBe(false);
    expect(api.output()).toContain(`Serving process ${follower!.pid} ended (SIGKILL); starting another.`);
    await api.stop('SIGTERM');
    expect(api.child.exitCode).toBe(0);
    for (let i = 0; i < 50 && [...pids].some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    expect([...pids].filter(alive)).toEqual([]);
  });

  it('given a port another program holds, when the ledger starts two processes, then it says so and exits 1 instead of starting them again and again', async () => {
    const taken = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(taken, '0.0.0.0', resolve));
    try {
      const { code, output } = await apiProcessRefusal({ LEDGER_DB_PATH: join(dir, 'refused.db'), LEDGER_HTTP_PROCESSES: '2' }, taken);
      expect(code).toBe(1);
      expect(output).toContain(`Port ${taken} is already in use`);
      expect(output).toContain('A serving process ended before it listened (exit code 1): stopping the ledger.');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
