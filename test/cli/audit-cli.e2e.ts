import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, chainHash } from '@ledger/event-store';
import { ledgerCli } from '../support/cli';

async function appendEvents(path: string, n: number): Promise<void> {
  const store = new SqliteEventStore({ path });
  for (let i = 0; i < n; i++) await store.append('project-2100000001', [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { n: i }, metadata: {} }], 'any');
  await store.close();
}

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

  it('given production and no sign-in settings, verify still runs: the operator needs the log, not the JWT secret', async () => {
    const result = await ledgerCli(['verify'], { LEDGER_DB_PATH: source, NODE_ENV: 'production', LEDGER_JWT_SECRET: '', LEDGER_OIDC_ISSUER: '' });
    expect(result.stderr).not.toMatch(/LEDGER_JWT_SECRET/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK 40 events, head position 40/m);
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

  describe('the tail of the log, checked against signed anchors outside the log\'s directory', () => {
    const keys = join(dir, 'keys');
    const anchorsEnv = (name: string) => {
      mkdirSync(join(dir, name, 'log'), { recursive: true });
      return {
        LEDGER_DB_PATH: join(dir, name, 'log', 'ledger.db'),
        LEDGER_ANCHOR_DIR: join(dir, name, 'anchors'),
        LEDGER_DIGEST_KEY: join(keys, 'digest-key.pem'),
        LEDGER_DIGEST_PUBLIC_KEY: join(keys, 'digest-key.pem.pub'),
      };
    };
    async function anchoredLog(name: string, events: number) {
      const env = anchorsEnv(name);
      await appendEvents(env.LEDGER_DB_PATH, events);
      const digest = await ledgerCli(['digest'], env);
      expect(digest.stdout).toMatch(/anchored in .*anchor-\d{8}T\d{6}\.\d{3}Z-p\d+-[0-9a-f]{8}\.json/);
      return env;
    }

    it('given a log that grew after its anchor → OK, saying how old the anchor is', async () => {
      const env = await anchoredLog('grown', 3);
      await appendEvents(env.LEDGER_DB_PATH, 2);
      const result = await ledgerCli(['verify'], env);
      expect(result.stdout).toMatch(/^OK: the log extends the anchor of \S+ \(position 3 → 5\); the anchor is \d+ (s|min \d+ s) old/m);
      expect(result.code).toBe(0);
    });

    it('given the WAL cut after an anchor, as a crash can leave it → the chain verifies, the anchor reports FAILED (TRUNCATED)', async () => {
      const env = anchorsEnv('truncated');
      const wal = `${env.LEDGER_DB_PATH}-wal`;
      const crashed = join(dir, 'truncated', 'crashed');
      mkdirSync(crashed);
      // Six commits in the WAL; the crash copy keeps the WAL as it was after the fourth.
      const store = new SqliteEventStore({ path: env.LEDGER_DB_PATH });
      const append = (n: number) => store.append('project-2100000001', [{ eventId: randomUUID(), type: 'CapitalIncreased', data: { n }, metadata: {} }], 'any');
      for (let i = 0; i < 4; i++) await append(i);
      const afterFourth = statSync(wal).size;
      for (let i = 4; i < 6; i++) await append(i);
      copyFileSync(env.LEDGER_DB_PATH, join(crashed, 'ledger.db'));
      copyFileSync(wal, join(crashed, 'ledger.db-wal'));
      truncateSync(join(crashed, 'ledger.db-wal'), afterFourth);
      await store.close();
      expect((await ledgerCli(['digest'], env)).stdout).toMatch(/anchored in .*-p6-/);

      const result = await ledgerCli(['verify'], { ...env, LEDGER_DB_PATH: join(crashed, 'ledger.db') });
      expect(result.stdout).toMatch(/FAILED against the anchor .* \(TRUNCATED\): the log ends at position 4, but the anchor of .* records position 6: 2 recorded events are missing/);
      expect(result.code).toBe(1);
    });

    it('given the last event forged with its hash recomputed → FAILED (FORKED)', async () => {
      const env = await anchoredLog('forged', 4);
      const store = new SqliteEventStore({ path: env.LEDGER_DB_PATH });
      const [row] = await store.readPage(3n, 1);
      const { hash: _h, prevHash, ...content } = { ...row, data: { n: 'forged' } };
      store.db.exec('DROP TRIGGER events_are_immutable');
      store.db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = 4').run(JSON.stringify(content.data), chainHash(prevHash, content));
      await store.close();
      const result = await ledgerCli(['verify'], env);
      expect(result.stdout).toMatch(/FAILED against the anchor .* \(FORKED\): position 4 no longer has the hash anchored/);
      expect(result.code).toBe(1);
    });

    it('given the digest key replaced by a fresh one → digest refuses to sign, and an anchor it signed anyway fails verify (SIGNATURE)', async () => {
      const env = await anchoredLog('rekeyed', 2);
      const fresh = { ...env, LEDGER_DIGEST_KEY: join(dir, 'rekeyed', 'fresh-key.pem') };
      const refused = await ledgerCli(['digest'], fresh);
      expect(refused.stdout).toMatch(/FAILED against the anchor .* \(SIGNATURE\)[\s\S]*refusing to sign/);
      expect(refused.code).toBe(1);
      // An attacker writes a newer anchor signed with the fresh key into the sink.
      const forged = await ledgerCli(['digest', '--out', join(dir, 'rekeyed', 'forged.json')], { ...fresh, LEDGER_ANCHOR_DIR: '' });
      expect(forged.code).toBe(0);
      writeFileSync(join(env.LEDGER_ANCHOR_DIR, 'anchor-29991231T000000.000Z-p2-00000000.json'), readFileSync(join(dir, 'rekeyed', 'forged.json')));
      const result = await ledgerCli(['verify'], env);
      expect(result.stdout).toMatch(/FAILED against the anchor .*anchor-29991231T000000\.000Z-p2-00000000\.json \(SIGNATURE\): .* not signed by the trusted key/);
      expect(result.code).toBe(1);
      // The public key inside a digest, if any, is never trusted.
      const sinceDigest = await ledgerCli(['verify', '--since-digest', join(dir, 'rekeyed', 'forged.json')], env);
      expect(sinceDigest.stdout).toMatch(/\(SIGNATURE\)/);
    });

    it('refuses an anchor directory or a digest key inside the log\'s directory', async () => {
      const env = anchorsEnv('inside');
      const sink = await ledgerCli(['verify'], { ...env, LEDGER_ANCHOR_DIR: join(dir, 'inside', 'log', 'anchors') });
      expect(sink.stderr).toMatch(/^Configuration error: LEDGER_ANCHOR_DIR must be outside the log's directory/m);
      const key = await ledgerCli(['digest'], { ...env, LEDGER_DIGEST_KEY: join(dir, 'inside', 'log', 'key.pem') });
      expect(key.stderr).toMatch(/^Configuration error: LEDGER_DIGEST_KEY must be outside the log's directory/m);
      expect([sink.code, key.code]).toEqual([1, 1]);
    });

    it('without an anchor → the chain is checked and verify warns that the tail is not', async () => {
      const env = anchorsEnv('unanchored');
      await appendEvents(env.LEDGER_DB_PATH, 1);
      const result = await ledgerCli(['verify'], { LEDGER_DB_PATH: env.LEDGER_DB_PATH });
      expect(result.stdout).toMatch(/WARNING: no anchor checked .* a vanished or re-hashed tail cannot be detected\nOK 1 events/);
    });
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
