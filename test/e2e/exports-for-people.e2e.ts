import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { SCENARIO_NOW, seedScenario } from '../browser/seed-scenario';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * Exports for people: the same figures as the JSON, with the boards' headers, in a spreadsheet's
 * Vietnamese conventions (CSV `;` and decimal commas), printable (XLSX page setup).
 */
describe('exports for people: ?format=csv&locale=vi and ?format=xlsx&lang=vi|en', () => {
  let server: LedgerServer;
  let position: string;
  const analyst = bearer('analyst');

  beforeAll(async () => {
    server = await startLedgerServer({}, SCENARIO_NOW);
    ({ position } = await seedScenario(server.baseUrl));
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}&minPosition=${position}`, { headers: analyst });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const json = async (path: string) => (await client(server.baseUrl, analyst).get(`${path}&minPosition=${position}`)).body;
  /** A Vietnamese-locale spreadsheet's reading of a number cell: the decimal comma back to a decimal string. */
  const viNumber = (text: string) => text.replace(',', '.');
  const workbook = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    return wb;
  };

  it('activity CSV for a Vietnamese spreadsheet: ";" separators, decimal commas, the boards\' headers, numbers round-trip', async () => {
    const path = '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&groupBy=board';
    const report = await json(path);
    const bytes = await get(`${path}&format=csv&locale=vi`);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFBan Quản lý;Loại dự án;Đơn vị tiền;Số dự án cấp mới;Số dự án cấp mới — cùng kỳ năm trước;Số dự án cấp mới — tỷ lệ so với cùng kỳ \(%\);Vốn đăng ký cấp mới;/);
    expect(text).not.toContain('current.newCertificates');
    const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true, delimiter: ';', skip_empty_lines: true });
    expect(rows).toHaveLength(report.groups.length * 2);
    const bg = report.groups.find((g: any) => g.key.boardId === 'BQL-BG');
    const fdi = rows.find((r) => r['Ban Quản lý'] === 'Ban Quản lý các KCN tỉnh Bắc Giang' && r['Loại dự án'] === 'FDI')!;
    expect(fdi['Vốn đăng ký cấp mới']).toBe('1202845678,90');
    expect(viNumber(fdi['Vốn đăng ký cấp mới'])).toBe(bg.FDI.current.newCertificates.capital.amount);
    expect(viNumber(fdi['Vốn tăng thêm'])).toBe(bg.FDI.current.increases.capital.amount);
    expect(viNumber(fdi['Vốn đăng ký cấp mới và tăng thêm — tỷ lệ so với cùng kỳ (%)'])).toBe(bg.FDI.ratioPct.newAndAddedCapital);
    expect(fdi['Số dự án cấp mới']).toBe(String(bg.FDI.current.newCertificates.count));
    for (const row of rows) for (const value of Object.values(row)) if (/^-?\d+(,\d+)?$/.test(value)) expect(value).not.toContain('.');
  });

  it('in English with lang=en, and the machine names stay at ?format=csv', async () => {
    const path = '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&boardId=BQL-BG';
    expect((await get(`${path}&format=csv&locale=vi&lang=en`)).toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFFOrigin;Currency;New projects;New projects — same period last year;New projects — ratio to same period (%);Registered capital of new projects;Registered capital of new projects — same period last year;Registered capital of new projects — ratio to same period (%);Adjustment occurrences;' +
        'Adjustment occurrences — same period last year;Adjustment occurrences — ratio to same period (%);Projects adjusted;Projects adjusted — same period last year;Projects adjusted — ratio to same period (%);Capital increases;Capital increases — same period last year;Capital increases — ratio to same period (%);' +
        'Capital added;Capital added — same period last year;Capital added — ratio to same period (%);Capital decreases;Capital decreases — same period last year;Capital decreases — ratio to same period (%);Capital reduced;Capital reduced — same period last year;Capital reduced — ratio to same period (%);' +
        'Projects terminated;Projects terminated — same period last year;Projects terminated — ratio to same period (%);Registered capital of terminated projects;Registered capital of terminated projects — same period last year;Registered capital of terminated projects — ratio to same period (%);' +
        'New and added registered capital;New and added registered capital — same period last year;New and added registered capital — ratio to same period (%);Net change in registered capital;Net change in registered capital — same period last year;Net change in registered capital — ratio to same period (%);' +
        'Capital realized in the period;Capital realized in the period — same period last year;Capital realized in the period — ratio to same period (%)',
    );
    expect((await get(`${path}&format=csv`)).toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFForigin,currency,current\.newCertificates\.count,current\.newCertificates\.capital,/);
  });

  it('register CSV for people: investor, board and zone names, statuses in words, dates day first', async () => {
    const rows: Record<string, string>[] = parse(await get('/api/v1/projects?sort=projectCode&format=csv&locale=vi'), { bom: true, columns: true, delimiter: ';' });
    const terminated = rows.find((r) => r['Mã số dự án'] === '2101000004')!;
    expect(terminated).toMatchObject({
      'Tên dự án': 'Dự án 2101000004',
      'Nhà đầu tư chính': 'Shenzhen Tech Ltd',
      'Ban Quản lý': 'Ban Quản lý các KCN tỉnh Bắc Giang',
      'KCN, KCX, KKT': 'KCN Quang Châu',
      'Ngày cấp': '20/04/2016',
      'Tình trạng': 'Đã chấm dứt',
      'Đang ngừng hoạt động': 'Không',
      'Ngày chấm dứt': '01/12/2016',
      'Vốn đăng ký (USD)': '2500000,00',
    });
    expect(Object.keys(terminated)).not.toContain('boardId');
  });

  it('XLSX for people: the boards\' headers under their sections, autofilter, landscape one page wide, repeated header rows, title and filters in the page header, real dates, Vietnam time', async () => {
    const activity = await workbook(await get('/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&boardId=BQL-BG&format=xlsx&lang=vi'));
    const ws = activity.worksheets[0];
    const rowOf = (n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    const labelsRow = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((n) => rowOf(n)[0] === 'Loại dự án')!;
    expect(rowOf(labelsRow).slice(0, 6)).toEqual(['Loại dự án', 'Đơn vị tiền', 'Số dự án cấp mới', 'Số dự án cấp mới — cùng kỳ năm trước', 'Số dự án cấp mới — tỷ lệ so với cùng kỳ (%)', 'Vốn đăng ký cấp mới (USD)']);
    expect(rowOf(labelsRow - 1).filter(Boolean)).toEqual(['Cấp mới', 'Điều chỉnh', 'Chấm dứt', 'Tổng vốn cấp mới và điều chỉnh', 'Vốn thực hiện']);
    expect(ws.getRow(labelsRow + 1).getCell(6).value).toBe(1202845678.9);
    expect(rowOf(labelsRow - 3)).toEqual(['Thời điểm lập (giờ Việt Nam)', '01/02/2017 09:00']);
    expect(activity.worksheets[1].getRow(labelsRow).getCell(6).value).toBe('Vốn đăng ký cấp mới (đồng)');
    expect(rowOf(labelsRow)).toHaveLength(41);
    expect(ws.autoFilter).toBe(`A${labelsRow}:AO${labelsRow}`); // column 41 = AO
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${labelsRow - 1}:${labelsRow}` });
    expect(ws.headerFooter.oddHeader).toBe('&L&BPeriod activity 2016-01-01 – 2016-12-31 / Kết quả thu hút đầu tư từ 2016-01-01 đến 2016-12-31&RboardId=BQL-BG');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: labelsRow });

    const register = (await workbook(await get('/api/v1/projects?sort=projectCode&format=xlsx&lang=en'))).worksheets[0];
    const header = (register.getRow(10).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(['Project code', 'Project name', 'Main investor', 'Management board', 'Zone']);
    const row = register.getRow(14); // the fourth project, 2101000004
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
    expect(cell('Project code').value).toBe('2101000004');
    expect(cell('Issued on').value).toEqual(new Date('2016-04-20T00:00:00Z'));
    expect(cell('Issued on').numFmt).toBe('dd/mm/yyyy');
    expect(cell('Terminated on').value).toEqual(new Date('2016-12-01T00:00:00Z'));
    expect(cell('Status').value).toBe('Terminated');
    expect(cell('Management board').value).toBe('Management Board of Industrial Zones of Bac Giang');
    expect(register.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '10:10' });
    expect(header).toHaveLength(16);
    expect(register.autoFilter).toBe('A10:P10');
  });
});
