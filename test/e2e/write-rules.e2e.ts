import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * Rules of the one write path over HTTP (issues 13 and 14): reference data checked on each act's own
 * date, consistent FDI money, partial corrections that still pass every rule, authority before replay.
 * Every rejection is problem+json and leaves the event count unchanged.
 */
describe('write path rules over HTTP', () => {
  let server: LedgerServer;
  let hn: ReturnType<typeof client>;
  let pt: ReturnType<typeof client>;
  let bn: ReturnType<typeof client>;
  const code = '2101555001';

  beforeAll(async () => {
    server = await startLedgerServer();
    hn = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    pt = client(server.baseUrl, bearer('officer', 'BQL-PT-2025'));
    bn = client(server.baseUrl, bearer('officer', 'BQL-BN-2025'));
    expect((await hn.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
  });
  afterAll(() => server.close());

  async function expectRefused(reply: Promise<{ status: number; headers: Headers; body: any }>, status: number, code: string, mentions: string[] = []) {
    const before = await server.eventCount();
    const { status: got, headers, body } = await reply;
    expect({ status: got, code: body?.code }).toEqual({ status, code });
    expect(headers.get('content-type')).toContain('application/problem+json');
    for (const m of mentions) expect(JSON.stringify(body)).toContain(m);
    expect(await server.eventCount()).toBe(before);
  }

  it('refuses, on the act’s date, a zone of another board — even when both boards merged since', () =>
    expectRefused(pt.post('/api/v1/projects', fdiCertificate('2101555002', { boardId: 'BQL-HB', zoneId: 'KCN-KHAI-QUANG', issuedOn: '2024-01-01' })), 422, 'ZONE_NOT_IN_BOARD', ['2024-01-01', 'BQL-VP']));

  it('refuses a 2016 zone of another board and names 2016, not today', () =>
    expectRefused(bn.post('/api/v1/projects', fdiCertificate('2101555003', { boardId: 'BQL-BG', zoneId: 'KCN-QUE-VO', issuedOn: '2016-03-15' })), 422, 'ZONE_NOT_IN_BOARD', ['2016-03-15']));

  it('refuses a board that did not exist on the act’s date, naming its interval', async () => {
    await expectRefused(pt.post('/api/v1/projects', fdiCertificate('2101555004', { boardId: 'BQL-PT-2025', zoneId: 'KCN-KHAI-QUANG', issuedOn: '2024-01-01' })), 422, 'BOARD_NOT_IN_FORCE', ['2025-07-01']);
    await expectRefused(bn.post('/api/v1/projects', fdiCertificate('2101555005', { boardId: 'BQL-BN-2025', zoneId: 'KCN-QUE-VO', issuedOn: '2016-03-15' })), 422, 'BOARD_NOT_IN_FORCE', ['BQL-BN-2025']);
  });

  it('calls a mistyped board unknown (422), not outside the officer’s jurisdiction', () =>
    expectRefused(hn.post('/api/v1/projects', fdiCertificate('2101555006', { boardId: 'BQL-HANOI' })), 422, 'BOARD_UNKNOWN', ['unknown board BQL-HANOI']));

  it('refuses FDI money whose VND, USD and rate disagree, with the expected USD', () =>
    expectRefused(
      hn.post('/api/v1/projects', fdiCertificate('2101555007', { registeredCapital: { vnd: '23500000000', usd: '100000000.00', exchangeRate: '23500' } })),
      422,
      'EXCHANGE_RATE_MISMATCH',
      ['1000000.00 USD'],
    ));

  it('an FDI issuance without exchangeRate is a 400 field error', () =>
    expectRefused(hn.post('/api/v1/projects', fdiCertificate('2101555008', { registeredCapital: { vnd: '235000000000', usd: '10000000.00' } })), 400, 'VALIDATION_FAILED', ['registeredCapital.exchangeRate']));

  it('refuses an issuance dated before the first investment law', () =>
    expectRefused(hn.post('/api/v1/projects', fdiCertificate('2101555009', { issuedOn: '1899-12-31' })), 422, 'DATE_TOO_EARLY', ['1987-12-29']));

  it('a correction carries only the fields it changes', async () => {
    const reply = await hn.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 1, correctedData: { registeredCapital: { vnd: '282000000000', usd: '12000000.00', exchangeRate: '23500' } }, reason: 'Nhập sai vốn' });
    expect(reply.status).toBe(201);
    const project = await hn.get(`/api/v1/projects/${code}`);
    expect(project.body.registeredCapital).toEqual({ vnd: '282000000000', usd: '12000000.00', exchangeRate: '23500' });
    expect(project.body.projectName).toBe(fdiCertificate(code).projectName);
  });

  it('a partial correction is still validated as the whole act', () =>
    expectRefused(hn.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 1, correctedData: { durationYears: 'fifty' }, reason: 'x' }), 400, 'VALIDATION_FAILED', ['correctedData.durationYears']));

  it('a correction may not move the project into another board’s zone or an unknown zone', async () => {
    await expectRefused(hn.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 1, correctedData: { zoneId: 'KCN-QUANG-CHAU' }, reason: 'x' }), 422, 'ZONE_NOT_IN_BOARD');
    await expectRefused(hn.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 1, correctedData: { zoneId: 'KCN-DOES-NOT-EXIST' }, reason: 'x' }), 422, 'ZONE_UNKNOWN');
  });

  it('checks authority before replaying an Idempotency-Key: same sub, another board → 403', async () => {
    const body = { amount: { vnd: '23500000000', usd: '1000000.00' }, effectiveOn: '2016-06-01', reason: 'Mở rộng' };
    const first = await client(server.baseUrl, bearer('officer', 'BQL-HN', 'shared-sub')).post(`/api/v1/projects/${code}/capital-increases`, body, { 'idempotency-key': 'k-shared' });
    expect(first.status).toBe(201);
    await expectRefused(client(server.baseUrl, bearer('officer', 'BQL-BN-2025', 'shared-sub')).post(`/api/v1/projects/${code}/capital-increases`, body, { 'idempotency-key': 'k-shared' }), 403, 'OUTSIDE_JURISDICTION');
  });

  it('dry run: 200 with the events and the certificate after them, nothing appended', async () => {
    const before = await server.eventCount();
    const reply = await hn.post(`/api/v1/projects/${code}/capital-increases?dryRun=true`, { amount: { vnd: '47000000000', usd: '2000000.00' }, effectiveOn: '2016-07-01', reason: 'Mở rộng' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ dryRun: true, events: [{ type: 'CapitalIncreased', data: { adjustmentNo: 2, amount: { usd: '2000000.00' } } }], certificate: { adjustmentNo: 2, registeredCapital: { usd: '15000000.00' } } });
    expect(await server.eventCount()).toBe(before);
  });

  it('stores a client’s X-Request-Id only when it is short and plain', async () => {
    const reply = await hn.post(`/api/v1/projects/${code}/capital-increases`, { amount: { vnd: '23500000000', usd: '1000000.00' }, effectiveOn: '2016-08-01', reason: 'x' }, { 'x-request-id': '<script>alert(1)</script>' });
    expect(reply.status).toBe(201);
    const events = await hn.get(`/api/v1/projects/${code}/events`);
    const requestId = events.body.events.at(-1).metadata.requestId as string;
    expect(requestId).not.toContain('<');
    expect(requestId).toMatch(/^[\w.-]{1,100}$/);
  });

  describe('problems in the officer’s language', () => {
    const vi = { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' };

    it('a missing list is "required" beside its field, in Vietnamese, not a list of size checks', async () => {
      const { investors: _omitted, ...body } = fdiCertificate('2101555010');
      const before = await server.eventCount();
      const reply = await hn.post('/api/v1/projects', body, vi);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', title: 'Thông tin chưa hợp lệ' });
      expect(reply.body.errors).toEqual([{ field: 'investors', label: 'Nhà đầu tư', messages: ['Nhà đầu tư: bắt buộc phải nhập.'] }]);
      expect(JSON.stringify(reply.body)).not.toContain('elements');
      expect(await server.eventCount()).toBe(before);
    });

    it('a broken rule names the zone, the boards and the date as officers write it', async () => {
      const before = await server.eventCount();
      const reply = await pt.post('/api/v1/projects', fdiCertificate('2101555011', { boardId: 'BQL-HB', zoneId: 'KCN-KHAI-QUANG', issuedOn: '2024-01-01' }), vi);
      expect(reply.body).toMatchObject({ status: 422, code: 'ZONE_NOT_IN_BOARD', title: 'Khu không thuộc Ban Quản lý', detail: 'Ngày 01/01/2024, khu KCN Khai Quang thuộc Ban Quản lý các KCN tỉnh Vĩnh Phúc, không thuộc Ban Quản lý các KCN tỉnh Hòa Bình.' });
      expect(await server.eventCount()).toBe(before);
    });

    it('a change of the main investor’s country dated before an act already recorded is refused; keeping the main investor’s country, it is not', async () => {
      const project = '2101555013';
      expect((await hn.post('/api/v1/projects', fdiCertificate(project))).status).toBe(201);
      expect((await hn.post(`/api/v1/projects/${project}/capital-increases`, capitalChange('23500000000', '1000000.00', '2019-01-01'))).status).toBe(201);
      const transfer = { changes: { investors: [{ name: 'Nippon Denki Co., Ltd.', country: 'JP' }] }, effectiveOn: '2018-12-31', reason: 'Chuyển nhượng dự án' };
      await expectRefused(hn.post(`/api/v1/projects/${project}/adjustments`, transfer, vi), 422, 'EFFECTIVE_BEFORE_LAST_ACT', ['Ngày trước một ghi nhận đã có', 'Ngày hiệu lực (31/12/2018) trước ngày hiệu lực của một ghi nhận đã có (01/01/2019).']);
      const before = await server.eventCount();
      const added = { changes: { investors: [{ name: 'ABC Electronics Co., Ltd.', country: 'KR' }, { name: 'Nippon Denki Co., Ltd.', country: 'JP' }] }, effectiveOn: '2018-12-31', reason: 'Thêm nhà đầu tư' };
      expect((await hn.post(`/api/v1/projects/${project}/adjustments`, added)).status).toBe(201);
      expect(await server.eventCount()).toBe(before + 1);
    });

    it('English unless Vietnamese is asked for; the code is the same', async () => {
      const reply = await hn.post('/api/v1/projects', fdiCertificate('2101555012', { issuedOn: '2099-01-01' }), { 'accept-language': 'en-GB,en;q=0.8' });
      expect(reply.body).toMatchObject({ code: 'FUTURE_DATED', title: 'Business rule violated' });
      expect(reply.body.detail).toContain('issuedOn 2099-01-01 is in the future');
      const inVi = await hn.post('/api/v1/projects', fdiCertificate('2101555012', { issuedOn: '2099-01-01' }), vi);
      expect(inVi.body).toMatchObject({ code: 'FUTURE_DATED', title: 'Ngày ở tương lai' });
      expect(inVi.body.detail).toMatch(/^Ngày cấp \(01\/01\/2099\) sau ngày hôm nay/);
    });
  });
});
