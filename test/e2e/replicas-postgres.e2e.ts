import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, readAll, verifyChain, type EventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';
import { readModelCheckpoint } from '../../apps/ledger-cli/src/commands/read-models';
import { createLedgerDatabase, describeWithPostgres } from '../../libs/event-store/src/testing/postgres-cluster';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { capitalChange, fdiCertificate } from '../support/certificates';
import { ledgerCli } from '../support/cli';
import { TEST_JWT_SECRET, bearer, client } from '../support/ledger-server';
import { dumpReadModels } from '../support/read-models';

const SHARED = ['2104000001', '2104000002'];
const officer = bearer('officer', 'BQL-HN');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests per officer loop at most: the load stops by itself even if the test's own stop is never reached. */
const MAX_REQUESTS_PER_LOOP = 400;

/** The store seen through a counter of where each page read starts. */
function recordingPageStarts(store: EventStore, starts: bigint[]): EventStore {
  return new Proxy(store, {
    get: (target, key) => (key === 'readPage' ? (after: bigint, limit: number) => (starts.push(after), target.readPage(after, limit)) : Reflect.get(target, key)),
  });
}

describeWithPostgres('three API replicas on one PostgreSQL log', (cluster) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-replicas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const replicas: ApiProcess[] = [];
  // Before the cluster stops: no replica outlives the test, whatever failed.
  afterEach(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGKILL')));
  });

  it('concurrent writes through all three, one SIGKILLed and restarted: every acknowledged write once, chain verifies, every replica equals a clean rebuild', async () => {
    const { apiUrl } = await createLedgerDatabase(cluster(), 'replicas');
    const pgEnv = { LEDGER_STORE: 'postgres', LEDGER_PG_URL: apiUrl, LEDGER_JWT_SECRET: TEST_JWT_SECRET };
    const readModels = (name: string) => join(dir, `${name}.read.db`);
    const start = (name: string) => startApiProcess({ ...pgEnv, LEDGER_READ_DB_PATH: readModels(name) });
    const names = ['a', 'b', 'c'];
    replicas.push(...(await Promise.all(names.map((name) => start(name)))));
    const http = (r: number) => client(replicas[r].baseUrl, officer);

    for (const code of SHARED) expect((await http(0).post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);

    // Read-your-writes across replicas: a write acknowledged by A is visible on C with minPosition.
    const issued = await http(0).post('/api/v1/projects', fdiCertificate('2104000003'));
    const seenOnC = await http(2).get(`/api/v1/reports/valid-projects?asOf=2026-01-01&minPosition=${issued.body.position}`);
    expect(seenOnC.status).toBe(200);
    expect(seenOnC.body.total.FDI.validProjects).toBe(3);

    const acknowledgedIssues: string[] = ['2104000001', '2104000002', '2104000003'];
    const acknowledgedReasons: string[] = [];
    const acksBy = [0, 0, 0];
    let conflicts = 0;
    let attempts = 0;
    let stop = false;
    let failure: unknown;
    /** Waits until `done()` holds or the load has failed or ended, checking every 50 ms. */
    const until = async (done: () => boolean, what: string) => {
      while (!done()) {
        if (failure) throw failure;
        if (stop) throw new Error(`the load ended before ${what}`);
        await sleep(50);
      }
    };

    /** One officer's loop against replica r: a write that fails in transit (replica killed) is not acknowledged. */
    const officerLoop = async (r: number, kind: 'issue' | 'free' | 'if-match') => {
      for (let i = 0; !stop && i < MAX_REQUESTS_PER_LOOP; i++) {
        attempts += 1;
        try {
          if (kind === 'issue') {
            const code = `21041${r}${String(i).padStart(4, '0')}`;
            const reply = await http(r).post('/api/v1/projects', fdiCertificate(code), { 'Idempotency-Key': `replica-${code}` });
            if (reply.status === 201) acknowledgedIssues.push(code);
          } else {
            const code = SHARED[i % SHARED.length];
            const reason = `${kind} ${r}-${i}`;
            const held = kind === 'if-match' ? { 'If-Match': (await http(r).get(`/api/v1/projects/${code}`)).headers.get('etag') as string } : undefined;
            const reply = await http(r).post(`/api/v1/projects/${code}/capital-increases`, capitalChange('1000', '1.00', '2016-05-01', reason), held);
            if (reply.status === 201) acknowledgedReasons.push(reason);
            else if (reply.status === 409 && held) conflicts += 1;
            else throw new Error(`unexpected ${reply.status} for ${reason}: ${JSON.stringify(reply.body)}`);
          }
          acksBy[r] += 1;
        } catch (error) {
          // Node's fetch (not jest's realm, so no instanceof): the replica is down or died mid-request.
          if ((error as Error).message !== 'fetch failed') throw error;
          await sleep(50);
        }
      }
    };
    const load = Promise.all(names.flatMap((_, r) => (['issue', 'free', 'if-match'] as const).map((kind) => officerLoop(r, kind))))
      .catch((error: unknown) => (failure = error))
      .finally(() => (stop = true));
    const total = () => acksBy.reduce((a, b) => a + b, 0);

    await until(() => total() >= 45, '45 acknowledged writes');
    await replicas[1].stop('SIGKILL');
    const afterKill = total();
    await until(() => total() >= afterKill + 24, 'writes through the other two replicas');
    replicas[1] = await start('b');
    const bBefore = acksBy[1];
    await until(() => acksBy[1] >= bBefore + 6, 'writes through the restarted replica');

    // An online copy of C's read models while C projects under load.
    const backup = join(dir, 'c-backup.read.db');
    const copied = await ledgerCli(['read-models', 'backup', '--out', backup], { ...pgEnv, LEDGER_READ_DB_PATH: readModels('c') });
    expect(copied.stdout).toMatch(/copied to .* at checkpoint \d+/);
    // A fourth replica starts from the copy while the others keep writing.
    copyFileSync(backup, readModels('d'));
    replicas.push(await start('d'));
    const afterBackup = total();
    await until(() => total() >= afterBackup + 20, 'writes after the backup');
    stop = true;
    await load;
    if (failure) throw failure;

    const store = new PostgresEventStore({ url: apiUrl });
    const head = await store.headPosition();
    for (const code of acknowledgedIssues) expect((await store.readStream(`project-${code}`)).filter((e) => e.type === 'CertificateIssued')).toHaveLength(1);
    const reasons = new Map<string, number>();
    for await (const e of readAll(store)) {
      const reason = (e.data as { reason?: string }).reason;
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const reason of acknowledgedReasons) expect(reasons.get(reason)).toBe(1);
    expect([...reasons.values()].every((n) => n === 1)).toBe(true);
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: head });
    expect(conflicts).toBeGreaterThan(0); // If-Match writers did collide across replicas, and lost cleanly

    // Started from the backup, read models resume at the backup's checkpoint, not at 0.
    const checkpoint = readModelCheckpoint(backup);
    expect(checkpoint).toBeGreaterThan(0n);
    expect(checkpoint).toBeLessThan(head);
    const probe = readModels('probe');
    copyFileSync(backup, probe);
    const starts: bigint[] = [];
    const resumed = new ProjectionRunner(recordingPageStarts(store, starts), probe, allProjections());
    await resumed.catchUp();
    await resumed.close();
    expect(starts[0]).toBe(checkpoint);

    // Every replica answers the same report once caught up, and its read models equal a clean rebuild.
    const reports = await Promise.all(replicas.map((_, r) => client(replicas[r].baseUrl, bearer('auditor')).get(`/api/v1/reports/valid-projects?asOf=2026-01-01&minPosition=${head}`)));
    expect(reports.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const report of reports) expect(report.body).toEqual(reports[0].body);
    await Promise.all(replicas.map((r) => r.stop()));
    const clean = new ProjectionRunner(store, join(dir, 'clean.read.db'), allProjections());
    await clean.rebuild();
    await clean.close();
    const rebuilt = dumpReadModels(join(dir, 'clean.read.db'));
    for (const name of [...names, 'd', 'probe']) expect(dumpReadModels(readModels(name))).toEqual(rebuilt);
    await store.close();
    console.info(`three replicas: ${attempts} writes attempted, ${acknowledgedIssues.length} issues and ${acknowledgedReasons.length} increases acknowledged, each found once; ${conflicts} If-Match conflicts; log head ${head}; backup checkpoint ${checkpoint}`);
  }, 240_000);
});
