import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * The 1 July 2025 merger: Hòa Bình, Vĩnh Phúc and Phú Thọ → Phú Thọ. Jurisdiction passes to the
 * successor board; reports group by the units of the period (historical) or of today (current).
 */
describe('board succession across the 2025 province merger', () => {
  let server: LedgerServer;
  let now = new Date('2020-05-01T03:00:00Z');
  const as = (role: 'officer' | 'auditor', board?: string) => client(server.baseUrl, bearer(role, board));
  const ddi = (projectCode: string, boardId: string, zoneId: string, issuedOn: string, vnd: string) => ({
    projectCode,
    boardId,
    zoneId,
    projectName: `Dự án ${projectCode}`,
    investors: [{ name: 'Công ty CP Việt', country: 'VN' }],
    origin: 'DDI',
    registeredCapital: { vnd },
    objectives: 'Sản xuất',
    durationYears: 50,
    issuedOn,
  });
  const increase = (vnd: string, effectiveOn: string) => ({ amount: { vnd }, effectiveOn, reason: 'Mở rộng' });
  let last = '0';
  const ok = async (reply: Promise<{ status: number; body: any }>) => {
    const r = await reply;
    expect(r.status).toBe(201);
    last = r.body.position;
  };

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    now = new Date('2020-05-01T03:00:00Z');
    await ok(as('officer', 'BQL-HB').post('/api/v1/projects', ddi('2500000001', 'BQL-HB', 'KCN-LAC-THINH', '2020-05-01', '100000000000')));
    now = new Date('2021-08-01T03:00:00Z');
    await ok(as('officer', 'BQL-VP').post('/api/v1/projects', ddi('2600000001', 'BQL-VP', 'KCN-KHAI-QUANG', '2021-08-01', '50000000000')));
    now = new Date('2024-03-01T03:00:00Z');
    await ok(as('officer', 'BQL-HB').post('/api/v1/projects/2500000001/capital-increases', increase('20000000000', '2024-03-01')));
  });
  afterAll(() => server.close());

  it('after the merger the old board is refused, naming the board that now holds the project', async () => {
    now = new Date('2026-02-01T03:00:00Z');
    const before = await server.eventCount();
    const refused = await as('officer', 'BQL-HB').post('/api/v1/projects/2500000001/capital-increases', increase('1000', '2026-01-15'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'BOARD_DISSOLVED', boardId: 'BQL-PT-2025' });
    const stranger = await as('officer', 'BQL-HN').post('/api/v1/projects/2500000001/capital-increases', increase('1000', '2026-01-15'));
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('OUTSIDE_JURISDICTION');
    // In Vietnamese the boards are named as officers know them; the API's fields keep the codes.
    const inVietnamese = await as('officer', 'BQL-HN').post('/api/v1/projects/2500000001/capital-increases', increase('1000', '2026-01-15'), { 'accept-language': 'vi' });
    expect(inVietnamese.body).toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
      boardId: 'BQL-PT-2025',
      title: 'Ngoài thẩm quyền của Ban',
      detail: 'Dự án 2500000001 do Ban Quản lý các KKT và KCN tỉnh Phú Thọ quản lý; bạn thực hiện cho Ban Quản lý các KCN và chế xuất Hà Nội.',
    });
    const dissolved = await as('officer', 'BQL-HB').post('/api/v1/projects/2500000001/capital-increases', increase('1000', '2026-01-15'), { 'accept-language': 'vi' });
    expect(dissolved.body.detail).toBe('Ban Quản lý các KCN tỉnh Hòa Bình đã kết thúc ngày 30/06/2025; Dự án 2500000001 nay do Ban Quản lý các KKT và KCN tỉnh Phú Thọ quản lý.');
    expect(await server.eventCount()).toBe(before);
  });

  it('the successor board adjusts the predecessor board\'s project; the history shows both boards', async () => {
    now = new Date('2026-02-01T03:00:00Z');
    await ok(as('officer', 'BQL-PT-2025').post('/api/v1/projects/2500000001/capital-increases', increase('30000000000', '2026-01-20')));
    const events = await as('auditor').get('/api/v1/projects/2500000001/events');
    expect(events.body.events.map((e: { metadata: { boardId: string } }) => e.metadata.boardId)).toEqual(['BQL-HB', 'BQL-HB', 'BQL-PT-2025']);
    expect(events.body.events[2].metadata.referenceDataVersion).toMatch(/^2025\.07-1\+/);
  });

  it('a 2024 report by historical units shows Hòa Bình and Vĩnh Phúc; a 2026 report shows Phú Thọ', async () => {
    const auditor = as('auditor');
    const r2024 = await auditor.get(`/api/v1/reports/valid-projects?asOf=2024-06-30&groupBy=board&minPosition=${last}`);
    expect(r2024.body.units).toEqual({ mode: 'historical', date: '2024-06-30' });
    expect(r2024.body.groups.map((g: { key: { boardId: string }; DDI: { registeredCapital: { amount: string } } }) => [g.key.boardId, g.DDI.registeredCapital.amount])).toEqual([
      ['BQL-HB', '120000000000'],
      ['BQL-VP', '50000000000'],
    ]);
    const r2026 = await auditor.get('/api/v1/reports/valid-projects?asOf=2026-06-30&groupBy=province');
    expect(r2026.body.units.mode).toBe('current');
    expect(r2026.body.groups.map((g: { key: { provinceId: string }; DDI: { validProjects: number; registeredCapital: { amount: string } } }) => [g.key.provinceId, g.DDI.validProjects, g.DDI.registeredCapital.amount])).toEqual([
      ['PT-2025', 2, '200000000000'],
    ]);
    const current2024 = await auditor.get('/api/v1/reports/valid-projects?asOf=2024-06-30&groupBy=province&units=current');
    expect(current2024.body.groups.map((g: { key: { provinceId: string } }) => g.key.provinceId)).toEqual(['PT-2025']);
  });

  it('a 2020–2026 quarterly series by current units is continuous for Phú Thọ', async () => {
    const series = await as('auditor').get('/api/v1/reports/timeseries?metric=registeredCapital&interval=quarter&from=2020-01-01&to=2026-03-31&provinceId=PT-2025&units=current');
    expect(series.body.units).toBe('current');
    const ddi = Object.fromEntries(series.body.series.map((p: { period: string; DDI: string }) => [p.period, p.DDI]));
    expect(ddi['2020-Q1']).toBe('0');
    expect(ddi['2020-Q2']).toBe('100000000000');
    expect(ddi['2021-Q3']).toBe('150000000000');
    expect(ddi['2024-Q1']).toBe('170000000000');
    expect(ddi['2025-Q3']).toBe('170000000000');
    expect(ddi['2026-Q1']).toBe('200000000000');
    expect(series.body.series).toHaveLength(25);
  });
});
