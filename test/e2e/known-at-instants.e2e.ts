import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * `knownAt` is an instant, whatever offset it is written in: the reports and the project view give
 * the same figures for `…T09:59:59+07:00` and `…T02:59:59Z` (issue 13, defect 7: compared as text,
 * an offset form could include acts recorded after the instant).
 */
describe('knownAt compares instants', () => {
  let server: LedgerServer;
  let auditor: ReturnType<typeof client>;
  let now = new Date('2016-03-15T03:00:00Z');
  const code = '2101777002';
  let lastPosition = '0';

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    const officer = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    auditor = client(server.baseUrl, bearer('auditor'));
    expect((await officer.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
    now = new Date('2016-12-20T03:00:00.000Z');
    const increase = await officer.post(`/api/v1/projects/${code}/capital-increases`, capitalChange('23500000000', '1000000.00', '2016-12-01'));
    expect(increase.status).toBe(201);
    lastPosition = increase.body.position;
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const reply = await auditor.get(path);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  /** Every figure the read side gives for one knownAt, written as the client wrote it. */
  const figuresKnownAt = async (knownAt: string) => {
    const at = `knownAt=${encodeURIComponent(knownAt)}&minPosition=${lastPosition}`;
    const valid = await get(`/api/v1/reports/valid-projects?asOf=2016-12-31&${at}`);
    const activity = await get(`/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&${at}`);
    const series = await get(`/api/v1/reports/timeseries?metric=increasedCapital&interval=quarter&from=2016-01-01&to=2016-12-31&${at}`);
    const project = await get(`/api/v1/projects/${code}?asOf=2016-12-31&${at}`);
    return {
      registered: valid.total.FDI.registeredCapital.amount,
      increases: activity.total.FDI.current.increases.count,
      q4Increase: series.series[3].FDI,
      projectUsd: project.registeredCapital.usd,
      echoed: [valid.knownAt, activity.knownAt, series.knownAt, project.knownAt],
    };
  };

  it('one second before the increase was recorded, in +07:00 and in Z: the increase is not known yet', async () => {
    const before = { registered: '10000000.00', increases: 0, q4Increase: '0.00', projectUsd: '10000000.00', echoed: Array(4).fill('2016-12-20T02:59:59.000Z') };
    expect(await figuresKnownAt('2016-12-20T09:59:59+07:00')).toEqual(before);
    expect(await figuresKnownAt('2016-12-20T02:59:59Z')).toEqual(before);
  });

  it('at the very instant it was recorded, in either form: it is known', async () => {
    const at = { registered: '11000000.00', increases: 1, q4Increase: '1000000.00', projectUsd: '11000000.00', echoed: Array(4).fill('2016-12-20T03:00:00.000Z') };
    expect(await figuresKnownAt('2016-12-20T10:00:00+07:00')).toEqual(at);
    expect(await figuresKnownAt('2016-12-20T03:00:00Z')).toEqual(at);
  });

  it.each(['2016-W51', '2016-355', '2016-12-20T10:00:00+07', '20161220T030000Z'])('ISO 8601 forms that name no single instant (%s) → 400 naming knownAt', async (knownAt) => {
    const reply = await auditor.get(`/api/v1/reports/valid-projects?asOf=2016-12-31&knownAt=${encodeURIComponent(knownAt)}`);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('VALIDATION_FAILED');
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
  });
});
