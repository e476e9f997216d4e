import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../../apps/ledger-cli/src/generate/dataset';
import { Geography } from '../../apps/ledger-cli/src/generate/geography';
import { writeSqlite } from '../../apps/ledger-cli/src/generate/sinks';
import { sampleVersionRegister } from '../../apps/ledger-cli/src/register/sample-register';
import { workbookOf } from '../../apps/ledger-cli/src/register/workbook';
import { ReferenceData } from '@ledger/reference-data';
import { fdiCertificate } from '../support/certificates';
import { bearer, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * Long work — the start-up catch-up, a chain verification, a whole-register export, planning an
 * uploaded register — must never
 * hold the request thread: other requests are answered while it runs. The assertions are about
 * order (what finished before what), never about durations.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-long-'));
const logPath = join(dir, 'ledger.db');
const PROJECTS = 2500;
let events = 0;

beforeAll(() => {
  const geo = Geography.load();
  const dataset = generateDataset(geo, { projects: PROJECTS, years: 10, seed: 7 });
  writeSqlite(logPath, dataset.events, { seed: 7, referenceDataVersion: geo.version, batchSize: 5000 });
  events = dataset.events.length;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface HealthBody {
  status: string;
  info: { projections: { projections: { lag: string; catchingUp: boolean }[] } };
}
const health = async (baseUrl: string) => (await (await fetch(`${baseUrl}/health`)).json()) as HealthBody;

/** Sequential /health requests until `work` settles; how many were answered before it. */
async function healthAnswersDuring(baseUrl: string, work: Promise<unknown>): Promise<number> {
  let settled = false;
  void work.finally(() => (settled = true)).catch(() => undefined);
  let answered = 0;
  while (!settled) {
    const reply = await fetch(`${baseUrl}/health`);
    await reply.arrayBuffer();
    if (!settled) answered++;
  }
  await work;
  return answered;
}

describe('long requests do not freeze the API', () => {
  let server: LedgerServer;
  afterEach(() => server?.close());

  it('answers /health during the start-up catch-up of a large log, with the lag still to go', async () => {
    // Given a log of thousands of events and no read models yet
    server = await startLedgerServer({ LEDGER_DB_PATH: logPath, LEDGER_READ_DB_PATH: join(dir, 'catch-up.read-models.db') });
    // When /health is asked while the read models catch up
    const body = await health(server.baseUrl);
    // Then it answers before the catch-up ends, showing how far the read models still have to go
    const [projections] = [body.info.projections.projections];
    expect(body.status).toBe('ok');
    expect(Number(projections[0].lag)).toBeGreaterThan(0);
    expect(projections[0].catchingUp).toBe(true);
    await server.runner().catchUp();
    expect((await health(server.baseUrl)).info.projections.projections[0].lag).toBe('0');
  });

  describe('with the read models caught up', () => {
    beforeEach(async () => {
      server = await startLedgerServer({ LEDGER_DB_PATH: logPath, LEDGER_READ_DB_PATH: join(dir, 'ready.read-models.db') });
      await server.runner().catchUp();
    });

    it('answers other requests while /audit/verify walks the whole chain', async () => {
      const verify = fetch(`${server.baseUrl}/api/v1/audit/verify`, { headers: bearer('auditor') }).then((r) => r.json());
      const answered = await healthAnswersDuring(server.baseUrl, verify);
      expect(await verify).toMatchObject({ ok: true, events: String(events) });
      // One request could slip in before the verification starts; several mean it never held the thread.
      expect(answered).toBeGreaterThanOrEqual(3);
    });

    it('answers other requests while /audit/log scans the whole log for an actor who never wrote', async () => {
      const scan = fetch(`${server.baseUrl}/api/v1/audit/log?actor=nobody`, { headers: bearer('auditor') }).then((r) => r.json());
      const answered = await healthAnswersDuring(server.baseUrl, scan);
      expect(await scan).toEqual({ items: [], next: null });
      expect(answered).toBeGreaterThanOrEqual(3);
    });

    it('an export its client abandons frees the read worker for the next long read', async () => {
      const abandoned = new AbortController();
      const reply = await fetch(`${server.baseUrl}/api/v1/projects?format=xlsx`, { headers: bearer('analyst'), signal: abandoned.signal });
      const reader = (reply.body as ReadableStream<Uint8Array>).getReader();
      expect((await reader.read()).done).toBe(false);
      abandoned.abort();
      const verify = await fetch(`${server.baseUrl}/api/v1/audit/verify`, { headers: bearer('auditor') });
      expect(verify.status).toBe(200);
      expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
    });

    it("answers /health and records an officer's write while a 3,000-row register upload is planned", async () => {
      const reference = ReferenceData.load();
      const bytes = await workbookOf([sampleVersionRegister(reference, { boardId: 'BQL-HN', projects: 3000, maxRows: 3000, seed: 11, from: '2008-01-01', to: '2024-12-31' })]);
      const planned = fetch(`${server.baseUrl}/api/v1/imports/register?boardId=BQL-HN`, { method: 'POST', headers: { ...bearer('officer', 'BQL-HN'), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: bytes }).then(async (r) => ({ status: r.status, body: (await r.json()) as { rows: number; dryRun: boolean } }));
      let planDone = false;
      void planned.then(() => (planDone = true));
      const write = await fetch(`${server.baseUrl}/api/v1/projects`, { method: 'POST', headers: { ...bearer('officer', 'BQL-HN'), 'content-type': 'application/json' }, body: JSON.stringify(fdiCertificate('2109999993')) });
      const writtenBeforePlan = !planDone;
      expect(write.status).toBe(201);
      const answered = await healthAnswersDuring(server.baseUrl, planned);
      const { status, body } = await planned;
      expect(status).toBe(200);
      expect(body.dryRun).toBe(true);
      expect(body.rows).toBeGreaterThanOrEqual(3000);
      expect(writtenBeforePlan).toBe(true);
      expect(answered).toBeGreaterThanOrEqual(3);
    });

    it.each([
      ['csv', '2109999991'],
      ['xlsx', '2109999992'],
    ])('answers /health and records an officer write while the whole register is exported as %s', async (format, projectCode) => {
      const exported = fetch(`${server.baseUrl}/api/v1/projects?format=${format}`, { headers: bearer('analyst') }).then(async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength }));
      let exportDone = false;
      void exported.then(() => (exportDone = true));
      const write = await fetch(`${server.baseUrl}/api/v1/projects`, {
        method: 'POST',
        headers: { ...bearer('officer', 'BQL-HN'), 'content-type': 'application/json' },
        body: JSON.stringify(fdiCertificate(projectCode)),
      });
      const writtenBeforeExport = !exportDone;
      expect(write.status).toBe(201);
      const answered = await healthAnswersDuring(server.baseUrl, exported);
      expect((await exported).status).toBe(200);
      expect(writtenBeforeExport).toBe(true);
      expect(answered).toBeGreaterThanOrEqual(3);
    });
  });
});
