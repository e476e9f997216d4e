import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { formatBillionVnd, formatChange, formatMillionUsd, formatPercent } from '@ledger/labels';
import { SCENARIO_NOW, seedScenario } from '../browser/seed-scenario';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const VI = [
  'Kết quả thu hút đầu tư vào các KCN, KCX, KKT do Ban Quản lý các KCN tỉnh Bắc Giang quản lý trong năm 2016 như sau: có 3 dự án được cấp mới Giấy chứng nhận đăng ký đầu tư (GCNĐKĐT), trong đó có 2 dự án có vốn đầu tư nước ngoài (FDI) với tổng vốn đăng ký là 1.202,8 triệu USD và 1 dự án đầu tư trong nước (DDI) với tổng vốn đăng ký là 1.234,6 tỷ đồng; 4 lượt dự án thực hiện điều chỉnh GCNĐKĐT, trong đó có 3 lượt dự án FDI và 1 lượt dự án DDI. Tổng vốn đầu tư tăng thêm đạt 1,3 triệu USD và 10,0 tỷ đồng.',
  '',
  'Lũy kế đến ngày 31/12/2016, trên địa bàn các KCN, KCX, KKT do Ban Quản lý các KCN tỉnh Bắc Giang quản lý có 2 dự án FDI và 2 dự án DDI còn hiệu lực, với tổng vốn đăng ký đạt 1.211,3 triệu USD và 1.294,6 tỷ đồng. Vốn đầu tư thực hiện trong năm 2016 đạt 3,0 triệu USD và 20,0 tỷ đồng; vốn đầu tư của các doanh nghiệp đã thực hiện là 4,0 triệu USD (đạt 0,3% tổng vốn FDI đăng ký) và 20,0 tỷ đồng (đạt 1,5% tổng vốn DDI đăng ký).',
  '',
  'So với cùng kỳ năm trước, số dự án cấp mới tăng 50%; vốn đăng ký cấp mới và tăng thêm của dự án FDI tăng 11.941%, của dự án DDI tăng 2.389,1%; vốn thực hiện của dự án FDI tăng 200%, của dự án DDI chưa có số liệu cùng kỳ để so sánh.',
].join('\n');

const EN = [
  'Investment attracted to the zones managed by the Management Board of Industrial Zones of Bac Giang in 2016: 3 projects received a new Investment Registration Certificate (IRC), of which 2 foreign-invested (FDI) projects with a total registered capital of 1,202.8 million USD and 1 domestic (DDI) projects with a total registered capital of 1,234.6 billion VND; 4 adjustment occurrences of IRCs, of which 3 for FDI and 1 for DDI projects. Capital increases added 1.3 million USD and 10.0 billion VND.',
  '',
  'Cumulatively to 31/12/2016, the zones managed by the Management Board of Industrial Zones of Bac Giang hold 2 valid FDI projects and 2 valid DDI projects with a total registered capital of 1,211.3 million USD and 1,294.6 billion VND. Capital realized in 2016 reached 3.0 million USD and 20.0 billion VND; capital realized cumulatively is 4.0 million USD (0.3% of FDI registered capital) and 20.0 billion VND (1.5% of DDI registered capital).',
  '',
  'Compared with the same period last year, the number of new projects rose by 50%; new and added registered capital of FDI projects rose by 11,941% and of DDI projects rose by 2,389.1%; realized capital of FDI projects rose by 200% and of DDI projects has no same-period figure to compare with.',
].join('\n');

describe('narrative number formatting (exact, half up on bigint)', () => {
  it('writes the published figures of seed 001 as the boards do', () => {
    expect(formatMillionUsd('4841200000.00', 'vi')).toBe('4.841,2 triệu USD');
    expect(formatBillionVnd('33009600000000', 'vi')).toBe('33.009,6 tỷ đồng');
    expect(formatBillionVnd('255854200000000', 'vi')).toBe('255.854,2 tỷ đồng');
    expect(formatPercent('56.0', 'vi')).toBe('56%');
    expect(formatPercent('45.9', 'vi')).toBe('45,9%');
    expect(formatMillionUsd('41552900000.00', 'en')).toBe('41,552.9 million USD');
  });

  it('rounds half up on the exact amount, also beyond float precision', () => {
    expect(formatMillionUsd('1250000.00', 'vi')).toBe('1,3 triệu USD');
    expect(formatMillionUsd('1249999.99', 'vi')).toBe('1,2 triệu USD');
    expect(formatBillionVnd('50000000', 'vi')).toBe('0,1 tỷ đồng');
    expect(formatBillionVnd('49999999', 'vi')).toBe('0,0 tỷ đồng');
    // 2^53 + 1 đồng and more: a float would already have lost the last digits
    expect(formatBillionVnd('123456789050000001', 'vi')).toBe('123.456.789,1 tỷ đồng');
    expect(formatMillionUsd('-345678.90', 'vi')).toBe('-0,3 triệu USD');
    expect(formatChange('89.5', 'vi')).toBe('giảm 10,5%');
    expect(formatChange('100.0', 'en')).toBe('is unchanged');
  });
});

