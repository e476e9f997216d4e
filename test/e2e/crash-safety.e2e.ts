import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, verifyChain, type NewEvent } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';
import { startApiProcess } from '../support/api-process';
import { fdiCertificate } from '../support/certificates';
import { dumpReadModels } from '../support/read-models';
import { TEST_JWT_SECRET, bearer } from '../support/ledger-server';

const dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety', () => {
  it('API killed with SIGKILL mid-load: every acknowledged write is in the log exactly once, the chain verifies, read models equal a rebuild', async () => {
    const env = { LEDGER_DB_PATH: join(dir, 'api.db'), LEDGER_READ_DB_PATH: join(dir, 'api.read.db'), LEDGER_JWT_SECRET: TEST_JWT_SECRET };
    const api = await startApiProcess(env);
    const acknowledged: string[] = [];
    let attempted = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const code = String(2102000000 + w * 100000 + i);
        attempted += 1;
        try {
          const reply = await fetch(`${api.baseUrl}/api/v1/projects`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `crash-${code}`, ...bearer('officer', 'BQL-HN') },
            body: JSON.stringify(fdiCertificate(code)),
          });
          if (reply.status === 201) acknowledged.push(code);
        } catch {
          return; // the server died under this request: not acknowledged
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));
    while (acknowledged.length < 120) await new Promise((r) => setTimeout(r, 20));
    await api.stop('SIGKILL');
    stop = true;
    await load;

    const store = new SqliteEventStore({ path: env.LEDGER_DB_PATH });
    for (const code of acknowledged) expect(await store.readStream(`project-${code}`)).toHaveLength(1);
    expect(await verifyChain(store)).toMatchObject({ ok: true });
    const head = await store.headPosition();
    expect(Number(head)).toBeGreaterThanOrEqual(acknowledged.length);
    expect(Number(head)).toBeLessThanOrEqual(attempted);
    await store.close();

    // Restart on the same files: the in-process projector catches up from its checkpoint.
    const restarted = await startApiProcess(env);
    const report = await fetch(`${restarted.baseUrl}/api/v1/reports/valid-projects?asOf=2026-01-01&minPosition=${head}`, { headers: bearer('auditor') });
    expect(report.status).toBe(200);
    expect(((await report.json()) as { total: { FDI: { validProjects: number } } }).total.FDI.validProjects).toBe(Number(head));
    await restarted.stop();

    const clean = new ProjectionRunner(new SqliteEventStore({ path: env.LEDGER_DB_PATH }), join(dir, 'api.clean.db'), allProjections());
    await clean.rebuild();
    await clean.close();
    expect(dumpReadModels(env.LEDGER_READ_DB_PATH)).toEqual(dumpReadModels(join(dir, 'api.clean.db')));
    console.info(`crash test: ${attempted} writes attempted, ${acknowledged.length} acknowledged and all found exactly once; log head ${head}`);
  });

  it('projector process killed between its batches: after restart the read models equal a clean rebuild', async () => {
    const logPath = join(dir, 'projector.db');
    const readPath = join(dir, 'projector.read.db');
    const certificates = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => {
        const i = from + k;
        const code = String(2103000000 + i);
        const data = fdiCertificate(code, { registeredCapital: { vnd: String((1000 + i) * 23500), usd: `${1000 + i}.00`, exchangeRate: '23500' } });
        return { streamId: `project-${code}`, events: [{ eventId: randomUUID(), type: 'CertificateIssued', data, metadata: {} } as NewEvent], expected: 'no_stream' as const };
      });
    // Given read models at the log's head, and then 24,000 more acts: a catch-up in log order, batch after batch.
    const store = new SqliteEventStore({ path: logPath });
    store.appendBatch(certificates(0, 6000));
    const first = new ProjectionRunner(store, readPath, allProjections());
    await first.catchUp();
    await first.close();
    store.appendBatch(certificates(6000, 24_000));
    const head = Number(await store.headPosition());
    await store.close();

    const env = { ...process.env, LEDGER_DB_PATH: logPath, LEDGER_READ_DB_PATH: readPath, LOG_LEVEL: 'silent' };
    const cli = ['-r', '@swc-node/register', join(__dirname, '../../apps/ledger-cli/src/main.ts'), 'project'];
    const child = spawn(process.execPath, cli, { env, cwd: join(__dirname, '../..'), stdio: 'ignore' });
    // When it is killed as soon as some, but not all, of its batches are committed
    let at = 6000;
    while (at === 6000) {
      await new Promise((r) => setTimeout(r, 10));
      const db = new Database(readPath, { readonly: true, fileMustExist: true });
      at = db.prepare('SELECT MIN(position) FROM projection_checkpoints').pluck().get() as number;
      db.close();
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(at).toBeGreaterThan(6000);
    expect(at).toBeLessThan(head);

    // Then a restart catches up from there to what a clean rebuild writes
    const resumed = new ProjectionRunner(new SqliteEventStore({ path: logPath }), readPath, allProjections());
    await resumed.catchUp();
    await resumed.close();
    const clean = new ProjectionRunner(new SqliteEventStore({ path: logPath }), join(dir, 'projector.clean.db'), allProjections());
    await clean.rebuild();
    await clean.close();
    expect(dumpReadModels(readPath)).toEqual(dumpReadModels(join(dir, 'projector.clean.db')));
  });
});
