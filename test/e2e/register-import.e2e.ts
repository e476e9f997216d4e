import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Cell } from '../../apps/ledger-cli/src/register/workbook';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';
import { V, versionSheet, xlsxOf } from '../support/register-sheets';

/**
 * The upload endpoint over HTTP against a real SQLite file, the import time fixed at 1 February 2017
 * (when Bắc Giang compiled its 2016 report). Seed 000: in 2016 BQL-BG issued 44 new certificates,
 * 13 DDI and 31 FDI, with 840.37 M USD and 3,214.7 bn VND.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZONES = ['KCN Quang Châu', 'Đình Trám', 'KCN Song Khê - Nội Hoàng', 'Vân Trung'];
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const date = (year: number, i: number) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
/** Hundredths as Vietnamese text ("12,34"); tenths likewise ("1.234,5"). */
const vi = (units: number, decimals: number) => `${Math.floor(units / 10 ** decimals).toLocaleString('de-DE')},${String(units % 10 ** decimals).padStart(decimals, '0')}`;

/** Amounts in hundredths (triệu USD) or tenths (tỷ đồng) that add up to `total`: varied, the last one the remainder. */
function split(total: number, n: number, base: number, spread: number): number[] {
  const parts = Array.from({ length: n - 1 }, (_, i) => base + ((i * 7919) % spread));
  return [...parts, total - parts.reduce((a, b) => a + b, 0)];
}

/** Bắc Giang's register as of early 2017: projects from 2013–2015, the 44 of 2016, adjustments and two terminations. */
function bacGiangHistory(): Cell[][] {
  const rows: Cell[][] = [];
  let n = 0;
  const project = (code: string, fdi: boolean, issuedOn: string, capital: number, zone: number, versions: Array<{ on: string; capital: number }> = [], terminatedOn?: string) => {
    const row = (version: number, on: string | null, amount: number, last: boolean): Cell[] => [
      ++n, code, `Dự án ${code.slice(-3)}`, fdi ? `Investor ${code.slice(-3)} Co., Ltd.` : `Công ty CP ${code.slice(-3)}`, fdi ? ['Hàn Quốc', 'Trung Quốc', 'Nhật Bản', 'Đài Loan'][zone % 4] : 'Việt Nam', ZONES[zone % 4],
      version === 0 ? 'Cấp mới' : version, dmy(issuedOn), on && dmy(on), fdi ? vi(amount, 2) : null, fdi ? null : vi(amount, 1), fdi ? 22000 + (Number((on ?? issuedOn).slice(0, 4)) - 2013) * 150 : null,
      last && terminatedOn ? 'Đã chấm dứt' : 'Đang hoạt động', last && terminatedOn ? dmy(terminatedOn) : null,
    ];
    rows.push(row(0, null, capital, versions.length === 0));
    versions.forEach((v, i) => rows.push(row(i + 1, v.on, v.capital, i === versions.length - 1)));
  };
  for (let i = 0; i < 16; i++) {
    const fdi = i % 3 !== 0;
    const capital = fdi ? 500 + i * 377 : 400 + i * 211;
    const versions = i % 4 === 1 ? [{ on: date(2015, i + 3), capital: capital + 250 }, { on: date(2016, i), capital: capital + 125 }] : i % 5 === 2 ? [{ on: date(2016, i + 1), capital: capital * 2 }] : [];
    project(String(2_400_001_000 + i), fdi, date(2013 + (i % 3), i), capital, i, versions, i === 7 || i === 12 ? `2016-12-${20 + (i % 5)}` : undefined);
  }
  split(84_037, 31, 800, 3700).forEach((hundredths, i) => project(String(2_400_002_000 + i), true, date(2016, i), hundredths, i, i % 6 === 0 ? [{ on: date(2016, i + 2).replace('2016-01', '2016-12'), capital: hundredths + 100 }] : []));
  split(32_147, 13, 800, 1500).forEach((tenths, i) => project(String(2_400_003_000 + i), false, date(2016, i + 3), tenths, i));
  return rows;
}

let server: LedgerServer;
beforeAll(async () => {
  server = await startLedgerServer({}, () => new Date('2017-02-01T02:00:00Z'));
});
afterAll(() => server.close());