describe('GET /api/v1/reports/narrative (real server, real SQLite file)', () => {
  let server: LedgerServer;
  let http: ReturnType<typeof client>;
  let position: string;

  beforeAll(async () => {
    server = await startLedgerServer({}, SCENARIO_NOW);
    http = client(server.baseUrl, bearer('analyst'));
    ({ position } = await seedScenario(server.baseUrl));
  });
  afterAll(() => server.close());

  const narrative = (query: string) => http.get(`/api/v1/reports/narrative?${query}&minPosition=${position}`);

  it('renders the Vietnamese paragraph of a board for a year, exactly', async () => {
    const reply = await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG&lang=vi');
    expect(reply.status).toBe(200);
    expect(reply.body.text).toBe(VI);
    expect(reply.body).toMatchObject({ lang: 'vi', from: '2016-01-01', to: '2016-12-31', filters: { boardId: 'BQL-BG' } });
    // the exact figures behind the text travel with it
    expect(reply.body.figures.activity.FDI.current.newCertificates).toEqual({ count: 2, capital: { currency: 'USD', amount: '1202845678.90' } });
    expect(reply.body.figures.validProjects).toMatchObject({ asOf: '2016-12-31', DDI: { validProjects: 2, registeredCapital: { currency: 'VND', amount: '1294550000000' } } });
  });

  it('defaults to Vietnamese, renders English, and answers text/plain with ?format=text', async () => {
    expect((await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG')).body.text).toBe(VI);
    expect((await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG&lang=en')).body.text).toBe(EN);
    const text = await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG&lang=en&format=text');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.body).toBe(`${EN}\n`);
  });

  it('names a period that is not a calendar year by its dates, and the scope by the filters', async () => {
    const reply = await narrative('from=2016-01-01&to=2016-06-30&zoneId=KCN-QUANG-CHAU');
    expect(reply.body.text).toMatch(/^Kết quả thu hút đầu tư vào KCN Quang Châu từ ngày 01\/01\/2016 đến ngày 30\/06\/2016 như sau: có 1 dự án được cấp mới/);
    expect(reply.body.text).toContain('Tổng vốn đầu tư tăng thêm đạt 1,0 triệu USD và 0,0 tỷ đồng.');
    expect(reply.body.text).toContain('Lũy kế đến ngày 30/06/2016, trên địa bàn KCN Quang Châu có 2 dự án FDI và 0 dự án DDI còn hiệu lực, với tổng vốn đăng ký đạt 13,5 triệu USD và 0,0 tỷ đồng.');
  });

  it('reads the board-editable template on every request and refuses an unknown placeholder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'narrative-'));
    process.env.LEDGER_NARRATIVE_DIR = dir;
    try {
      writeFileSync(join(dir, 'vi.txt'), '# comment\nNăm nay có {{newProjectsFdi}} dự án FDI mới ({{newCapitalFdi}}).\n');
      expect((await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG')).body.text).toBe('Năm nay có 2 dự án FDI mới (1.202,8 triệu USD).');
      writeFileSync(join(dir, 'vi.txt'), 'Có {{soDuAn}} dự án.');
      const bad = await narrative('from=2016-01-01&to=2016-12-31');
      expect(bad.status).toBe(500);
      expect(bad.body).toMatchObject({ code: 'NARRATIVE_TEMPLATE_INVALID', detail: expect.stringContaining('unknown placeholder {{soDuAn}}') });
    } finally {
      delete process.env.LEDGER_NARRATIVE_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks of foreign investment alone under an FDI filter: no DDI figures, no "tổng vốn DDI"', async () => {
    const reply = await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG&origin=FDI');
    expect(reply.status).toBe(200);
    expect(reply.body.text).not.toMatch(/DDI|tỷ đồng/);
    expect(reply.body.text).toContain('có 2 dự án có vốn đầu tư nước ngoài (FDI) được cấp mới Giấy chứng nhận đăng ký đầu tư (GCNĐKĐT) với tổng vốn đăng ký là 1.202,8 triệu USD');
    expect(reply.body.text).toContain('có 2 dự án FDI còn hiệu lực, với tổng vốn đăng ký đạt 1.211,3 triệu USD');
    expect(reply.body.text).toContain('(đạt 0,3% tổng vốn đăng ký)');
    const en = await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG&origin=DDI&lang=en');
    expect(en.body.text).not.toMatch(/FDI|USD/);
    expect(en.body.text).toContain('1 domestic (DDI) projects received a new Investment Registration Certificate (IRC) with a total registered capital of 1,234.6 billion VND');
  });

  it('gives the same paragraphs as a Word document (?format=docx), with the period and the filters in words', async () => {
    const query = `from=2016-01-01&to=2016-12-31&boardId=BQL-BG&minPosition=${position}`;
    const json = await narrative('from=2016-01-01&to=2016-12-31&boardId=BQL-BG');
    const response = await fetch(`${server.baseUrl}/api/v1/reports/narrative?${query}&format=docx`, { headers: bearer('analyst') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="narrative-2016-01-01-2016-12-31.docx"');
    const xml = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']);
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(paragraphs.slice(0, 3)).toEqual(['Báo cáo tình hình thu hút đầu tư vào các KCN, KCX, KKT', 'Từ ngày 01/01/2016 đến ngày 31/12/2016', 'Ban Quản lý: Ban Quản lý các KCN tỉnh Bắc Giang']);
    expect(paragraphs.slice(3, -1).join('\n\n')).toBe(json.body.text);
    expect(paragraphs.at(-1)).toBe('Lập lúc 01/02/2017 09:00 (giờ Việt Nam)');
  });

  it('validates its query and needs a reader token', async () => {
    expect((await narrative('from=2016-12-31&to=2016-01-01')).status).toBe(400);
    expect((await narrative('to=2016-01-01')).status).toBe(400);
    expect((await narrative('from=2016-01-01&to=2016-12-31&lang=fr')).status).toBe(400);
    expect((await narrative('from=2016-01-01&to=2016-12-31&format=csv')).status).toBe(400);
    expect((await fetch(`${server.baseUrl}/api/v1/reports/narrative?from=2016-01-01&to=2016-12-31`)).status).toBe(401);
  });
});
