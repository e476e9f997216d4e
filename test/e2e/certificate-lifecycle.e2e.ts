import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

describe('certificate lifecycle over HTTP (real SQLite file)', () => {
  let server: LedgerServer;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startLedgerServer();
    http = client(server.baseUrl, bearer('officer', 'BQL-HN'));
  });
  afterAll(() => server.close());

  it('issued, increased twice, decreased once and terminated: right state, five events, adjustments 1–3', async () => {
    const code = '2101000001';
    const issued = await http.post('/api/v1/projects', fdiCertificate(code));
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ projectCode: code, streamVersion: 1, events: [{ type: 'CertificateIssued' }] });
    expect(issued.headers.get('etag')).toBe('"1"');

    const inc1 = await http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('23500000000', '1000000.00', '2016-06-01'));
    const inc2 = await http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('47000000000', '2000000.00', '2017-02-01'));
    const dec = await http.post(`/api/v1/projects/${code}/capital-decreases`, capitalChange('11750000000', '500000.00', '2018-05-01'));
    expect([inc1, inc2, dec].map((r) => [r.status, r.body.events[0].adjustmentNo])).toEqual([
      [201, 1],
      [201, 2],
      [201, 3],
    ]);
    expect(BigInt(dec.body.position)).toBeGreaterThan(BigInt(inc2.body.position));

    const before = await http.get(`/api/v1/projects/${code}`);
    expect(before.body).toMatchObject({
      status: 'VALID',
      adjustmentNo: 3,
      registeredCapital: { vnd: '293750000000', usd: '12500000.00', exchangeRate: '23500' },
      version: 4,
    });

    const terminated = await http.post(`/api/v1/projects/${code}/termination`, { ground: 'INVESTOR_DECISION', effectiveOn: '2020-01-10', decisionRef: '15/QĐ-BQL' });
    expect(terminated.status).toBe(201);

    const project = await http.get(`/api/v1/projects/${code}`);
    expect(project.body).toMatchObject({ status: 'TERMINATED', terminatedOn: '2020-01-10', terminationGround: 'INVESTOR_DECISION', version: 5 });

    const history = await http.get(`/api/v1/projects/${code}/events`);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CertificateIssued',
      'CapitalIncreased',
      'CapitalIncreased',
      'CapitalDecreased',
      'ProjectTerminated',
    ]);
    expect(history.body.events.filter((e: { data: { adjustmentNo?: number } }) => e.data.adjustmentNo).map((e: { data: { adjustmentNo: number } }) => e.data.adjustmentNo)).toEqual([1, 2, 3]);
    for (const e of history.body.events) {
      expect(e.metadata).toMatchObject({ actor: expect.any(String), role: expect.any(String), boardId: 'BQL-HN', requestId: expect.any(String), schemaVersion: 1 });
      expect(e.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(e.recordedAt))).toBe(false);
    }
    expect(history.body.events[4].metadata.decisionRef).toBe('15/QĐ-BQL');
  });

  it('shows the certificate as of an earlier legal date', async () => {
    const code = '2101000002';
    await http.post('/api/v1/projects', fdiCertificate(code));
    await http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('23500000000', '1000000.00', '2019-06-01'));
    const asOf2018 = await http.get(`/api/v1/projects/${code}?asOf=2018-12-31`);
    expect(asOf2018.body).toMatchObject({ registeredCapital: { vnd: '235000000000', usd: '10000000.00' }, adjustmentNo: 0, asOf: '2018-12-31' });
    expect((await http.get(`/api/v1/projects/${code}?asOf=2016-01-01`)).status).toBe(404);
  });

  it('accepts a legacy licence number as project code, URL-encoded in paths', async () => {
    const code = '123/GP-KCN-BG';
    expect((await http.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
    const increased = await http.post(`/api/v1/projects/${encodeURIComponent(code)}/capital-increases`, capitalChange('100', '1.00', '2016-04-01'));
    expect(increased.status).toBe(201);
    expect((await http.get(`/api/v1/projects/${encodeURIComponent(code)}`)).body.projectCode).toBe(code);
  });

  it('with If-Match: a stale version gets 409 and appends nothing; the current one succeeds', async () => {
    const code = '2101000003';
    await http.post('/api/v1/projects', fdiCertificate(code));
    await http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('100', '1.00', '2016-04-01'));
    const count = await server.eventCount();
    const stale = await http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('100', '1.00', '2016-04-02'), { 'If-Match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await server.eventCount()).toBe(count);
    const fresh = await http.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('100', '1.00', '2016-04-02'), { 'If-Match': '"2"' });
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('etag')).toBe('"3"');
  });

  it('with Idempotency-Key: a retry returns the first result and appends nothing; another body is refused', async () => {
    const code = '2101000004';
    const key = { 'Idempotency-Key': 'issue-2101000004-attempt' };
    const first = await http.post('/api/v1/projects', fdiCertificate(code), key);
    const count = await server.eventCount();
    const retry = await http.post('/api/v1/projects', fdiCertificate(code), key);
    expect(retry.status).toBe(201);
    expect({ ...retry.body, replayed: false }).toEqual(first.body);
    expect(retry.body.replayed).toBe(true);
    expect(await server.eventCount()).toBe(count);
    const other = await http.post('/api/v1/projects', fdiCertificate(code, { projectName: 'Khác' }), key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await server.eventCount()).toBe(count);
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.eventStore.status).toBe('up');
    const docs = await http.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/projects', '/api/v1/projects/{code}/capital-decreases']));
  });
});
