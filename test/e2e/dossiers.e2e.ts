import { capitalChange, fdiCertificate } from '../support/certificates';
import type { FactoryProvider } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { loadLedgerConfig } from '../../apps/ledger-api/src/config/ledger-config';
import { dossierConfigProvider } from '../../apps/ledger-api/src/dossiers/dossier-config.provider';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * A board's one-stop desk over two half-years of 2025, through the HTTP API: dossiers carried over,
 * resolved early, on the deadline day, late with an apology, withdrawn, transferred and still in
 * process at the end of each half; every category of the report, the same figures after a rebuild
 * from position 0, knownAt, the inbox, and bad input that leaves the log unchanged.
 *
 * Procedures (config/procedures.json): ADJUST_IRC 10 working days, committed 5; ISSUE_IRC 15
 * calendar days, committed 7. Deadlines follow config/holidays/2024–2026.json.
 */
describe('dossiers at the one-stop desk', () => {
  let now = new Date('2026-01-15T03:00:00Z'); // 10:00 in Hà Nội
  let server: LedgerServer;
  let http: ReturnType<typeof client>;
  const P1 = '2101000001';
  const P2 = '2101000002';
  const H1 = 'from=2025-01-01&to=2025-06-30';
  const H2 = 'from=2025-07-01&to=2025-12-31';
  let lastPosition = '0';

  const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;
  async function post(path: string, body: unknown, status = 201) {
    const reply = await http.post(`/api/v1${path}`, body);
    if (reply.status !== status) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    if (reply.body.position) lastPosition = reply.body.position;
    return reply.body;
  }
  const receive = (dossierId: string, procedureCode: string, receivedAt: string, channel: string, projectCode?: string) =>
    post('/dossiers', { dossierId, procedureCode, boardId: 'BQL-HN', receivedAt, channel, applicant: { name: 'Công ty TNHH ABC', contact: 'abc@example.com' }, ...(projectCode ? { projectCode } : {}), documents: ['Văn bản đề nghị'] });
  const approve = (id: string, resolvedAt: string, projectCode: string, version: number) => post(`/dossiers/${id}/resolution`, { resolvedAt, outcome: 'APPROVED', acts: [{ projectCode, version }] });
  const refuse = (id: string, resolvedAt: string) => post(`/dossiers/${id}/resolution`, { resolvedAt, outcome: 'REFUSED', reason: 'Hồ sơ không đáp ứng điều kiện điều chỉnh' });
  const report = async (query: string) => {
    const reply = await http.get(`/api/v1/reports/dossiers?${query}&minPosition=${lastPosition}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  beforeAll(async () => {
    server = await startLedgerServer({}, () => new Date(now));
    http = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    // The acts approvals link: P1 issued (v1) and increased (v2–v6); P2 issued (v1).
    await post('/projects', fdiCertificate(P1));
    for (let i = 1; i <= 5; i++) await post(`/projects/${P1}/capital-increases`, capitalChange('23500000', '1000.00', `2016-0${i + 3}-01`));
    await post('/projects', fdiCertificate(P2));

    // Z — H1 2024 (the same period last year of H1 2025): 07/02/2024, the day before Tết; committed due 21/02, resolved 20/02: ahead.
    await receive('Z', 'ADJUST_IRC', at('2024-02-07'), 'DESK', P1);
    await approve('Z', at('2024-02-20', '15:00'), P1, 2);
    // A — carried over into 2025: 26/12/2024, committed due 03/01/2025 (01/01 off); resolved 02/01: ahead.
    await receive('A', 'ADJUST_IRC', at('2024-12-26'), 'DESK', P1);
    await approve('A', at('2025-01-02', '15:00'), P1, 3);
    // B — across Tết Ất Tỵ: 24/01/2025, committed due 07/02, statutory 14/02; refused on 07/02 (the deadline day): on time.
    await receive('B', 'ADJUST_IRC', at('2025-01-24'), 'DESK', P1);
    await refuse('B', at('2025-02-07', '16:00'));
    // C — late with an apology: 03/03/2025, committed due 10/03; apology on 07/03 re-appointing 14/03; resolved 13/03.
    await receive('C', 'ADJUST_IRC', at('2025-03-03'), 'ONLINE_FULL', P1);
    await post('/dossiers/C/delays', { delayedAt: at('2025-03-07'), apology: 'Ban Quản lý xin lỗi vì chậm trả kết quả', newAppointmentOn: '2025-03-14' });
    await approve('C', at('2025-03-13', '15:00'), P1, 4);
    // D — withdrawn; E — transferred.
    await receive('D', 'ISSUE_IRC', at('2025-04-01'), 'POST');
    await post('/dossiers/D/withdrawal', { withdrawnAt: at('2025-04-03'), reason: 'Nhà đầu tư rút hồ sơ' });
    await receive('E', 'ADJUST_IRC', at('2025-04-10'), 'DESK', P1);
    await post('/dossiers/E/transfer', { transferredAt: at('2025-04-11'), toAgency: 'Sở Tài chính Hà Nội', reason: 'Không thuộc thẩm quyền của Ban' });
    // F — awaiting a supplement at 30/06; supplied 01/07, the clock restarts: committed due 08/07, resolved 08/07: on time.
    await receive('F', 'ADJUST_IRC', at('2025-06-20'), 'ONLINE_PARTIAL', P1);
    await post('/dossiers/F/supplement-requests', { requestedAt: at('2025-06-24'), missingDocuments: ['Hợp đồng thuê đất'] });
    await post('/dossiers/F/supplements', { supplementedAt: at('2025-07-01'), documents: ['Hợp đồng thuê đất'] });
    await approve('F', at('2025-07-08', '15:00'), P1, 5);
    // G — overdue at 30/06 (committed due 23/06, statutory 30/06); refused 02/07: late, beyond the statutory time.
    await receive('G', 'ADJUST_IRC', at('2025-06-16'), 'DESK', P1);
    await refuse('G', at('2025-07-02'));
    // H — a new project, within its deadline at 30/06 (committed due 04/07); issued 03/07: ahead.
    await receive('H', 'ISSUE_IRC', at('2025-06-27'), 'ONLINE_FULL');
    await approve('H', at('2025-07-03', '15:00'), P2, 1);
    // I — around 2 September: 28/08/2025, committed due 08/09 (01–02/09 off), resolved 08/09: on time.
    await receive('I', 'ADJUST_IRC', at('2025-08-28', '10:00'), 'DESK', P1);
    await approve('I', at('2025-09-08', '15:00'), P1, 6);
    // J — filed online after closing time on Fri 29/08: counts from Wed 03/09, committed due 10/09; still open: overdue.
    await receive('J', 'ADJUST_IRC', at('2025-08-29', '17:30'), 'ONLINE_FULL', P1);
    // K — 29/12/2025, committed due 07/01/2026 (01–02/01 off): within its deadline at 31/12.
    await receive('K', 'ADJUST_IRC', at('2025-12-29'), 'POST', P1);
    // M — 09/01/2026, the make-up Saturday 10/01 counts: committed due 15/01 (today): due soon. N — due 22/01.
    await receive('M', 'ADJUST_IRC', at('2026-01-09'), 'DESK', P1);
    await receive('N', 'ADJUST_IRC', at('2026-01-15', '08:00'), 'DESK', P1);
  });
  afterAll(() => server.close());

  const h1 = {
    received: { total: 7, DESK: 3, POST: 1, ONLINE_PARTIAL: 1, ONLINE_FULL: 2 },
    carriedOver: 1,
    resolved: { total: 3, approved: 2, refused: 1, aheadOfTime: 1, onTime: 1, late: 1, lateWithApology: 1, withinStatutoryTime: 3 },
    withdrawn: 1,
    transferred: 1,
    inProcess: { total: 3, withinDeadline: 1, awaitingSupplement: 1, overdue: 1 },
    // A 7, B 14, C 10 days against 15, 21, 14 statutory and 8, 14, 7 committed.
    processingDays: { average: '10.3', median: '10.0' },
    statutoryDays: { average: '16.7', median: '15.0' },
    committedDays: { average: '9.7', median: '8.0' },
    processingPctOfStatutory: '62.0',
    processingPctOfCommitted: '106.9',
  };
  const h2 = {
    received: { total: 3, DESK: 1, POST: 1, ONLINE_PARTIAL: 0, ONLINE_FULL: 1 },
    carriedOver: 3,
    resolved: { total: 4, approved: 3, refused: 1, aheadOfTime: 1, onTime: 2, late: 1, lateWithApology: 0, withinStatutoryTime: 3 },
    withdrawn: 0,
    transferred: 0,
    inProcess: { total: 2, withinDeadline: 1, awaitingSupplement: 0, overdue: 1 },
    // F 7, G 16, H 6, I 11 days against 14, 14, 17, 18 statutory and 7, 7, 7, 11 committed.
    processingDays: { average: '10.0', median: '9.0' },
    statutoryDays: { average: '15.8', median: '15.5' },
    committedDays: { average: '8.0', median: '7.0' },
    processingPctOfStatutory: '63.5',
    processingPctOfCommitted: '125.0',
  };
  const balanced = (f: typeof h1) => f.carriedOver + f.received.total === f.resolved.total + f.withdrawn + f.transferred + f.inProcess.total;

  it('first half of 2025: every category, and the dossiers in the period balance', async () => {
    const body = await report(H1);
    expect(body.total.current).toEqual(h1);
    expect(balanced(body.total.current)).toBe(true);
  });

  it('second half of 2025: what was in process at 30/06 is carried over', async () => {
    const body = await report(H2);
    expect(body.total.current).toEqual(h2);
    expect(balanced(body.total.current)).toBe(true);
  });

  it('compares with the same period one year earlier', async () => {
    const body = await report(H1);
    expect(body.samePeriodLastYear).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(body.total.samePeriodLastYear).toMatchObject({ received: { total: 1, DESK: 1 }, carriedOver: 0, resolved: { total: 1, aheadOfTime: 1 }, inProcess: { total: 0 } });
    expect((await report(H2)).total.samePeriodLastYear).toMatchObject({ received: { total: 1 }, resolved: { total: 0 }, inProcess: { total: 1, withinDeadline: 1 } });
  });

  it('groups by procedure and board', async () => {
    const body = await report(`${H1}&groupBy=board,procedure`);
    expect(body.groups.map((g: any) => [g.key, g.current.carriedOver, g.current.received.total, g.current.inProcess.total])).toEqual([
      [{ boardId: 'BQL-HN', procedureCode: 'ADJUST_IRC' }, 1, 5, 2],
      [{ boardId: 'BQL-HN', procedureCode: 'ISSUE_IRC' }, 0, 2, 1],
    ]);
    expect((await report(`${H1}&boardId=BQL-BN`)).total.current.received.total).toBe(0);
  });

  it('exports the report as CSV', async () => {
    const reply = await fetch(`${server.baseUrl}/api/v1/reports/dossiers?${H1}&format=csv`, { headers: bearer('analyst') });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, current] = (await reply.text()).replace(/^\uFEFF/, '').split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, current.split(',')[i]]));
    expect(cells).toMatchObject({ period: '2025-01-01..2025-06-30', 'received.total': '7', carriedOver: '1', 'resolved.late': '1', 'inProcess.overdue': '1', 'processingDays.average': '10.3' });
  });

  it('exports the report grouped by procedure as XLSX, counts as numbers, with a total row', async () => {
    const reply = await fetch(`${server.baseUrl}/api/v1/reports/dossiers?${H1}&groupBy=procedure&format=xlsx`, { headers: bearer('analyst') });
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reply.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const lines = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as ExcelJS.CellValue[]).slice(1));
    const header = lines.find((l) => l[0] === 'procedureCode') as ExcelJS.CellValue[];
    const rows = lines.filter((l) => ['ADJUST_IRC', 'ISSUE_IRC', 'Total / Tổng'].includes(String(l[0]))).map((l) => Object.fromEntries(header.map((h, i) => [String(h), l[i]])));
    expect(rows.map((r) => [r.procedureCode, r.period, r['received.total'], r.carriedOver])).toEqual([
      ['ADJUST_IRC', '2025-01-01..2025-06-30', 5, 1],
      ['ADJUST_IRC', '2024-01-01..2024-06-30', 1, 0],
      ['ISSUE_IRC', '2025-01-01..2025-06-30', 2, 0],
      ['ISSUE_IRC', '2024-01-01..2024-06-30', 0, 0],
      ['Total / Tổng', '2025-01-01..2025-06-30', 7, 1],
      ['Total / Tổng', '2024-01-01..2024-06-30', 1, 0],
    ]);
  });

  it('renders the sentence the board publishes (vi and en)', async () => {
    const vi = await http.get(`/api/v1/reports/dossiers/narrative?${H1}&boardId=BQL-HN&format=text`);
    expect(vi.body).toBe(
      'Từ ngày 01/01/2025 đến ngày 30/06/2025, Ban Quản lý các KCN và chế xuất Hà Nội đã tiếp nhận 7 hồ sơ và 1 hồ sơ từ kỳ trước chuyển sang; đã giải quyết và trả kết quả 3 hồ sơ, trong đó trước hạn 1 hồ sơ, đúng hạn 1 hồ sơ, quá hạn 1 hồ sơ; 1 hồ sơ được rút, 1 hồ sơ chuyển cơ quan khác giải quyết; 2 hồ sơ đang trong thời gian giải quyết và 1 hồ sơ đã quá hạn. Thời gian giải quyết bình quân là 10,3 ngày, bằng 62% thời gian theo quy định.\n',
    );
    const en = await http.get(`/api/v1/reports/dossiers/narrative?${H1}&lang=en`);
    expect(en.body).toMatchObject({ lang: 'en', figures: h1 });
    expect(en.body.text).toContain('From 01/01/2025 to 30/06/2025, the management boards received 7 dossiers and carried over 1');
    expect(en.body.text).toContain('The average processing time was 10.3 days, 62% of the statutory time.');
  });

  it('documents the dossier routes in the OpenAPI document', async () => {
    const docs = await http.get('/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/dossiers', '/api/v1/dossiers/{id}/resolution', '/api/v1/reports/dossiers', '/api/v1/reports/dossiers/narrative']));
  });

  it("lists the board's inbox soonest due first, with overdue and due-soon flags", async () => {
    const reply = await http.get(`/api/v1/dossiers?minPosition=${lastPosition}`);
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((d: any) => [d.dossierId, d.appointmentOn, d.overdue, d.dueSoon])).toEqual([
      ['J', '2025-09-10', true, false],
      ['K', '2026-01-07', true, false],
      ['M', '2026-01-15', false, true],
      ['N', '2026-01-22', false, false],
    ]);
    const view = await http.get('/api/v1/dossiers/C');
    expect(view.body).toMatchObject({ status: 'RESOLVED', outcome: 'APPROVED', delays: 1, appointmentOn: '2025-03-14', steps: [{ type: 'DossierReceived' }, { type: 'DossierDelayed' }, { type: 'DossierResolved', data: { acts: [{ streamId: `project-${P1}`, version: 4, type: 'CapitalIncreased' }] } }] });
  });

  it('knownAt: a back-dated dossier recorded later leaves the report as known before it unchanged', async () => {
    const before = '2026-01-16T00:00:00Z';
    now = new Date('2026-01-20T03:00:00Z');
    await receive('L', 'ISSUE_IRC', at('2025-11-03'), 'DESK');
    await post('/dossiers/L/withdrawal', { withdrawnAt: at('2025-11-05') });
    expect((await report(`${H2}&knownAt=${before}`)).total.current).toEqual(h2);
    const latest = (await report(H2)).total.current;
    expect([latest.received.total, latest.withdrawn]).toEqual([4, 1]);
  });

  it('a retry with the same Idempotency-Key returns the first result and appends nothing; a stale If-Match is 409', async () => {
    const request = { requestedAt: at('2026-01-20'), missingDocuments: ['Báo cáo tài chính'] };
    const key = { 'Idempotency-Key': 'hn-2026-n-supplement' };
    const first = await http.post('/api/v1/dossiers/N/supplement-requests', request, key);
    expect(first.status).toBe(201);
    const count = await server.eventCount();
    const retry = await http.post('/api/v1/dossiers/N/supplement-requests', request, key);
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body.position]).toEqual([201, 'true', first.body.position]);
    expect((await http.post('/api/v1/dossiers/N/supplement-requests', { ...request, missingDocuments: ['x'] }, key)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const stale = await http.post('/api/v1/dossiers/N/supplements', { supplementedAt: at('2026-01-20', '10:00'), documents: ['Báo cáo tài chính'] }, { 'If-Match': '"1"' });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(await server.eventCount()).toBe(count);
  });

  it('gives the same figures after a rebuild from position 0', async () => {
    const live = [await report(H1), await report(`${H2}&groupBy=board,procedure`)];
    await server.runner().rebuild();
    expect([await report(H1), await report(`${H2}&groupBy=board,procedure`)]).toEqual(live);
  });

  describe('bad input is problem+json 4xx and leaves the log unchanged', () => {
    const cases: { name: string; path: string; body: unknown; status: number; code: string; auth?: Record<string, string> }[] = [
      { name: 'unknown procedure', path: '/dossiers', body: { dossierId: 'X1', procedureCode: 'BUILD_A_CASTLE', boardId: 'BQL-HN', receivedAt: at('2025-05-05'), channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['Văn bản đề nghị'] }, status: 422, code: 'PROCEDURE_UNKNOWN' },
      { name: 'resolution of a dossier never received', path: '/dossiers/NEVER/resolution', body: { resolvedAt: at('2025-05-05'), outcome: 'REFUSED', reason: 'x' }, status: 404, code: 'DOSSIER_NOT_FOUND' },
      { name: 'resolution dated before receipt', path: '/dossiers/K/resolution', body: { resolvedAt: at('2025-12-28'), outcome: 'REFUSED', reason: 'x' }, status: 422, code: 'DOSSIER_BEFORE_RECEIPT' },
      { name: 'second resolution', path: '/dossiers/A/resolution', body: { resolvedAt: at('2025-01-05'), outcome: 'REFUSED', reason: 'x' }, status: 422, code: 'DOSSIER_ALREADY_RESOLVED' },
      { name: 'approval linking no act', path: '/dossiers/K/resolution', body: { resolvedAt: at('2026-01-05'), outcome: 'APPROVED', acts: [{ projectCode: P1, version: 99 }] }, status: 422, code: 'ACT_NOT_FOUND' },
      { name: 'approval linking an act the procedure does not produce', path: '/dossiers/K/resolution', body: { resolvedAt: at('2026-01-05'), outcome: 'APPROVED', acts: [{ projectCode: P1, version: 1 }] }, status: 422, code: 'ACT_TYPE_NOT_OF_PROCEDURE' },
      { name: 'refusal without a reason', path: '/dossiers/K/resolution', body: { resolvedAt: at('2026-01-05'), outcome: 'REFUSED' }, status: 422, code: 'REASON_REQUIRED' },
      { name: 'receipt in the future', path: '/dossiers', body: { dossierId: 'X2', procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt: at('2026-03-01'), channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['Văn bản đề nghị'] }, status: 422, code: 'FUTURE_DATED' },
      { name: 'no document listed', path: '/dossiers', body: { dossierId: 'X4', procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt: at('2025-05-05'), channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: [] }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'no applicant (found by the fuzz test)', path: '/dossiers', body: { dossierId: 'X5', procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt: at('2025-05-05'), channel: 'DESK', documents: ['Văn bản đề nghị'] }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'a time without offset', path: '/dossiers/K/withdrawal', body: { withdrawnAt: '2026-01-05T09:00:00' }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'unknown field', path: '/dossiers/K/withdrawal', body: { withdrawnAt: at('2026-01-05'), approvedBy: 'me' }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'malformed dossier id', path: '/dossiers/%20x/withdrawal', body: { withdrawnAt: at('2026-01-05') }, status: 400, code: 'DOSSIER_ID_INVALID' },
      { name: 'an officer of another board', path: '/dossiers/K/withdrawal', body: { withdrawnAt: at('2026-01-05') }, status: 403, code: 'OUTSIDE_JURISDICTION', auth: bearer('officer', 'BQL-BN-2025') },
      { name: 'receiving for another board', path: '/dossiers', body: { dossierId: 'X3', procedureCode: 'ADJUST_IRC', boardId: 'BQL-BN', receivedAt: at('2025-05-05'), channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['Văn bản đề nghị'] }, status: 403, code: 'OUTSIDE_JURISDICTION' },
      { name: 'an officer of a board dissolved in the 2025 merger', path: '/dossiers', body: { dossierId: 'X6', procedureCode: 'ADJUST_IRC', boardId: 'BQL-BG', receivedAt: at('2025-05-05'), channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['Văn bản đề nghị'] }, status: 403, code: 'BOARD_DISSOLVED', auth: bearer('officer', 'BQL-BG') },
      { name: 'an analyst writing', path: '/dossiers/K/withdrawal', body: { withdrawnAt: at('2026-01-05') }, status: 403, code: 'ROLE_NOT_ALLOWED', auth: bearer('analyst') },
    ];

    it.each(cases)('$name → $status $code, event count unchanged', async ({ path, body, status, code, auth }) => {
      const before = await server.eventCount();
      const reply = await http.post(`/api/v1${path}`, body, auth);
      expect(reply.status).toBe(status);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.body).toMatchObject({ status, code });
      expect(await server.eventCount()).toBe(before);
    });
  });

  it("a dossier of a board merged on 1 July 2025 passes to the successor board's officers", async () => {
    const admin = client(server.baseUrl, bearer('admin'));
    const body = { dossierId: 'BG-OLD', procedureCode: 'ADJUST_IRC', boardId: 'BQL-BG', receivedAt: at('2025-06-02'), channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['Văn bản đề nghị'] };
    expect((await admin.post('/api/v1/dossiers', body)).status).toBe(201);
    const withdrawal = { withdrawnAt: at('2026-01-19') };
    const before = await server.eventCount();
    expect((await http.post('/api/v1/dossiers/BG-OLD/withdrawal', withdrawal)).body.code).toBe('OUTSIDE_JURISDICTION');
    expect(await server.eventCount()).toBe(before);
    expect((await client(server.baseUrl, bearer('officer', 'BQL-BN-2025')).post('/api/v1/dossiers/BG-OLD/withdrawal', withdrawal)).status).toBe(201);
  });
});

describe('the holiday calendar at start-up', () => {
  // NestFactory exits the process when a provider fails, so the provider the app module registers is run directly.
  const load = (instant: string) => (dossierConfigProvider as FactoryProvider).useFactory(() => new Date(instant));

  it('refuses a year config/holidays does not hold, naming the missing file', () => {
    expect(AppModule.register(loadLedgerConfig({ LEDGER_JWT_SECRET: TEST_JWT_SECRET })).providers).toContain(dossierConfigProvider);
    expect(() => load('2027-01-04T02:00:00Z')).toThrow('config/holidays/2027.json is missing: the holiday calendar must hold every year from 2016 through 2027');
    expect(() => load('2026-12-31T16:59:00Z')).not.toThrow(); // 23:59 on 31/12/2026 in Hà Nội
  });
});
