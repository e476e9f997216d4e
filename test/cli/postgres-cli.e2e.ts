import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { API_ROLE, createDatabase, describeWithPostgres } from '../../libs/event-store/src/testing/postgres-cluster';
import { ledgerCli } from '../support/cli';

/** The auditors' commands through the port, unchanged, with the log in PostgreSQL. */
describeWithPostgres('ledger-cli on a PostgreSQL log', (cluster) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-pg-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('setup-postgres prepares the log; an SQLite export imports into it, verifies, signs a digest and exports byte-identically', async () => {
    const source = join(dir, 'source.db');
    const sqlite = new SqliteEventStore({ path: source });
    for (let i = 0; i < 30; i++) {
      await sqlite.append(`project-21000000${i % 5}`, [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { amount: { vnd: String(1000 + i) }, note: 'Điều chỉnh' }, metadata: { actor: 'officer-hn' } }], 'any');
    }
    await sqlite.close();
    const fromSqlite = join(dir, 'from-sqlite.ndjson');
    expect((await ledgerCli(['export', '--out', fromSqlite], { LEDGER_DB_PATH: source })).code).toBe(0);

    const { ownerUrl, apiUrl } = await createDatabase(cluster(), 'cli');
    const setUp = await ledgerCli(['setup-postgres', '--api-role', API_ROLE], { LEDGER_PG_URL: ownerUrl });
    expect(setUp.stdout).toMatch(/PostgreSQL log ready; role ledger_api may read and append, not update or delete/);
    const pg = { LEDGER_STORE: 'postgres', LEDGER_PG_URL: apiUrl, LEDGER_DIGEST_KEY: join(dir, 'digest-key.pem') };
    expect((await ledgerCli(['import', '--in', fromSqlite], pg)).stdout).toMatch(/imported 30 events/);
    expect((await ledgerCli(['import', '--in', fromSqlite], pg)).stdout).toMatch(/refusing to import: the PostgreSQL log is not empty/);
    expect((await ledgerCli(['verify'], pg)).stdout).toMatch(/^OK 30 events, head position 30, head hash [0-9a-f]{64}$/m);
    const digest = join(dir, 'digest.json');
    expect((await ledgerCli(['digest', '--out', digest], pg)).code).toBe(0);
    expect(JSON.parse(readFileSync(digest, 'utf8'))).toMatchObject({ position: '30' });
    // The auditor's trusted key comes from configuration, never from the digest (issue 13).
    const trusted = { ...pg, LEDGER_DIGEST_PUBLIC_KEY: join(dir, 'digest-key.pem.pub') };
    expect((await ledgerCli(['verify', '--since-digest', digest], trusted)).stdout).toMatch(/^OK: the log extends the anchor of \S+ \(position 30 → 30\)/m);
    const fromPg = join(dir, 'from-pg.ndjson');
    expect((await ledgerCli(['export', '--out', fromPg], pg)).code).toBe(0);
    expect(readFileSync(fromPg)).toEqual(readFileSync(fromSqlite));
  });
});
