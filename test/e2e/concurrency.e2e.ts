import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { startApiProcess } from '../support/api-process';
import { capitalChange, fdiCertificate } from '../support/certificates';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

describe('concurrent writers', () => {
  let server: LedgerServer;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startLedgerServer();
    http = client(server.baseUrl, bearer('officer', 'BQL-HN'));
  });
  afterAll(() => server.close());

  it('50 parallel increases holding the same If-Match: exactly one succeeds, 49 get 409', async () => {
    const code = '2101500001';
    await http.post('/api/v1/projects', fdiCertificate(code));
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange(String(1000 + i), '1.00', '2016-05-01'), { 'If-Match': '"1"' })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(49);
    expect(await server.store.readStream(`project-${code}`)).toHaveLength(2);
  });

  it('50 parallel increases without If-Match all succeed, numbered 1..50, capital = sum', async () => {
    const code = '2101500002';
    await http.post('/api/v1/projects', fdiCertificate(code));
    const replies = await Promise.all(Array.from({ length: 50 }, () => http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('1000', '1.00', '2016-05-01'))));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = replies.map((r) => r.body.events[0].adjustmentNo).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const project = await http.get(`/api/v1/projects/${code}`);
    expect(project.body.registeredCapital).toMatchObject({ vnd: String(235000000000 + 50 * 1000), usd: '10000050.00' });
  });
});

describe('two API processes on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-two-apis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parallel increases through both processes all land once, numbered densely', async () => {
    const env = { LEDGER_DB_PATH: join(dir, 'ledger.db'), LEDGER_JWT_SECRET: TEST_JWT_SECRET };
    const a = await startApiProcess({ ...env, LEDGER_READ_DB_PATH: join(dir, 'a.read.db') });
    const b = await startApiProcess({ ...env, LEDGER_READ_DB_PATH: join(dir, 'b.read.db') });
    try {
      const [ha, hb] = [client(a.baseUrl, bearer('officer', 'BQL-HN')), client(b.baseUrl, bearer('officer', 'BQL-HN'))];
      const code = '2101500003';
      expect((await ha.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? ha : hb).post(`/api/v1/projects/${code}/capital-increases`, capitalChange('1000', '1.00', '2016-05-01'))));
      expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
      const stale = await Promise.all([ha, hb].map((h) => h.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('1', '1.00', '2016-05-01'), { 'If-Match': '"41"' })));
      expect(stale.map((r) => r.status).sort()).toEqual([201, 409]);
    } finally {
      await a.stop();
      await b.stop();
    }
    const store = new SqliteEventStore({ path: join(dir, 'ledger.db') });
    const events = await store.readStream('project-2101500003');
    expect(events.map((e) => Number(e.streamVersion))).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect(events.slice(1).map((e) => (e.data as { adjustmentNo: number }).adjustmentNo)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    await store.close();
  });
});
