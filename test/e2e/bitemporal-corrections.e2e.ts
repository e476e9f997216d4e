import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * A timeline with back-dated acts, a correction and a revoked termination, recorded on a
 * controlled system clock: legal dates (asOf) and system time (knownAt) are independent axes.
 */
describe('bitemporal history and corrections', () => {
  let server: LedgerServer;
  let officer: ReturnType<typeof client>;
  let auditor: ReturnType<typeof client>;
  let now = new Date('2016-03-15T03:00:00Z');
  const code = '2101777001';
  const at = (iso: string) => (now = new Date(iso));
  let lastPosition = '0';
  const write = async (path: string, body: unknown) => {
    const reply = await officer.post(path, body);
    expect(reply.status).toBe(201);
    lastPosition = reply.body.position;
    return reply;
  };
  const fdiValid = async (asOf: string, knownAt?: string) => {
    const reply = await auditor.get(`/api/v1/reports/valid-projects?asOf=${asOf}&minPosition=${lastPosition}${knownAt ? `&knownAt=${knownAt}` : ''}`);
    expect(reply.status).toBe(200);
    return reply.body.total.FDI as { validProjects: number; registeredCapital: { currency: string; amount: string } };
  };

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    officer = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    auditor = client(server.baseUrl, bearer('auditor'));
    at('2016-03-15T03:00:00Z');
    await write('/api/v1/projects', fdiCertificate(code));
    at('2016-12-20T03:00:00Z');
    await write(`/api/v1/projects/${code}/capital-increases`, capitalChange('23500000000', '1000000.00', '2016-12-01'));
    at('2017-03-10T03:00:00Z'); // recorded in March, effective back in November
    await write(`/api/v1/projects/${code}/capital-decreases`, capitalChange('11750000000', '500000.00', '2016-11-15'));
    at('2017-04-01T03:00:00Z'); // the increase was really 2 M USD
    await write(`/api/v1/projects/${code}/corrections`, { correctsVersion: 2, correctedData: capitalChange('47000000000', '2000000.00', '2016-12-01'), reason: 'Nhập sai số vốn tăng' });
  });
  afterAll(() => server.close());

  it('reports what was known at each system time about 31/12/2016', async () => {
    expect(await fdiValid('2016-12-31', '2017-01-01T00:00:00Z')).toMatchObject({ validProjects: 1, registeredCapital: { currency: 'USD', amount: '11000000.00' } });
    expect(await fdiValid('2016-12-31', '2017-03-15T00:00:00Z')).toMatchObject({ registeredCapital: { amount: '10500000.00' } });
    expect(await fdiValid('2016-12-31')).toMatchObject({ registeredCapital: { amount: '11500000.00' } });
  });

  it('a back-dated act moves figures for the legal dates it affects only', async () => {
    expect(await fdiValid('2016-11-14')).toMatchObject({ registeredCapital: { amount: '10000000.00' } });
    expect(await fdiValid('2016-11-15')).toMatchObject({ registeredCapital: { amount: '9500000.00' } });
  });

  it('the project as of a date, as known at a time', async () => {
    const then = await auditor.get(`/api/v1/projects/${code}?asOf=2016-12-31&knownAt=2017-01-01T00:00:00Z`);
    expect(then.body).toMatchObject({ registeredCapital: { usd: '11000000.00' }, adjustmentNo: 1, version: 2 });
    const nowView = await auditor.get(`/api/v1/projects/${code}?asOf=2016-12-31`);
    expect(nowView.body).toMatchObject({ registeredCapital: { usd: '11500000.00' }, adjustmentNo: 2, version: 4 });
    expect(nowView.body.history).toBeUndefined();
  });

  it('the audit trail shows who recorded what and which event corrected it', async () => {
    const events = await auditor.get(`/api/v1/projects/${code}/events`);
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['CertificateIssued', 'CapitalIncreased', 'CapitalDecreased', 'EventCorrected']);
    expect(events.body.events[1].correctedBy).toEqual([4]);
    expect(events.body.events[3]).toMatchObject({ metadata: { actor: 'officer-BQL-HN', role: 'officer', boardId: 'BQL-HN' }, recordedAt: '2017-04-01T03:00:00.000Z' });
    const log = await auditor.get('/api/v1/audit/log?from=2017-01-01T00:00:00Z&limit=10');
    expect(log.body.items.map((e: { type: string }) => e.type)).toEqual(['CapitalDecreased', 'EventCorrected']);
  });

  it('a termination revoked by correction: invalid in between as known then, valid as known now', async () => {
    at('2017-05-01T03:00:00Z');
    await write(`/api/v1/projects/${code}/termination`, { ground: 'UNCONTACTABLE_12M', effectiveOn: '2017-05-01', decisionRef: '88/QĐ-BQL' });
    expect(await fdiValid('2017-05-02')).toMatchObject({ validProjects: 0, registeredCapital: { amount: '0.00' } });
    at('2017-06-10T03:00:00Z');
    await write(`/api/v1/projects/${code}/corrections`, { correctsVersion: 5, revoked: true, reason: 'Nhà đầu tư đã liên hệ lại' });
    expect(await fdiValid('2017-05-02')).toMatchObject({ validProjects: 1, registeredCapital: { amount: '11500000.00' } });
    expect(await fdiValid('2017-05-02', '2017-06-01T00:00:00Z')).toMatchObject({ validProjects: 0 });
    expect((await auditor.get(`/api/v1/projects/${code}`)).body.status).toBe('VALID');
  });

  it('a correction that would break a rule is 422 and appends nothing', async () => {
    const before = await server.eventCount();
    const reply = await officer.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 3, correctedData: capitalChange('235000000000', '20000000.00', '2016-11-15'), reason: 'x' });
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('CAPITAL_WOULD_BE_NON_POSITIVE');
    const malformed = await officer.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 3, correctedData: { amount: { vnd: 5 } }, reason: 'x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toContain('correctedData.amount.vnd');
    expect(await server.eventCount()).toBe(before);
  });

  it('rebuilding the read models from zero gives the same figures', async () => {
    const live = await auditor.get('/api/v1/reports/valid-projects?asOf=2017-12-31&groupBy=board,origin');
    const activityLive = await auditor.get('/api/v1/reports/activity?from=2016-01-01&to=2016-12-31');
    const runner = server.runner();
    await runner.rebuild();
    expect((await auditor.get('/api/v1/reports/valid-projects?asOf=2017-12-31&groupBy=board,origin')).body).toEqual(live.body);
    expect((await auditor.get('/api/v1/reports/activity?from=2016-01-01&to=2016-12-31')).body).toEqual(activityLive.body);
  });
});
