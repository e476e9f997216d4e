import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/** poppler-utils, installed by npm's pretest (scripts/install-debian-packages.sh). */
const PDFTOTEXT = '/usr/bin/pdftotext';
const available = existsSync(PDFTOTEXT);
if (!available) console.warn('SKIPPED: the certificate PDF tests need poppler-utils (pdftotext, pdftoppm) — run scripts/install-debian-packages.sh poppler-utils:/usr/bin/pdftotext');

/** The printed Giấy chứng nhận đăng ký đầu tư, read back as text the way an officer reads the paper. */
(available ? describe : describe.skip)('certificate PDF', () => {
  let server: LedgerServer;
  const code = '2101666001';
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'));

  beforeAll(async () => {
    server = await startLedgerServer();
    const hn = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    const ok = async (p: Promise<{ status: number; body: unknown }>) => expect((await p).status).toBe(201);
    await ok(hn.post('/api/v1/projects', fdiCertificate(code, { registeredCapital: { vnd: '470000000000', usd: '20000000.00', exchangeRate: '23500' }, investors: [{ name: 'Công ty TNHH Sao Việt Electronics', country: 'KR' }] })));
    await ok(hn.post(`/api/v1/projects/${code}/capital-increases`, { amount: { vnd: '117500000000', usd: '5000000.00', exchangeRate: '23500' }, effectiveOn: '2017-02-10', reason: 'Mở rộng' }));
    await ok(hn.post(`/api/v1/projects/${code}/adjustments`, { changes: { objectives: 'Sản xuất bo mạch điện tử' }, effectiveOn: '2018-05-20', reason: 'Bổ sung mục tiêu' }));
    await ok(hn.post(`/api/v1/projects/${code}/capital-increases`, { amount: { vnd: '19975000000', usd: '850000.00', exchangeRate: '23500' }, effectiveOn: '2019-09-09', reason: 'Mở rộng' }));
  });
  afterAll(() => server.close());

  const has = (text: string, wording: string) => expect(text).toContain(wording.replace(/\s+/g, ''));

  async function certificateText(asOf: string, name: string): Promise<string> {
    const response = await fetch(`${server.baseUrl}/api/v1/projects/${code}/certificate.pdf?asOf=${asOf}`, { headers: bearer('officer', 'BQL-HN') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    // Compared without white space: where a line wraps is the layout's business, not the wording's.
    return execFileSync(PDFTOTEXT, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }

  it('prints the adjusted certificate: code, dates, the adjustment number, capital in figures and words', async () => {
    const text = await certificateText('2019-12-31', 'adjusted');
    has(text, 'GIẤY CHỨNG NHẬN ĐĂNG KÝ ĐẦU TƯ');
    has(text, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    has(text, `Mã số dự án: ${code}`);
    has(text, 'Chứng nhận lần đầu: ngày 15 tháng 03 năm 2016');
    has(text, 'Chứng nhận thay đổi lần thứ 3: ngày 09 tháng 09 năm 2019');
    has(text, '607.475.000.000 đồng (Bằng chữ: Sáu trăm linh bảy tỷ bốn trăm bảy mươi lăm triệu đồng)');
    has(text, 'tương đương 25.850.000,00 USD (Hai mươi lăm triệu tám trăm năm mươi nghìn đô la Mỹ) theo tỷ giá 23.500 VND/USD');
    has(text, 'Sản xuất bo mạch điện tử');
    has(text, 'Công ty TNHH Sao Việt Electronics; quốc tịch: Hàn Quốc');
    has(text, 'BAN QUẢN LÝ CÁC KCN VÀ CHẾ XUẤT HÀ NỘI Chứng nhận nhà đầu tư');
  });

  it('prints the certificate as it stood on an earlier date: first issuance only', async () => {
    const text = await certificateText('2016-12-31', 'first');
    has(text, 'Chứng nhận lần đầu: ngày 15 tháng 03 năm 2016');
    expect(text).not.toContain('Chứngnhậnthayđổi');
    has(text, '470.000.000.000 đồng (Bằng chữ: Bốn trăm bảy mươi tỷ đồng)');
  });

  it('renders page 1 to test/artifacts/certificate.png', () => {
    const artifacts = join(__dirname, '..', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'adjusted.pdf'), join(artifacts, 'certificate')]);
    expect(existsSync(join(artifacts, 'certificate.png'))).toBe(true);
  });

  it('an unknown project is a 404 problem', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/projects/2101666999/certificate.pdf`, { headers: bearer('officer', 'BQL-HN') });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
