import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnchorDirectory, SqliteEventStore } from '@ledger/event-store';
import { fdiCertificate } from '../support/certificates';
import { ledgerCli } from '../support/cli';
import { bearer, client, startLedgerServer } from '../support/ledger-server';

/** The running API publishes signed head digests to a sink outside the log's directory. */
describe('anchors published by the API', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ledger-anchor-sink-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('given LEDGER_ANCHOR_EVERY_EVENTS=2 and four certificates issued → anchors while running and on shutdown; verify checks the log against the newest', async () => {
    const env = { LEDGER_ANCHOR_DIR: join(outside, 'anchors'), LEDGER_DIGEST_KEY: join(outside, 'keys', 'digest.pem'), LEDGER_ANCHOR_EVERY_EVENTS: '2', LEDGER_ANCHOR_EVERY_MINUTES: '60' };
    const server = await startLedgerServer(env);
    const sink = new AnchorDirectory(env.LEDGER_ANCHOR_DIR);
    const http = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    const issue = async (...codes: string[]) => {
      for (const code of codes) expect((await http.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
    };
    // The publisher looks at the head about once a second; wait for it, however loaded the machine is.
    const anchoredAt = async (position: string) => {
      while (sink.latest()?.digest.position !== position) await new Promise((r) => setTimeout(r, 100));
    };
    await issue('2101000001');
    await anchoredAt('1'); // the first event seen is anchored at once
    await issue('2101000002', '2101000003');
    await anchoredAt('3'); // then every 2 events
    await issue('2101000004');
    const verified = await ledgerCli(['verify'], { ...env, LEDGER_DB_PATH: server.config.dbPath, LEDGER_DIGEST_PUBLIC_KEY: `${env.LEDGER_DIGEST_KEY}.pub` });
    expect(verified.stdout).toMatch(/OK: the log extends the anchor of .* \(position 3 → 4\)/);
    const overHttp = await client(server.baseUrl, bearer('auditor')).get('/api/v1/audit/verify');
    expect(overHttp.body).toMatchObject({ ok: true, headPosition: '4', anchor: { ok: true, checked: true, position: '3', age: expect.stringMatching(/^\d+ s$|min/) } });
    await server.close();
    expect(sink.latest()?.digest.position).toBe('4');
  });

  it('given the tail deleted behind the running API → GET /audit/verify reports the anchor TRUNCATED', async () => {
    const env = { LEDGER_ANCHOR_DIR: join(outside, 'anchors-2'), LEDGER_DIGEST_KEY: join(outside, 'keys', 'digest.pem'), LEDGER_ANCHOR_EVERY_EVENTS: '1' };
    const server = await startLedgerServer(env);
    const sink = new AnchorDirectory(env.LEDGER_ANCHOR_DIR);
    const http = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    for (const code of ['2101000011', '2101000012', '2101000013']) expect((await http.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
    while (sink.latest()?.digest.position !== '3') await new Promise((r) => setTimeout(r, 100));
    const behind = new SqliteEventStore({ path: server.config.dbPath });
    behind.db.exec('DROP TRIGGER events_are_never_deleted; DELETE FROM events WHERE position > 1;');
    await behind.close();
    const verified = await client(server.baseUrl, bearer('auditor')).get('/api/v1/audit/verify');
    expect(verified.body).toMatchObject({ ok: false, headPosition: '1', anchor: { ok: false, position: '3', problem: 'TRUNCATED' } });
    await server.close();
  });
});
