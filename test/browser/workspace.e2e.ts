import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, TEST_JWT_SECRET, type LedgerServer } from '../support/ledger-server';
import { mintToken } from '../../apps/ledger-api/src/auth/tokens';
import { workspaceAssetsDir } from '../../apps/ledger-api/src/workspace/workspace.controller';

/** Debian's Chromium (scripts/install-debian-packages.sh); playwright-core downloads no browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) console.warn(`SKIPPED: workspace browser tests need Chromium at ${CHROMIUM} — run scripts/install-debian-packages.sh (or set CHROMIUM_PATH)`);

declare const document: any;
declare const localStorage: any;

/**
 * A licensing officer of the Hà Nội board, in Vietnamese, with a browser and no curl: finds a project,
 * issues an FDI certificate after a preview, records, double-clicks, meets a concurrent change, corrects,
 * terminates — and the log holds exactly what was confirmed.
 */
(browserAvailable ? describe : describe.skip)('officer workspace in Chromium', () => {
  let server: LedgerServer;
  let browser: Browser;
  const officer = mintToken(TEST_JWT_SECRET, { sub: 'officer-lan', role: 'officer', boardId: 'BQL-HN' }, '1h');
  const code = '2101777001';

  beforeAll(async () => {
    workspaceAssetsDir(); // the built bundle must exist (npm test builds first); a clear error otherwise
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startLedgerServer();
    const hn = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    expect((await hn.post('/api/v1/projects', fdiCertificate('2101777000', { projectName: 'Nhà máy sản xuất bo mạch', investors: [{ name: 'Công ty TNHH Sao Việt', country: 'VN' }] }))).status).toBe(201);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path = '#/', lang?: 'en', token = officer): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1100 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (lang) await page.addInitScript(() => localStorage.setItem('ledger.workspace.lang', 'en'));
    await page.goto(`${server.baseUrl}/workspace${path}${path.startsWith('#') ? '&' : '#'}token=${token}`);
    return { page, errors };
  }
  const count = () => server.eventCount();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const fill = (page: Page, name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);

  it('finds a project by an unaccented investor name and by an unaccented project name', async () => {
    const { page, errors } = await open();
    await fill(page, 'q', 'Sao Viet');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.locator('[data-register] tbody tr').first().waitFor();
    expect(await page.locator('[data-register] tbody').innerText()).toContain('Công ty TNHH Sao Việt');
    await fill(page, 'q', 'bo mach');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForFunction(() => document.querySelector('[data-register] tbody')?.innerText.includes('bo mạch'));
    expect(await page.locator('[data-register] tbody').innerText()).toContain('Ban Quản lý các KCN và chế xuất Hà Nội');
    await shot(page, 'workspace-search');
    expect(errors).toEqual([]);
  });

  it('lists first the projects the officer’s own board holds, and every board’s with one click', async () => {
    const quangNinh = mintToken(TEST_JWT_SECRET, { sub: 'officer-hai', role: 'officer', boardId: 'BQL-QN' }, '1h');
    const { page, errors } = await open('#/', undefined, quangNinh);
    const ownOnly = page.locator('[name="own-board"]');
    await ownOnly.waitFor();
    expect((await page.locator('label:has([name="own-board"])').innerText()).trim()).toBe('Chỉ dự án do Ban Quản lý Khu kinh tế Quảng Ninh quản lý');
    expect(await ownOnly.isChecked()).toBe(true);
    await page.getByText('Không tìm thấy').waitFor(); // Quảng Ninh holds none of this ledger's projects
    await ownOnly.uncheck();
    await page.locator('[data-register] tbody tr').first().waitFor();
    expect(await page.locator('[data-register] tbody').innerText()).toContain('Công ty TNHH Sao Việt');
    expect(errors).toEqual([]);
  });

  it('issues an FDI certificate after a preview; a field error shows beside its field, in Vietnamese', async () => {
    const { page, errors } = await open('#/issue');
    await page.locator('form[data-act="IssueCertificate"]').waitFor();
    const before = await count();
    await fill(page, 'projectCode', code);
    await fill(page, 'issuedOn', '15/03/2016');
    await page.locator('[name="boardId"]').selectOption('BQL-HN');
    await page.locator('[name="zoneId"]').selectOption('KCN-THANG-LONG');
    await page.locator('[name="origin"]').selectOption('FDI');
    await fill(page, 'projectName', 'Nhà máy linh kiện Minh Phát');
    await fill(page, 'investors.0.name', 'Minh Phat Electronics Co., Ltd.');
    await page.locator('[name="investors.0.country"]').selectOption('KR');
    await fill(page, 'registeredCapital.vnd', '470.000.000.000');
    await fill(page, 'registeredCapital.exchangeRate', '23.500');
    expect(await page.locator('[name="registeredCapital.usd"]').inputValue()).toBe('20.000.000,00');
    expect(await page.locator('[data-field="registeredCapital.vnd"] .hint').innerText()).toContain('Bốn trăm bảy mươi tỷ đồng');
    await fill(page, 'objectives', 'Sản xuất linh kiện điện tử');
    // durationYears left empty: the API names the field, the form shows it beside the field.
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const fieldError = page.locator('[data-field="durationYears"] .field-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toBe('Thời hạn hoạt động (năm): bắt buộc phải nhập.');
    expect(await count()).toBe(before);
    await fill(page, 'durationYears', '50');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.locator('[data-preview]').waitFor();
    expect(await page.locator('[data-preview]').innerText()).toContain('Chứng nhận lần đầu — vốn đầu tư 20.000.000,00 USD');
    expect(await count()).toBe(before);
    await shot(page, 'workspace-issue-preview');
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('[data-certificate]').waitFor();
    expect(await count()).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('records a capital increase once although submit is double-clicked', async () => {
    const { page } = await open(`#/p/${code}`);
    await page.locator('[data-acts] [name="IncreaseCapital"]').click();
    await fill(page, 'amount.usd', '5.850.000,00');
    await fill(page, 'amount.exchangeRate', '23.500');
    expect(await page.locator('[name="amount.vnd"]').inputValue()).toBe('137.475.000.000');
    await fill(page, 'effectiveOn', '10/02/2017');
    await fill(page, 'reason', 'Mở rộng sản xuất');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.locator('[data-preview]').waitFor();
    expect(await page.locator('[data-preview]').innerText()).toContain('Chứng nhận thay đổi lần thứ 1 — vốn đầu tư 25.850.000,00 USD');
    const before = await count();
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).dblclick();
    await page.locator('[role="status"]').waitFor();
    expect(await count()).toBe(before + 1);
    expect(await page.locator('[data-adjustment-no]').innerText()).toBe('1');
    await shot(page, 'workspace-project');
  });

  it('shows another board’s project to an officer without offering acts or corrections, naming the board that holds it', async () => {
    const quangNinh = mintToken(TEST_JWT_SECRET, { sub: 'officer-hai', role: 'officer', boardId: 'BQL-QN' }, '1h');
    const { page, errors } = await open('#/p/2101777000', undefined, quangNinh);
    await page.locator('[data-certificate]').waitFor();
    expect(await page.locator('[data-view-only]').innerText()).toBe('Dự án do Ban Quản lý các KCN và chế xuất Hà Nội quản lý: Ban của bạn xem được nhưng không ghi nhận được.');
    expect(await page.locator('[data-acts]').count()).toBe(0);
    expect(await page.locator('[data-timeline] button').count()).toBe(0);
    // The holding board's own officer is offered both, without the notice.
    const own = await open('#/p/2101777000');
    await own.page.locator('[data-acts] [name="IncreaseCapital"]').waitFor();
    expect(await own.page.locator('[name="correct-1"]').count()).toBe(1);
    expect(await own.page.locator('[data-view-only]').count()).toBe(0);
    expect([...errors, ...own.errors]).toEqual([]);
  });

  it('meets a change made in another tab with a 409 it explains, and recovers after reloading', async () => {
    const { page } = await open(`#/p/${code}`);
    await page.locator('[data-acts] [name="AdjustCertificate"]').click();
    await page.locator('[name="change-objectives"]').check();
    await fill(page, 'objectives', 'Sản xuất linh kiện và bo mạch điện tử');
    await fill(page, 'effectiveOn', '01/06/2018');
    await fill(page, 'reason', 'Bổ sung mục tiêu');
    // Another tab records an act meanwhile.
    const other = await client(server.baseUrl, { authorization: `Bearer ${officer}` }).post(`/api/v1/projects/${code}/realized-capital`, { period: '2017-Q4', amount: { vnd: '23500000000', usd: '1000000.00' }, reportedOn: '2018-01-15' });
    expect(other.status).toBe(201);
    const before = await count();
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    const banner = page.locator('[data-code="VERSION_CONFLICT"]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Dự án vừa được người khác thay đổi');
    expect(await count()).toBe(before);
    await page.getByRole('button', { name: 'Tải lại dự án và kiểm tra' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-code="VERSION_CONFLICT"]'));
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('[role="status"]').waitFor();
    expect(await count()).toBe(before + 1);
  });

  it('corrects an amount with only the changed field, and the timeline marks the corrected act', async () => {
    const { page } = await open(`#/p/${code}`);
    await page.locator('[name="correct-2"]').click();
    expect(await page.locator('[name="amount.usd"]').inputValue()).toBe('5.850.000,00');
    await fill(page, 'amount.usd', '6.000.000,00');
    await fill(page, 'amount.vnd', '141.000.000.000');
    await page.locator('form[data-act="CorrectEvent"] [name="reason"]').last().fill('Nhập sai số vốn tăng');
    const before = await count();
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('[role="status"]').waitFor();
    expect(await count()).toBe(before + 1);
    const events = await client(server.baseUrl, { authorization: `Bearer ${officer}` }).get(`/api/v1/projects/${code}/events`);
    const correction = events.body.events.at(-1);
    expect(correction.data.correctedData.amount).toEqual({ vnd: '141000000000', usd: '6000000.00', exchangeRate: '23500' });
    await page.waitForFunction(() => document.querySelector('tr[data-version="2"]')?.innerText.includes('Đã được đính chính bởi ghi nhận số'));
    expect(await page.locator('tr[data-version="2"] .tag').innerText()).toBe(`Đã được đính chính bởi ghi nhận số ${correction.streamVersion}`);
  });

  it('records the start of operation from the investor’s notice; the certificate shows the day and the act is offered no more', async () => {
    const { page } = await open(`#/p/${code}`);
    await page.locator('[data-acts] [name="StartOperation"]').click();
    await fill(page, 'effectiveOn', '15/03/2018');
    await fill(page, 'noticeRef', '08/TB-SV');
    const before = await count();
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('[role="status"]').waitFor();
    expect(await count()).toBe(before + 1);
    await page.locator('[data-operating-since]').waitFor();
    expect(await page.locator('[data-certificate]').innerText()).toContain('Ngày đi vào hoạt động\n15/03/2018');
    expect(await page.locator('[data-timeline]').innerText()).toContain('Dự án đi vào hoạt động');
    expect(await page.locator('[data-acts] [name="StartOperation"]').count()).toBe(0);
  });

  it('terminates with a ground chosen in words; the certificate shows it', async () => {
    const { page } = await open(`#/p/${code}`);
    await page.locator('[data-acts] [name="TerminateProject"]').click();
    await page.locator('[name="ground"]').selectOption({ label: 'Nhà đầu tư quyết định chấm dứt (Điều 48.1.a)' });
    await fill(page, 'effectiveOn', '31/12/2019');
    await fill(page, 'decisionRef', '125/QĐ-BQL');
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('[role="status"]').waitFor();
    expect(await page.locator('[data-certificate]').innerText()).toContain('Đã chấm dứt');
    const timeline = await page.locator('[data-timeline]').innerText();
    expect(timeline).toContain('Chấm dứt hoạt động dự án');
    expect(timeline).toContain('Nhà đầu tư quyết định chấm dứt (Điều 48.1.a)');
    expect(timeline).not.toMatch(/INVESTOR_DECISION|CapitalIncreased|ProjectTerminated/);
    await shot(page, 'workspace-timeline');
    if (process.env.UPDATE_DOCS_SCREENSHOT) copyFileSync(join(ARTIFACTS, 'workspace-timeline.png'), join(__dirname, '..', '..', 'docs', 'workspace.png'));
  });

  it('in English, labels and messages are English', async () => {
    const { page } = await open('#/issue', 'en');
    await page.locator('form[data-act="IssueCertificate"]').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('[data-field="projectCode"] .field-error').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Issue certificate');
    expect(text).toContain('Project code');
    expect(text).toContain('projectCode is required');
    expect(text).not.toMatch(/bắt buộc|Xem trước|Mã số dự án/);
  });

  it('receives a dossier, resolves it with a capital increase that names it, and the dossier is approved with a link to the act', async () => {
    const { page, errors } = await open('#/dossiers');
    expect(await page.locator('[data-inbox-empty]').innerText()).toBe('Ban không có hồ sơ nào đang giải quyết hoặc chờ bổ sung.');
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    await page.locator('[name="receive"]').click();
    await fill(page, 'dossierId', 'HN-2026-000777');
    await page.locator('[name="procedureCode"]').selectOption('ADJUST_IRC');
    await fill(page, 'receivedAt', `${yesterday} 09:30`);
    await fill(page, 'applicant.name', 'Công ty TNHH Sao Việt');
    await fill(page, 'applicant.contact', '024 3456 7890');
    await fill(page, 'projectCode', '2101777000');
    await fill(page, 'documents', 'Văn bản đề nghị điều chỉnh dự án đầu tư\nBáo cáo tình hình thực hiện dự án');
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('tr[data-dossier="HN-2026-000777"]').waitFor();
    expect(await page.locator('tr[data-dossier="HN-2026-000777"]').innerText()).toContain('Điều chỉnh Giấy chứng nhận đăng ký đầu tư');
    await page.locator('[name="resolve-HN-2026-000777"]').click();
    await page.locator('[data-acts] [name="IncreaseCapital"]').click();
    await page.locator('[data-resolving]').waitFor();
    await fill(page, 'amount.usd', '1.000.000,00');
    await fill(page, 'amount.exchangeRate', '23.500');
    await fill(page, 'effectiveOn', yesterday);
    await fill(page, 'reason', 'Tăng vốn theo hồ sơ HN-2026-000777');
    await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
    await page.locator('[role="status"]').waitFor();
    const http = client(server.baseUrl, { authorization: `Bearer ${officer}` });
    const dossier = await http.get(`/api/v1/dossiers/HN-2026-000777?minPosition=${await server.store.headPosition()}`);
    expect(dossier.body.status).toBe('RESOLVED');
    const events = await http.get('/api/v1/projects/2101777000/events');
    expect(events.body.events.at(-1).metadata.dossierId).toBe('HN-2026-000777');
    expect(errors).toEqual([]);
  });

  it('brings a register in from Excel: a dry run with the figures, then all or nothing', async () => {
    // The merged Bắc Ninh board's officer brings in the register of Bắc Giang, a board it succeeded.
    const { page } = await open('#/import', undefined, mintToken(TEST_JWT_SECRET, { sub: 'officer-bn', role: 'officer', boardId: 'BQL-BN-2025' }, '1h'));
    await page.locator('[name="boardId"]').selectOption('BQL-BG');
    await page.locator('input[name="register"]').setInputFiles(join(__dirname, '..', 'fixtures', 'sample-register.xlsx'));
    const before = await count();
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.locator('[data-figures]').waitFor();
    expect(await count()).toBe(before);
    await shot(page, 'workspace-import');
    const status = await page.locator('[role="status"]').innerText();
    expect(status).toMatch(/ 12 dự án · \d+ ghi nhận · 0 lỗi/);
    expect(await page.locator('[data-figures] tbody tr').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Ghi nhận toàn bộ' }).click();
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.innerText.includes('Đã ghi nhận.'));
    expect(await count()).toBeGreaterThan(before + 12);
  });
});
