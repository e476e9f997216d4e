import { dirname, join } from 'node:path';
import { allProjections, ProjectionRunner } from '@ledger/projections';
import { capitalChange, ddiCertificate, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * The report cache (issue 21): a report's JSON answer is kept per request and caller scope until the
 * read models' checkpoint moves. Kept answers must be exactly what the report would compute now.
 */
describe('report cache', () => {
  let cached: LedgerServer;
  let uncached: LedgerServer;
  let now = new Date('2016-03-15T03:00:00Z');
  const clock = () => now;
  const analystOf = (s: LedgerServer) => client(s.baseUrl, bearer('analyst'));
  const officerOf = (s: LedgerServer, board = 'BQL-HN') => client(s.baseUrl, bearer('officer', board));

  const counters = async (s: LedgerServer) => {
    const text = (await client(s.baseUrl).get<string>('/metrics')).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    return { hits: value('ledger_report_cache_hits_total'), misses: value('ledger_report_cache_misses_total'), logHits: value('ledger_log_answer_cache_hits_total'), logMisses: value('ledger_log_answer_cache_misses_total') };
  };
  /** The same request twice on the cached server and once on the uncached one: statuses checked, texts and replies. */
  const twiceAndUncached = async (path: string, role: 'analyst' | 'auditor') => {
    const ask = (s: LedgerServer) => fetch(`${s.baseUrl}${path}`, { headers: bearer(role) });
    const [first, second, fresh] = [await ask(cached), await ask(cached), await ask(uncached)];
    expect([first.status, second.status, fresh.status]).toEqual([200, 200, 200]);
    return { first, second, fresh, texts: [await first.text(), await second.text(), await fresh.text()] };
  };
  /** Waits until the in-process projector has every event of the log. */
  const caughtUp = async (s: LedgerServer) => s.runner().waitFor(await s.store.headPosition(), 5000);

  /** The same acts on both servers: two FDI projects of Hà Nội, a DDI one of Bắc Ninh, an increase. */
  const record = async (s: LedgerServer) => {
    now = new Date('2016-03-15T03:00:00Z');
    expect((await officerOf(s).post('/api/v1/projects', fdiCertificate('2101000001'))).status).toBe(201);
    expect((await officerOf(s).post('/api/v1/projects', fdiCertificate('2101000002', { issuedOn: '2016-03-10' }))).status).toBe(201);
    expect((await officerOf(s, 'BQL-BN').post('/api/v1/projects', ddiCertificate('2301000001', 'BQL-BN', 'KCN-QUE-VO', '2016-03-01'))).status).toBe(201);
    now = new Date('2016-06-20T03:00:00Z');
    expect((await officerOf(s).post('/api/v1/projects/2101000001/capital-increases', capitalChange('23500000000', '1000000.00', '2016-06-01'))).status).toBe(201);
    await caughtUp(s);
  };

  beforeAll(async () => {
    cached = await startLedgerServer({}, clock);
    uncached = await startLedgerServer({ LEDGER_REPORT_CACHE_MB: '0' }, clock);
    await record(cached);
    await record(uncached);
  });
  afterAll(async () => {
    await cached?.close();
    await uncached?.close();
  });

  const DASHBOARD = [
    '/api/v1/reports/valid-projects?asOf=2016-12-31',
    '/api/v1/reports/valid-projects?asOf=2016-12-31&groupBy=board&groupBy=origin',
    '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31',
    '/api/v1/reports/timeseries?metric=newCapital&interval=quarter&from=2016-01-01&to=2016-12-31&origin=FDI',
    '/api/v1/projects?sort=projectCode&order=asc&page=1&pageSize=10&asOf=2016-12-31',
    '/api/v1/reports/zones?asOf=2016-12-31',
    '/api/v1/reports/dossiers?from=2016-01-01&to=2016-12-31',
  ];

  it('given the log still, when a report is asked twice, then the second is a kept answer with the same text and ETag as a server without the cache', async () => {
    for (const path of DASHBOARD) {
      const before = await counters(cached);
      const { second, fresh, texts: [a, b, c] } = await twiceAndUncached(path, 'analyst');
      const after = await counters(cached);
      expect(b).toBe(a);
      expect(b).toBe(c);
      expect(second.headers.get('content-type')).toBe(fresh.headers.get('content-type'));
      expect(second.headers.get('etag')).toBe(fresh.headers.get('etag'));
      expect(after).toEqual({ ...before, hits: before.hits + 1, misses: before.misses + 1 });
    }
  });

  it('given a kept answer, when If-None-Match carries its ETag, then the answer is 304 without a body, as without the cache', async () => {
    const path = DASHBOARD[0];
    // fetch() adds `Cache-Control: no-cache` to a conditional request unless told otherwise, and express then never answers 304.
    const conditional = async (s: LedgerServer) => {
      const first = await fetch(`${s.baseUrl}${path}`, { headers: bearer('analyst') });
      const again = await fetch(`${s.baseUrl}${path}`, { headers: { ...bearer('analyst'), 'if-none-match': first.headers.get('etag') as string, 'cache-control': 'max-age=0' } });
      return [again.status, await again.text()];
    };
    expect(await conditional(cached)).toEqual([304, '']);
    expect(await conditional(uncached)).toEqual([304, '']);
  });

  it('given a kept answer, when an act is recorded, then the next answer includes it — at once with minPosition, and after the catch-up without it', async () => {
    const path = '/api/v1/reports/valid-projects?asOf=2016-12-31';
    const before = (await analystOf(cached).get(path)).body.total.FDI;
    expect(before.validProjects).toBe(2);
    // The projector stopped: the read models move only when a request waits for a position.
    await cached.runner().stop();
    // Recorded the same day (the clock stays at 20/06/2016): only the checkpoint tells the answers apart.
    const issued = await officerOf(cached).post('/api/v1/projects', fdiCertificate('2101000003', { issuedOn: '2016-06-19' }));
    expect(issued.status).toBe(201);
    expect((await analystOf(cached).get(`${path}&minPosition=${issued.body.position}`)).body.total.FDI.validProjects).toBe(3);
    cached.runner().start();
    expect((await analystOf(cached).get(path)).body.total.FDI.validProjects).toBe(3);
    const register = await analystOf(cached).get('/api/v1/projects?sort=projectCode&order=asc&page=1&pageSize=10&asOf=2016-12-31');
    expect(register.body.items.map((p: { projectCode: string }) => p.projectCode)).toContain('2101000003');
  });

  it('when officers of two boards ask the same report, then the second is computed for its own scope, never answered with the first one’s', async () => {
    const path = '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&groupBy=board';
    const before = await counters(cached);
    const hanoi = await officerOf(cached, 'BQL-HN').get(path);
    const bacNinh = await officerOf(cached, 'BQL-BN').get(path);
    const hanoiAgain = await officerOf(cached, 'BQL-HN').get(path);
    expect([hanoi.status, bacNinh.status, hanoiAgain.status]).toEqual([200, 200, 200]);
    expect(await counters(cached)).toEqual({ ...before, hits: before.hits + 1, misses: before.misses + 2 });
    // And a board's filter is its own entry: Hà Nội's figures are not Bắc Ninh's.
    const own = (board: string) => officerOf(cached, board).get(`/api/v1/reports/valid-projects?asOf=2016-12-31&boardId=${board}`);
    const [hn, bn] = [(await own('BQL-HN')).body.total, (await own('BQL-BN')).body.total];
    expect([hn.FDI.validProjects, hn.DDI.validProjects]).toEqual([3, 0]);
    expect([bn.FDI.validProjects, bn.DDI.validProjects]).toEqual([0, 1]);
  });

  it('given answers kept for several knownAt instants, then each gives what was known then', async () => {
    const at = (knownAt: string) => analystOf(cached).get(`/api/v1/reports/valid-projects?asOf=2016-12-31&knownAt=${knownAt}`);
    for (let round = 0; round < 2; round++) {
      // The increase and the third project were recorded at 2016-06-20T03:00:00Z.
      expect((await at('2016-06-20T02:59:59Z')).body.total.FDI.registeredCapital.amount).toBe('20000000.00');
      expect((await at('2016-06-20T03:00:00Z')).body.total.FDI.registeredCapital.amount).toBe('31000000.00');
    }
  });

  it('given an answer kept for today, when the day changes with the log still, then a report as of today is as of the new day', async () => {
    now = new Date('2016-07-02T03:00:00Z');
    const path = '/api/v1/reports/valid-projects';
    expect((await analystOf(cached).get(path)).body.asOf).toBe('2016-07-02');
    now = new Date('2016-07-03T03:00:00Z');
    expect((await analystOf(cached).get(path)).body.asOf).toBe('2016-07-03');
  });

  it('exports and refused requests are not kept: a CSV after the JSON is a CSV, and a bad query stays a 400 after a good one', async () => {
    const path = '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31';
    expect((await analystOf(cached).get(path)).status).toBe(200);
    const csv = await fetch(`${cached.baseUrl}${path}&format=csv`, { headers: bearer('analyst') });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bad = await analystOf(cached).get('/api/v1/reports/activity?from=2016-12-31&to=2016-01-01');
    expect(bad.status).toBe(400);
    expect((await analystOf(cached).get('/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&minPosition=x')).status).toBe(400);
  });

  it('given read models fed by a projector the API does not run, when that projector catches up after an act, then the kept answer is replaced', async () => {
    const api = await startLedgerServer({ LEDGER_PROJECTOR: 'external' }, clock);
    const projector = new ProjectionRunner(api.store, api.config.readDbPath, allProjections());
    try {
      now = new Date('2016-03-15T03:00:00Z');
      expect((await officerOf(api).post('/api/v1/projects', fdiCertificate('2101000001'))).status).toBe(201);
      await projector.catchUp();
      const path = '/api/v1/reports/valid-projects?asOf=2016-12-31';
      expect((await analystOf(api).get(path)).body.total.FDI.validProjects).toBe(1);
      expect((await officerOf(api).post('/api/v1/projects', fdiCertificate('2101000002', { issuedOn: '2016-03-14' }))).status).toBe(201);
      expect((await analystOf(api).get(path)).body.total.FDI.validProjects).toBe(1); // not projected yet
      await projector.catchUp();
      expect((await analystOf(api).get(path)).body.total.FDI.validProjects).toBe(2);
    } finally {
      await projector.close();
      await api.close();
    }
  });
  /** An answer without the ids and hashes that two recordings of the same acts never share. */
  const recordedAlike = (text: string) => JSON.parse(text, (key, value) => (['eventId', 'commandId', 'requestId', 'hash', 'prevHash'].includes(key) ? undefined : value));
  const PROJECT = ['/api/v1/projects/2101000001?asOf=2016-12-31', '/api/v1/projects/2101000001', '/api/v1/projects/2101000001/events', '/api/v1/projects/2101000001/events?after=1&limit=1'];

  it('given the log still, when a project’s certificate or history is asked twice, then the second is a kept answer with the same text and ETag (the certificate’s: its version) as when computed', async () => {
    for (const path of PROJECT) {
      const before = await counters(cached);
      const { first, second, fresh, texts: [a, b, c] } = await twiceAndUncached(path, 'auditor');
      expect(b).toBe(a);
      // The two servers' logs differ only in what each recording draws anew: ids and hashes.
      expect(recordedAlike(b)).toEqual(recordedAlike(c));
      expect(second.headers.get('content-type')).toBe(fresh.headers.get('content-type'));
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(await counters(cached)).toEqual({ ...before, logHits: before.logHits + 1, logMisses: before.logMisses + 1 });
    }
    expect((await fetch(`${cached.baseUrl}${PROJECT[0]}`, { headers: bearer('auditor') })).headers.get('etag')).toBe('"2"');
  });

  it('given a kept certificate, when an act is recorded on the project, then the next certificate and history include it at once, without waiting for the read models', async () => {
    const officer = officerOf(cached);
    expect((await officer.get('/api/v1/projects/2101000002')).body.version).toBe(1);
    expect((await officer.get('/api/v1/projects/2101000002/events')).body.events).toHaveLength(1);
    await cached.runner().stop();
    try {
      now = new Date('2016-06-21T03:00:00Z');
      expect((await officer.post('/api/v1/projects/2101000002/capital-increases', capitalChange('23500000000', '1000000.00', '2016-06-21'))).status).toBe(201);
      const certificate = await officer.get('/api/v1/projects/2101000002');
      expect([certificate.body.version, certificate.headers.get('etag')]).toEqual([2, '"2"']);
      expect((await officer.get('/api/v1/projects/2101000002/events')).body.events.map((e: { type: string }) => e.type)).toEqual(['CertificateIssued', 'CapitalIncreased']);
    } finally {
      cached.runner().start();
    }
  });

  it('given a kept certificate, when another process appends to the same log, then the next answer is read again and includes it', async () => {
    const other = await startLedgerServer({ LEDGER_DB_PATH: cached.config.dbPath, LEDGER_READ_DB_PATH: join(dirname(cached.config.dbPath), 'other.read-models.db') }, clock);
    try {
      const before = (await officerOf(cached).get('/api/v1/projects/2301000001?asOf=2016-12-31')).body;
      expect((await officerOf(cached).get('/api/v1/projects/2301000001?asOf=2016-12-31')).body).toEqual(before);
      now = new Date('2016-06-22T03:00:00Z');
      expect((await officerOf(other, 'BQL-BN').post('/api/v1/projects/2301000001/capital-increases', capitalChange('10000000000', undefined, '2016-06-22'))).status).toBe(201);
      const after = (await officerOf(cached).get('/api/v1/projects/2301000001?asOf=2016-12-31')).body;
      expect(after.version).toBe(before.version + 1);
      expect(BigInt(after.registeredCapital.vnd)).toBe(BigInt(before.registeredCapital.vnd) + 10_000_000_000n);
    } finally {
      await other.close();
    }
  });
});
