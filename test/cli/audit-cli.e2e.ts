import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerCli } from '../support/cli';

/** verify, digest, export and import from the command line against real SQLite files. */
describe('ledger-cli for auditors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  const source = join(dir, 'source.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const store = new SqliteEventStore({ path: source });
    for (let i = 0; i < 40; i++) {
      await store.append(`project-21000000${String(i % 7).padStart(2, '0')}`, [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { amount: { vnd: String(1000 + i) }, note: 'Điều chỉnh lần thứ nhất' }, metadata: { actor: 'officer-bg' } }], 'any');
    }
    await store.close();
  });

  it('verify reports OK with the head position and hash', async () => {
    const result = await ledgerCli(['verify'], { LEDGER_DB_PATH: source });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK 40 events, head position 40, head hash [0-9a-f]{64}$/m);
  });

  it('export → import → export is byte-identical', async () => {
    const first = join(dir, 'first.ndjson');
    const second = join(dir, 'second.ndjson');
    const copy = join(dir, 'copy.db');
    expect((await ledgerCli(['export', '--format', 'ndjson', '--out', first], { LEDGER_DB_PATH: source })).code).toBe(0);
    const imported = await ledgerCli(['import', '--in', first], { LEDGER_DB_PATH: copy });
    expect(imported.stdout).toMatch(/imported 40 events/);
    expect((await ledgerCli(['export', '--format', 'ndjson', '--out', second], { LEDGER_DB_PATH: copy })).code).toBe(0);
    expect(readFileSync(second)).toEqual(readFileSync(first));
    expect(readFileSync(first, 'utf8').trim().split('\n')).toHaveLength(40);
  });

  it('a tampered export is rejected with its line number and nothing is imported', async () => {
    const file = join(dir, 'export.ndjson');
    await ledgerCli(['export', '--out', file], { LEDGER_DB_PATH: source });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    lines[12] = lines[12].replace('"vnd":"1012"', '"vnd":"9012"');
    const tampered = join(dir, 'tampered.ndjson');
    writeFileSync(tampered, `${lines.join('\n')}\n`);
    const target = join(dir, `tampered-${randomUUID()}.db`);
    const result = await ledgerCli(['import', '--in', tampered], { LEDGER_DB_PATH: target });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/rejected: line 13: content does not match its hash/);
    const store = new SqliteEventStore({ path: target });
    expect(await store.count()).toBe(0n);
    await store.close();
  });

  it('a signed digest proves the log only grew; a rewrite before it is caught', async () => {
    const db = join(dir, 'digest.db');
    const store = new SqliteEventStore({ path: db });
    await store.append('project-2100000001', [{ eventId: randomUUID(), type: 'CertificateIssued', data: { n: 1 }, metadata: {} }], 'no_stream');
    await store.close();
    const env = { LEDGER_DB_PATH: db, LEDGER_DIGEST_KEY: join(dir, 'digest-key.pem') };
    const digestFile = join(dir, 'digest.json');
    expect((await ledgerCli(['digest', '--out', digestFile], env)).code).toBe(0);
    const digest = JSON.parse(readFileSync(digestFile, 'utf8'));
    expect(digest).toMatchObject({ position: '1', headHash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String) });

    const grown = new SqliteEventStore({ path: db });
    await grown.append('project-2100000001', [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { n: 2 }, metadata: {} }], 1n);
    await grown.close();
    const ok = await ledgerCli(['verify', '--since-digest', digestFile], env);
    expect(ok.stdout).toMatch(/OK: the log only grew since the digest .* \(position 1 → 2\)/);

    const forged = { ...digest, headHash: 'a'.repeat(64) };
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const refused = await ledgerCli(['verify', '--since-digest', join(dir, 'forged.json')], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/FAILED: the digest signature is invalid/);
  });

  it('verify names the position of a row changed behind the ledger', async () => {
    const db = join(dir, 'tamper.db');
    const store = new SqliteEventStore({ path: db });
    for (let i = 0; i < 5; i++) await store.append('project-2100000009', [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { vnd: String(i) }, metadata: {} }], 'any');
    store.db.exec(`DROP TRIGGER events_are_immutable; UPDATE events SET data = '{"vnd":"77"}' WHERE position = 3;`);
    await store.close();
    const result = await ledgerCli(['verify'], { LEDGER_DB_PATH: db });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED at position 3 \(CONTENT\)/);
  });
});
