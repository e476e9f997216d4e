import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { ReportExportInterceptor } from '../../apps/ledger-api/src/reports/export/report-export.interceptor';
import { SCENARIO_NOW, seedScenario } from '../browser/seed-scenario';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('report exports: ?format=csv and ?format=xlsx (real server, real SQLite file)', () => {
  let server: LedgerServer;
  let http: ReturnType<typeof client>;
  let position: string;
  const analyst = bearer('analyst');

  beforeAll(async () => {
    server = await startLedgerServer({}, SCENARIO_NOW);
    http = client(server.baseUrl, analyst);
    ({ position } = await seedScenario(server.baseUrl));
  });
  afterAll(() => server.close());

  const raw = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, { headers: analyst });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const json = async (path: string) => {
    const r = await http.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const csv = async (path: string): Promise<Record<string, string>[]> => {
    const r = await raw(`${path}&format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
    expect(r.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    expect(r.bytes.toString('utf8')).toContain('\r\n'); // RFC 4180 line breaks
    return parse(r.bytes, { bom: true, columns: true, skip_empty_lines: true });
  };
  /** Sheets as arrays of row objects keyed by the table header (found below the header block). */
  const xlsx = async (path: string) => {
    const r = await raw(`${path}&format=xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(XLSX);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.bytes as never);
    return workbook.worksheets.map((ws) => {
      const lines = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1));
      const blank = lines.findIndex((row, i) => i > 0 && !row.hasValues); // the line between header block and table
      const header = (lines[blank + 1].values as ExcelJS.CellValue[]).slice(1).map(String);
      const rows = lines.slice(blank + 2).filter((row) => row.hasValues).map((row) => Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
      return { name: ws.name, title: String(ws.getCell('A1').value), meta: lines.slice(1, blank).map((l) => [String(l.getCell(1).value), String(l.getCell(2).value)]), rows };
    });
  };

  it('valid projects by zone: CSV rows and XLSX numeric cells equal the JSON report, one sheet per origin', async () => {
    const path = '/api/v1/reports/valid-projects?asOf=2016-12-31&groupBy=zone&boardId=BQL-BG';
    const report = await json(path);
    const expected = report.groups.flatMap((g: any) =>
      ['FDI', 'DDI'].map((origin) => ({ zoneId: g.key.zoneId, origin, validProjects: String(g[origin].validProjects), registeredCapital: g[origin].registeredCapital.amount, realizedCapital: g[origin].realizedCapital.amount, realizationRatioPct: g[origin].realizationRatioPct ?? '' })),
    );
    const rows = await csv(path);
    expect(rows.map((r) => ({ zoneId: r.zoneId, origin: r.origin, validProjects: r.validProjects, registeredCapital: r.registeredCapital, realizedCapital: r.realizedCapital, realizationRatioPct: r.realizationRatioPct })).sort(byZoneOrigin)).toEqual(expected.sort(byZoneOrigin));
    expect(rows.find((r) => r.zoneId === 'KCN-QUANG-CHAU' && r.origin === 'FDI')).toMatchObject({ zoneName: 'KCN Quang Châu', currency: 'USD', registeredCapital: '11250000.00', realizedCapital: '4000000.00', realizationRatioPct: '35.6' });

    const sheets = await xlsx(path);
    expect(sheets.map((s) => s.name)).toEqual(['FDI (USD)', 'DDI (VND)']);
    expect(sheets[0].title).toBe('Valid projects as of 2016-12-31 / Dự án còn hiệu lực đến ngày 2016-12-31');
    expect(Object.fromEntries(sheets[0].meta)).toMatchObject({ 'As of / Đến ngày': '2016-12-31', 'Filters / Bộ lọc': 'boardId=BQL-BG', 'Group by / Nhóm theo': 'zone', 'Known at / Dữ liệu ghi nhận đến': 'latest recorded' });
    expect(Object.fromEntries(sheets[0].meta)['Generated at / Thời điểm lập']).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const [i, origin] of ['FDI', 'DDI'].entries()) {
      const data = sheets[i].rows.filter((r) => r.zoneId.value !== 'Total / Tổng');
      expect(data.map((r) => r.zoneId.value).sort()).toEqual(report.groups.map((g: any) => g.key.zoneId).sort());
      for (const r of data) {
        const g = report.groups.find((x: any) => x.key.zoneId === r.zoneId.value)[origin];
        expect(r.validProjects.value).toBe(g.validProjects);
        expect(r.registeredCapital.value).toBe(Number(g.registeredCapital.amount));
        expect(typeof r.registeredCapital.value).toBe('number');
        expect(r.registeredCapital.numFmt).toBe(origin === 'FDI' ? '#,##0.00' : '#,##0');
        expect(r.realizedCapital.value).toBe(Number(g.realizedCapital.amount));
      }
      const total = sheets[i].rows.find((r) => r.zoneId.value === 'Total / Tổng')!;
      expect(total.registeredCapital.value).toBe(Number(report.total[origin].registeredCapital.amount));
    }
    expect(sheets[0].rows.find((r) => r.zoneId.value === 'KCN-VAN-TRUNG')!.registeredCapital.value).toBe(1200000000);
    expect(sheets[0].rows.find((r) => r.zoneId.value === 'KCN-QUANG-CHAU')!.realizationRatioPct.numFmt).toBe('0.0"%"');
  });

  it('activity by board: current, same period last year and ratios as columns, equal to the JSON', async () => {
    const path = '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&groupBy=board';
    const report = await json(path);
    const rows = await csv(path);
    expect(rows).toHaveLength(report.groups.length * 2);
    for (const row of rows) {
      const entry = report.groups.find((g: any) => g.key.boardId === row.boardId)[row.origin];
      expect(row['current.newCertificates.count']).toBe(String(entry.current.newCertificates.count));
      expect(row['current.newCertificates.capital']).toBe(entry.current.newCertificates.capital.amount);
      expect(row['current.adjustmentOccurrences']).toBe(String(entry.current.adjustmentOccurrences));
      expect(row['current.increases.capital']).toBe(entry.current.increases.capital.amount);
      expect(row['current.decreases.capital']).toBe(entry.current.decreases.capital.amount);
      expect(row['current.terminations.count']).toBe(String(entry.current.terminations.count));
      expect(row['current.realizedCapital']).toBe(entry.current.realizedCapital.amount);
      expect(row['samePeriodLastYear.newAndAddedCapital']).toBe(entry.samePeriodLastYear.newAndAddedCapital.amount);
      expect(row['ratioPct.newCertificates.count']).toBe(entry.ratioPct['newCertificates.count'] ?? '');
    }
    const bgFdi = rows.find((r) => r.boardId === 'BQL-BG' && r.origin === 'FDI')!;
    expect(bgFdi).toMatchObject({ boardName: 'Ban Quản lý các KCN tỉnh Bắc Giang', 'current.newCertificates.count': '2', 'current.newCertificates.capital': '1202845678.90', 'current.adjustmentOccurrences': '3', 'current.increases.capital': '1250000.00' });

    const sheets = await xlsx(path);
    const fdi = sheets[0].rows.find((r) => r.boardId.value === 'BQL-BG')!;
    expect(fdi['current.newCertificates.capital'].value).toBe(1202845678.9);
    expect(fdi['current.newCertificates.count'].value).toBe(2);
    const ddi = sheets[1].rows.find((r) => r.boardId.value === 'BQL-BG')!;
    expect(ddi['current.newCertificates.capital'].value).toBe(1234550000000);
    expect(ddi['current.newCertificates.capital'].numFmt).toBe('#,##0');
    expect(Object.fromEntries(sheets[0].meta)).toMatchObject({ 'Period / Kỳ báo cáo': '2016-01-01 – 2016-12-31', 'Same period last year / Cùng kỳ': '2015-01-01 – 2015-12-31' });
  });

  it('time series per quarter: one row per period, FDI in USD and DDI in VND columns', async () => {
    const path = '/api/v1/reports/timeseries?metric=newCapital&interval=quarter&from=2016-01-01&to=2016-12-31&boardId=BQL-BG';
    const report = await json(path);
    const rows = await csv(path);
    expect(rows).toEqual(report.series.map((p: any) => ({ period: p.period, from: p.from, to: p.to, 'FDI (USD)': p.FDI, 'DDI (VND)': p.DDI })));
    expect(rows[0]).toMatchObject({ period: '2016-Q1', 'FDI (USD)': '1200345678.90', 'DDI (VND)': '0' });
    const [sheet] = await xlsx(path);
    expect(sheet.rows.map((r) => [r.period.value, r['FDI (USD)'].value, r['DDI (VND)'].value])).toEqual(report.series.map((p: any) => [p.period, Number(p.FDI), Number(p.DDI)]));
    expect(sheet.rows[0]['FDI (USD)'].numFmt).toBe('#,##0.00');
  });

  it('the register exports every matching row (paged through, not the requested page), sorted as asked', async () => {
    ReportExportInterceptor.registerPageSize = 2; // cross several pages with six projects
    try {
      const rows = await csv('/api/v1/projects?pageSize=1&sort=registeredCapital&order=desc');
      const all = await json('/api/v1/projects?pageSize=500&sort=registeredCapital&order=desc');
      expect(all.total).toBe(6);
      expect(rows.map((r) => r.projectCode)).toEqual(all.items.map((i: any) => i.projectCode));
      for (const [i, row] of rows.entries()) {
        const item = all.items[i];
        expect(row).toMatchObject({ projectName: item.projectName, boardId: item.boardId, origin: item.origin, status: item.status, 'registeredCapital.vnd': item.registeredCapital.vnd, 'registeredCapital.usd': item.registeredCapital.usd ?? '', suspended: 'false' });
      }
      expect(rows.find((r) => r.projectCode === '2101000004')).toMatchObject({ status: 'TERMINATED', terminatedOn: '2016-12-01' });
      const [sheet] = await xlsx('/api/v1/projects?boardId=BQL-BG&origin=DDI');
      expect(sheet.rows.map((r) => [r.projectCode.value, r['registeredCapital.vnd'].value])).toEqual([
        ['2101000002', 60000000000],
        ['2101000005', 1234550000000],
      ]);
      expect(sheet.rows[0].projectName.value).toBe('Dự án 2101000002');
    } finally {
      ReportExportInterceptor.registerPageSize = 1000;
    }
  });

  it.each(['projectCode', 'projectName', 'issuedOn', 'registeredCapital'])('the register export pages by keyset in the JSON order, sorted by %s both ways', async (sort) => {
    ReportExportInterceptor.registerPageSize = 2; // six projects: pages of two cross every boundary
    try {
      for (const order of ['asc', 'desc']) {
        const rows = await csv(`/api/v1/projects?sort=${sort}&order=${order}`);
        const all = await json(`/api/v1/projects?pageSize=500&sort=${sort}&order=${order}`);
        expect(rows.map((r) => r.projectCode)).toEqual(all.items.map((i: any) => i.projectCode));
      }
    } finally {
      ReportExportInterceptor.registerPageSize = 1000;
    }
  });

  it('keeps JSON the default, validates the format, and still enforces roles on exports', async () => {
    expect((await http.get('/api/v1/reports/valid-projects?asOf=2016-12-31')).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await http.get('/api/v1/reports/valid-projects?asOf=2016-12-31&format=pdf')).status).toBe(400);
    const anonymous = await fetch(`${server.baseUrl}/api/v1/reports/valid-projects?asOf=2016-12-31&format=csv`);
    expect(anonymous.status).toBe(401);
  });
});

const byZoneOrigin = (a: { zoneId?: string; origin: string }, b: { zoneId?: string; origin: string }) => `${a.zoneId}${a.origin}`.localeCompare(`${b.zoneId}${b.origin}`);
