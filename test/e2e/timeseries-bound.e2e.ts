import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * A time series is bounded: at most 480 intervals (40 years by month), starting no earlier than
 * Vietnam's first Law on Foreign Investment (1987-12-29). Issue 13, defect 12: monthly series up
 * to 9999 were accepted.
 */
describe('time series range bound', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startLedgerServer();
    analyst = client(server.baseUrl, bearer('analyst'));
  });
  afterAll(() => server.close());

  const series = (interval: string, from: string, to: string) => analyst.get(`/api/v1/reports/timeseries?metric=validProjects&interval=${interval}&from=${from}&to=${to}`);
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('480 months are answered, one per month', async () => {
    const reply = await series('month', '1988-01-01', '2027-12-31');
    expect(reply.status).toBe(200);
    expect(reply.body.series).toHaveLength(480);
  });

  it.each([
    ['481 months', 'month', '1988-01-01', '2028-01-01', 'to'],
    ['every month up to 9999', 'month', '1988-01-01', '9999-12-31', 'to'],
    ['quarters up to 9999', 'quarter', '2016-01-01', '9999-12-31', 'to'],
    ['a start before the first investment law', 'year', '1899-12-31', '2016-12-31', 'from'],
  ])('%s → 400 VALIDATION_FAILED naming the field', async (_name, interval, from, to, field) => {
    const reply = await series(interval, from, to);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(reply.body)).toEqual([field]);
  });
});