const upload = (bytes: Buffer, query: string, role: 'officer' | 'analyst' | 'admin' = 'officer', boardId = 'BQL-BG') =>
  fetch(`${server.baseUrl}/api/v1/imports/register?${query}`, { method: 'POST', headers: { 'content-type': XLSX, ...bearer(role, role === 'officer' ? boardId : undefined) }, body: bytes });

describe('POST /api/v1/imports/register: Bắc Giang 2016 (seed 000) from its register', () => {
  it('dry run, commit, reports equal to the published figures, a second upload appends nothing, verify passes', async () => {
    const history = bacGiangHistory();
    const bytes = await xlsxOf(versionSheet(history));
    const dry = await upload(bytes, 'boardId=BQL-BG');
    const report: any = await dry.json();
    expect(dry.status).toBe(200);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ dryRun: true, valid: true, errors: 0, layout: 'versions', projects: 16 + 44 });
    expect(report.figures.newCertificates.find((y: { year: number }) => y.year === 2016)).toEqual({ year: 2016, FDI: { count: 31, capital: '840370000.00', currency: 'USD' }, DDI: { count: 13, capital: '3214700000000', currency: 'VND' } });
    expect(await server.eventCount()).toBe(0);

    // Multipart, as a browser form sends it.
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: XLSX }), 'bac-giang-2017-02.xlsx');
    const committed = await fetch(`${server.baseUrl}/api/v1/imports/register?boardId=BQL-BG&dryRun=false`, { method: 'POST', headers: bearer('officer', 'BQL-BG'), body: form });
    const result: any = await committed.json();
    expect(committed.status).toBe(201);
    expect(result).toMatchObject({ dryRun: false, appended: report.events, file: { name: 'bac-giang-2017-02.xlsx' } });
    expect(await server.eventCount()).toBe(report.events);

    const analyst = client(server.baseUrl, bearer('analyst'));
    const activity = await analyst.get(`/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&boardId=BQL-BG&minPosition=${result.position}`);
    expect(activity.body.total.FDI.current.newCertificates).toEqual({ count: 31, capital: { currency: 'USD', amount: '840370000.00' } });
    expect(activity.body.total.DDI.current.newCertificates).toEqual({ count: 13, capital: { currency: 'VND', amount: '3214700000000' } });
    // The dry run's direct fold and the projections agree at every year end and today.
    for (const f of report.figures.asOf) {
      const valid = await analyst.get(`/api/v1/reports/valid-projects?asOf=${f.asOf}&boardId=BQL-BG&minPosition=${result.position}`);
      expect([valid.body.total.FDI.validProjects, valid.body.total.FDI.registeredCapital.amount, valid.body.total.DDI.validProjects, valid.body.total.DDI.registeredCapital.amount]).toEqual([f.FDI.validProjects, f.FDI.registeredCapital, f.DDI.validProjects, f.DDI.registeredCapital]);
    }

    // And today's report equals the totals computed from the sheet itself: each project's last version, unless terminated.
    const latest = new Map(history.map((r) => [r[1], r]));
    const digits = (cell: Cell) => Number(String(cell).replace(/[.,]/g, ''));
    const live = [...latest.values()].filter((r) => r[12] !== 'Đã chấm dứt');
    const fdi = live.filter((r) => r[9] !== null);
    const ddi = live.filter((r) => r[10] !== null);
    const today = await analyst.get(`/api/v1/reports/valid-projects?asOf=2017-02-01&boardId=BQL-BG&minPosition=${result.position}`);
    expect(today.body.total.FDI).toMatchObject({ validProjects: fdi.length, registeredCapital: { amount: `${fdi.reduce((sum, r) => sum + digits(r[9]), 0) * 10_000}.00` } });
    expect(today.body.total.DDI).toMatchObject({ validProjects: ddi.length, registeredCapital: { amount: `${ddi.reduce((sum, r) => sum + digits(r[10]), 0)}00000000` } });

    const again = await upload(bytes, 'boardId=BQL-BG&dryRun=false');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ appended: 0, alreadyImportedAt: expect.any(String) });
    expect(await server.eventCount()).toBe(report.events);
    const verify = await client(server.baseUrl, bearer('auditor')).get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ ok: true, events: String(report.events) });
  });
});

