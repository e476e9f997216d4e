import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { fdiCertificate } from '../support/certificates';
import { ledgerCli } from '../support/cli';
import { TEST_JWT_SECRET, bearer } from '../support/ledger-server';
import { dumpReadModels } from '../support/read-models';

interface Health {
  lang?: string;
  status: number;
  retryAfter: string | null;
  body: {
    code?: string;
    title?: string;
    detail?: string;
    info?: { projections?: { projections: { lag: string }[] } };
    checks?: { eventStore?: { headPosition: string }; projections?: { status: string } };
  };
}

/**
 * An auditor (or an operator) runs `ledger-cli rebuild` on the read models a running API projects. Before
 * the replay claim, the API's projector replayed them too, each resetting the other's tables: the rebuild
 * ended "rebuilt" with 5,000 facts missing, and the API answered 503 without saying why.
 */
describe('ledger-cli rebuild of the read models a running API projects', () => {
  let dir: string;
  let api: ApiProcess;
  let env: Record<string, string>;

  const health = async (lang?: string): Promise<Health> => {
    const reply = await fetch(`${api.baseUrl}/health`, { headers: lang ? { 'accept-language': lang } : {} });
    return { lang, status: reply.status, retryAfter: reply.headers.get('retry-after'), body: (await reply.json()) as Health['body'] };
  };
  const caughtUp = async () => {
    for (let i = 0; i < 300; i++) {
      const now = await health();
      if (now.status === 200 && now.body.info?.projections?.projections.every((p) => p.lag === '0')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the API did not catch up: ${JSON.stringify(await health())}`);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-beside-'));
    env = { LEDGER_DB_PATH: join(dir, 'ledger.db'), LEDGER_READ_DB_PATH: join(dir, 'read-models.db'), LEDGER_JWT_SECRET: TEST_JWT_SECRET };
    const generated = await ledgerCli(['generate', '--projects', '1500', '--out', env.LEDGER_DB_PATH], env);
    expect(generated.code).toBe(0);
    api = await startApiProcess(env);
    await caughtUp();
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the API writes nothing while it runs and /health says why; after it, the API follows the log, and the read models equal a clean rebuild', async () => {
    const rebuild = ledgerCli(['rebuild'], env);
    let done = false;
    void rebuild.finally(() => (done = true));
    const during: Health[] = [];
    for (let i = 0; !done; i++) {
      during.push(await health(i % 2 ? 'vi' : undefined));
      await new Promise((r) => setTimeout(r, 50));
    }
    const { code, stdout } = await rebuild;
    expect([code, /rebuilt 8 read models to position 23290/.test(stdout)]).toEqual([0, true]);

    const told = during.filter((h) => h.status === 503);
    expect(told.length).toBeGreaterThan(0); // the API polled during the replay: what follows was exercised
    for (const { lang, retryAfter, body } of told) {
      expect([retryAfter, body.code, body.title]).toEqual(['5', 'UNHEALTHY', lang === 'vi' ? 'Hệ thống chưa sẵn sàng' : 'Not healthy']);
      expect([body.checks?.eventStore?.headPosition, body.checks?.projections?.status]).toEqual(['23290', 'down']); // the dashboard's live refresh reads the head there
      expect(body.detail).toMatch(/projections: the read models are being replayed from position 0 by a rebuild of every read model \(process \d+ on .+, since \d{4}-/);
    }

    // Healthy again without any new act, then following the log.
    await caughtUp();
    const issued = await fetch(`${api.baseUrl}/api/v1/projects`, {
      method: 'POST',
      headers: { ...bearer('officer', 'BQL-HN'), 'content-type': 'application/json' },
      body: JSON.stringify(fdiCertificate('2109999001')),
    });
    expect(issued.status).toBe(201);
    const { position } = (await issued.json()) as { position: string };
    const report = await fetch(`${api.baseUrl}/api/v1/reports/valid-projects?asOf=2026-12-31&minPosition=${position}`, { headers: bearer('analyst') });
    expect(report.status).toBe(200); // the read models have the act
    await api.stop();

    const read = new Database(env.LEDGER_READ_DB_PATH, { readonly: true });
    expect(read.prepare('SELECT COUNT(*) FROM projection_replay').pluck().get()).toBe(0);
    expect(read.prepare("SELECT COUNT(*) FROM project_register WHERE project_code = '2109999001'").pluck().get()).toBe(1);
    read.close();
    const clean = join(dir, 'clean.db');
    expect((await ledgerCli(['rebuild'], { ...env, LEDGER_READ_DB_PATH: clean })).code).toBe(0);
    expect(dumpReadModels(env.LEDGER_READ_DB_PATH)).toEqual(dumpReadModels(clean));
  }, 120_000);
});