describe('imported acts are ordinary acts', () => {
  it('a later increase continues the adjustment numbers, a correction applies, the history shows the import', async () => {
    const officer = client(server.baseUrl, bearer('officer', 'BQL-BG'));
    const code = '2400001001'; // issued 2014, increased in 2015, decreased in 2016 by the register above
    const events = await officer.get(`/api/v1/projects/${code}/events`);
    expect(events.status).toBe(200);
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['CertificateIssued', 'CapitalIncreased', 'CapitalDecreased']);
    expect(events.body.events[0].metadata).toMatchObject({ source: 'import', importFile: 'bac-giang-2017-02.xlsx', importRow: expect.any(Number) });
    const increase = await officer.post(`/api/v1/projects/${code}/capital-increases`, { amount: { vnd: '2270000000', usd: '100000.00' }, effectiveOn: '2017-01-20', reason: 'Mở rộng' });
    expect(increase.status).toBe(201);
    expect(increase.body.events).toEqual([{ type: 'CapitalIncreased', adjustmentNo: 3 }]);
    const correction = await officer.post(`/api/v1/projects/${code}/corrections`, { correctsVersion: 3, revoked: true, reason: 'Nhập sai từ sổ đăng ký' });
    expect(correction.status).toBe(201);
  });
});

describe('POST /api/v1/imports/register: refusals', () => {
  const broken = () =>
    xlsxOf(
      versionSheet([
        [1, '2400009001', 'Dự án giảm vốn', 'Công ty CP Một', 'Việt Nam', 'KCN Quang Châu', 0, '01/03/2016', null, null, '100'],
        [2, '2400009001', 'Dự án giảm vốn', 'Công ty CP Một', 'Việt Nam', 'KCN Quang Châu', 1, '01/03/2016', '01/09/2016', null, '-5'],
      ]),
    );

  it('a register with errors: 422 naming row and column, nothing appended; the row report as CSV and XLSX', async () => {
    const before = await server.eventCount();
    const reply = await upload(await broken(), 'boardId=BQL-BG&dryRun=false&lang=en');
    const body: any = await reply.json();
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body.code).toBe('IMPORT_HAS_ERRORS');
    expect(body.report.issues).toEqual([expect.objectContaining({ row: 6, column: V.bnvnd, code: 'CAPITAL_WOULD_BE_NON_POSITIVE', severity: 'error' })]);
    expect(await server.eventCount()).toBe(before);

    const csv = await upload(await broken(), 'boardId=BQL-BG&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(parse((await csv.text()).replace(/^\ufeff/, ''))).toEqual([
      ['Dòng', 'Cột', 'Tiêu đề cột', 'Mã lỗi', 'Mức độ', 'Nội dung'],
      ['6', 'K', 'Vốn đầu tư đăng ký / (tỷ đồng)', 'CAPITAL_WOULD_BE_NON_POSITIVE', 'lỗi', 'Giảm vốn làm vốn đăng ký bằng 0 hoặc âm'],
    ]);
    const xlsx = await upload(await broken(), 'boardId=BQL-BG&format=xlsx&lang=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect((workbook.worksheets[0].getRow(2).values as unknown[]).slice(1, 5)).toEqual([6, 'K', 'Vốn đầu tư đăng ký / (tỷ đồng)', 'CAPITAL_WOULD_BE_NON_POSITIVE']);
    expect(await server.eventCount()).toBe(before);
  });

  it('only an officer of that board or an admin; only workbooks; boardId required', async () => {
    const bytes = await broken();
    const codeOf = async (reply: Response) => [reply.status, ((await reply.json()) as { code: string }).code];
    expect(await codeOf(await upload(bytes, 'boardId=BQL-BG', 'analyst'))).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await codeOf(await upload(bytes, 'boardId=BQL-BG', 'officer', 'BQL-BN'))).toEqual([403, 'OUTSIDE_JURISDICTION']);
    expect(await codeOf(await upload(Buffer.from('STT,Mã số dự án\n'), 'boardId=BQL-BG'))).toEqual([400, 'IMPORT_FILE_UNREADABLE']);
    expect(await codeOf(await upload(bytes, 'dryRun=false'))).toEqual([400, 'IMPORT_QUERY_INVALID']);
    expect(await codeOf(await upload(bytes, 'boardId=BQL-BG&dryRun=maybe'))).toEqual([400, 'IMPORT_QUERY_INVALID']);
    expect(await codeOf(await upload(bytes, 'boardId=BQL-BG&dryRun=false&format=csv'))).toEqual([400, 'IMPORT_QUERY_INVALID']);
    expect((await upload(bytes, 'boardId=BQL-BG', 'admin')).status).toBe(200);
  });
});
