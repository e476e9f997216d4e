import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, readAll, verifyChain, type RecordedEvent } from '@ledger/event-store';
import { AuthorityError, ImportRejectedError, commitImport, parseMapping, planImport, type Actor, type ImportPlan, type RegisterImportOptions } from '@ledger/ledger';
import { ReferenceData } from '@ledger/reference-data';
import { workbookOf } from '../../apps/ledger-cli/src/register/workbook';
import { P, V, day, projectSheet, serialOf, versionSheet, xlsxOf } from '../support/register-sheets';

/**
 * The register importer over a real SQLite log: sheets built here with exceljs, as messy as boards keep
 * them; every act decided by the write path's rules; a commit is all or nothing and never repeated.
 */
const reference = ReferenceData.load();
const NOW = new Date('2018-01-15T03:00:00Z');
const admin: Actor = { id: 'admin-1', role: 'admin' };
const RATES = { '2015': '21890', '2016': '22370', '2017': '22720' };

let dir: string;
let store: SqliteEventStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'register-import-'));
  store = new SqliteEventStore({ path: join(dir, 'ledger.db'), clock: () => NOW });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (bytes: Buffer, options: Partial<RegisterImportOptions> = {}, actor: Actor = admin) =>
  planImport(bytes, { boardId: 'BQL-BG', fileName: 'bg-register.xlsx', exchangeRates: RATES, ...options }, { reference, referenceDataVersion: reference.version, store }, { actor, now: NOW });
const events = async () => {
  const out: RecordedEvent[] = [];
  for await (const e of readAll(store, 0n, 500)) out.push(e);
  return out;
};
const count = async () => Number(await store.count());
const issuesOf = (p: ImportPlan) => p.issues.map(({ row, column, code }) => ({ row, column, code }));

/** Rows 5–14 of a version register: headings, blank line, three projects (one legacy-coded, one terminated), totals. */
const messyVersions = () =>
  xlsxOf(
    versionSheet(
      [
        ['I', null, 'Dự án FDI'],
        [1, '2400000001 ', 'Nhà máy linh kiện ABC', 'ABC Co., Ltd.', 'Hàn Quốc', 'KCN Quang Châu', 'Cấp mới', '15/03/2016', null, '12,5', null, 22300],
        [2, '2400000001', 'Nhà máy linh kiện ABC', 'ABC Co., Ltd.', 'Hàn Quốc', 'Quang Chau', 1, '15/03/2016', serialOf('2016-11-01'), '15', null, '22.400'],
        [],
        [3, '2400000001', 'Nhà máy linh kiện ABC (mở rộng)', 'ABC Co., Ltd.', 'Hàn Quốc', 'Quang Châu', 'Lần 2', '15/03/2016', day('2017-06-20'), 14.25, null, 22700],
        [4, '45/GP-KCN-BG  ', 'Nhà máy may XYZ', 'XYZ Garment Co.', 'Nhật Bản', 'KCN Đình Trám', 'Cấp mới', day('2016-08-10'), null, '3,2'],
        ['II', null, 'Dự án DDI'],
        [5, 191043000012, 'Kho vận Bắc Giang', 'Công ty CP Logistics BG', 'Việt Nam', 'song khe - noi hoang', 'Cấp mới', day('2016-05-05'), null, null, '1.234,5', null, 'Đã chấm dứt', '20/10/2017'],
      ],
      [null, null, 'Tổng cộng', null, null, null, null, null, null, 17.45, '1.234,5'],
    ),
  );

describe('a version register ("Chứng nhận thay đổi lần thứ N") with the usual mess', () => {
  it('is read into issuance, increases, decreases, adjustments and termination on their legal dates', async () => {
    const bytes = await messyVersions();
    const result = await plan(bytes);
    expect(issuesOf(result)).toEqual([]);
    expect(result.layout).toBe('versions');
    expect(result.file.headerRow).toBe(4);
    expect(result.file.columns.find((c) => c.column === 'J')).toEqual({ column: 'J', header: 'Vốn đầu tư đăng ký / (triệu USD)', field: 'capitalMillionUsd' });
    expect([result.rows, result.projects, result.acts]).toEqual([5, 3, 7]);
    const byStream = Object.fromEntries(result.entries.map((e) => [e.streamId, e.events]));
    expect(Object.keys(byStream)).toEqual(['project-2400000001', 'project-45/GP-KCN-BG', 'project-191043000012']);
    expect(byStream['project-2400000001'].map((e) => e.type)).toEqual(['CertificateIssued', 'CapitalIncreased', 'CapitalDecreased', 'CertificateAdjusted']);
    const [issued, increased, decreased, adjusted] = byStream['project-2400000001'].map((e) => e.data as Record<string, any>);
    expect(issued).toMatchObject({ boardId: 'BQL-BG', zoneId: 'KCN-QUANG-CHAU', origin: 'FDI', issuedOn: '2016-03-15', investors: [{ name: 'ABC Co., Ltd.', country: 'KR' }], registeredCapital: { usd: '12500000.00', vnd: '278750000000', exchangeRate: '22300' } });
    expect(increased).toMatchObject({ adjustmentNo: 1, effectiveOn: '2016-11-01', amount: { usd: '2500000.00', vnd: '56000000000', exchangeRate: '22400' } });
    expect(decreased).toMatchObject({ adjustmentNo: 2, effectiveOn: '2017-06-20', amount: { usd: '750000.00', vnd: '17025000000', exchangeRate: '22700' } });
    expect(adjusted).toMatchObject({ adjustmentNo: 3, effectiveOn: '2017-06-20', changes: { projectName: 'Nhà máy linh kiện ABC (mở rộng)' } });
    // USD only and no rate on the row: VND at the configured rate of the year of issuance.
    expect(byStream['project-45/GP-KCN-BG'][0].data).toMatchObject({ zoneId: 'KCN-DINH-TRAM', registeredCapital: { usd: '3200000.00', vnd: '71584000000', exchangeRate: '22370' }, investors: [{ name: 'XYZ Garment Co.', country: 'JP' }] });
    expect(byStream['project-191043000012'].map((e) => [e.type, e.data])).toEqual([
      ['CertificateIssued', expect.objectContaining({ origin: 'DDI', zoneId: 'KCN-SONG-KHE-NOI-HOANG', issuedOn: '2016-05-05', registeredCapital: { vnd: '1234500000000' } })],
      ['ProjectTerminated', expect.objectContaining({ effectiveOn: '2017-10-20', ground: 'INVESTOR_DECISION' })],
    ]);
    expect(byStream['project-2400000001'][0].metadata).toMatchObject({
      source: 'import',
      importFile: 'bg-register.xlsx',
      importFileSha256: createHash('sha256').update(bytes).digest('hex'),
      importSheet: 'DS du an',
      importRow: 6,
      actor: 'admin-1',
      role: 'admin',
      boardId: 'BQL-BG',
    });
    expect(result.figures.asOf).toEqual([
      { asOf: '2016-12-31', FDI: { validProjects: 2, registeredCapital: '18200000.00', currency: 'USD' }, DDI: { validProjects: 1, registeredCapital: '1234500000000', currency: 'VND' } },
      { asOf: '2017-12-31', FDI: { validProjects: 2, registeredCapital: '17450000.00', currency: 'USD' }, DDI: { validProjects: 0, registeredCapital: '0', currency: 'VND' } },
      { asOf: '2018-01-15', FDI: { validProjects: 2, registeredCapital: '17450000.00', currency: 'USD' }, DDI: { validProjects: 0, registeredCapital: '0', currency: 'VND' } },
    ]);
    expect(result.figures.newCertificates).toEqual([{ year: 2016, FDI: { count: 2, capital: '15700000.00', currency: 'USD' }, DDI: { count: 1, capital: '1234500000000', currency: 'VND' } }]);
  });

  it('commits in one transaction at the import time, the chain verifies, and the same file again appends nothing', async () => {
    const bytes = await messyVersions();
    expect(commitImport(await plan(bytes), store)).toEqual({ appended: 7, position: 7n });
    const log = await events();
    expect(log.map((e) => e.recordedAt)).toEqual(Array(7).fill(NOW.toISOString()));
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: 7n });

    // Again, and by an officer of the board this time: the file's hash is in the log, so nothing is decided or appended.
    const again = await plan(bytes, {}, { id: 'officer-bg', role: 'officer', boardId: 'BQL-BG' });
    expect(again.alreadyImportedAt).toBe(NOW.toISOString());
    expect(again.issues.map((i) => i.code)).toEqual(['ALREADY_IMPORTED']);
    expect(commitImport(again, store)).toEqual({ appended: 0 });
    expect(await count()).toBe(7);
    expect(again.figures.asOf.at(-1)).toEqual((await plan(await messyVersions())).figures.asOf.at(-1));
  });

  it('refuses an officer of another board before reading a row', async () => {
    await expect(plan(await messyVersions(), {}, { id: 'officer-bn', role: 'officer', boardId: 'BQL-BN' })).rejects.toThrow(AuthorityError);
  });
});

/** Rows 2–5 of a project register: USD as Vietnamese text and as a number, a DDI in tỷ đồng, one terminated. */
const projectRows = () => [
  [1, '2400000101', 'Nhà máy điện tử Sing', 'Sing Tech Pte. Ltd.', 'Singapore', 'KCN Vân Trung', '02/02/2015', '1.250.000', null, 'Đang hoạt động'],
  [2, '2400000102 ', 'Nhà máy bao bì Đài', 'Tai Pack Co.', 'Đài Loan', 'Van Trung', day('2016-09-09'), 2500000.5, null, 'Còn hiệu lực'],
  [3, '2400000103', 'Kho lạnh Bắc Giang', 'Công ty TNHH Kho lạnh BG', 'Việt Nam', 'KCN Quang Châu', serialOf('2016-04-01'), null, '350', 'Đang hoạt động'],
  [4, '2400000104', 'Xưởng gỗ', 'Công ty CP Gỗ', 'Việt Nam', 'KCN Quang Châu', '01/06/2015', null, '42,25', 'Đã chấm dứt', '30/12/2016'],
];

describe('a project register (one row per project, current figures)', () => {
  it('imports each project as issued with its current capital; the figures equal the totals computed from the sheet', async () => {
    const rows = projectRows();
    const result = await plan(await xlsxOf(projectSheet(rows, [null, 'Tổng', null, null, null, null, null, '3.750.000,5', '392,25'])));
    expect(issuesOf(result)).toEqual([]);
    expect(result.layout).toBe('projects');
    // From the sheet: FDI valid today = rows 1–2 in USD; DDI valid today = row 3 (row 4 terminated) in tỷ đồng.
    const usdCents = [1_250_000_00n, 2_500_000_50n].reduce((a, b) => a + b);
    const vnd = 350n * 1_000_000_000n;
    expect(result.figures.asOf.at(-1)).toEqual({ asOf: '2018-01-15', FDI: { validProjects: 2, registeredCapital: `${usdCents / 100n}.${String(usdCents % 100n).padStart(2, '0')}`, currency: 'USD' }, DDI: { validProjects: 1, registeredCapital: String(vnd), currency: 'VND' } });
    expect(result.figures.asOf.find((f) => f.asOf === '2015-12-31')).toMatchObject({ FDI: { validProjects: 1 }, DDI: { validProjects: 1, registeredCapital: '42250000000' } });
    expect(commitImport(result, store).appended).toBe(5);
    expect(await verifyChain(store)).toMatchObject({ ok: true, events: 5n });
  });

  it('with a totals row that disagrees: the dry run names the totals row and column; the commit appends nothing', async () => {
    commitImport(await plan(await messyVersions()), store);
    const before = await count();
    const result = await plan(await xlsxOf(projectSheet(projectRows(), [null, 'Tổng cộng', null, null, null, null, null, '3.750.001,5', '392,25'])));
    expect(issuesOf(result)).toEqual([{ row: 6, column: P.usd, code: 'TOTALS_MISMATCH' }]);
    expect(result.issues[0].message).toBe('Dòng tổng ghi 3750001.5, các dòng trên cộng lại 3750000.5');
    expect(() => commitImport(result, store)).toThrow(ImportRejectedError);
    expect(await count()).toBe(before);
  });

  it('takes unknown headers from a mapping file', async () => {
    const sheet = { name: 'Export', rows: [['Mã DA', 'Tên DA', 'Chủ DN', 'Nước', 'Khu', 'Ngày GCN', 'Vốn (USD)'], ['2400000201', 'Dự án A', 'A Corp', 'Hoa Kỳ', 'Đình Trám', '01/07/2016', '100.000']] };
    const mapping = parseMapping({ columns: { 'Mã DA': 'projectCode', 'Tên DA': 'projectName', 'Chủ DN': 'investor', Nước: 'country', Khu: 'zone', 'Ngày GCN': 'issuedOn' } });
    const result = await plan(await workbookOf([sheet]), { mapping });
    expect(issuesOf(result)).toEqual([]);
    expect(result.entries[0].events[0].data).toMatchObject({ projectCode: '2400000201', investors: [{ name: 'A Corp', country: 'US' }], zoneId: 'KCN-DINH-TRAM', registeredCapital: { usd: '100000.00', vnd: '2237000000', exchangeRate: '22370' } });
  });
});

describe("a merged board's register", () => {
  it("holds its predecessors' projects: each certificate's issuer is the board holding its zone on the issue date", async () => {
    const sheet = projectSheet([
      [1, '2400000601', 'Dự án Bắc Giang', 'Công ty CP BG', 'Việt Nam', 'KCN Quang Châu', '10/10/2016', null, '10'],
      [2, '2400000602', 'Dự án Bắc Ninh', 'Công ty CP BN', 'Việt Nam', 'KCN Quế Võ', '11/11/2016', null, '20'],
      [3, '2400000603', 'Dự án sau sáp nhập', 'Công ty CP Mới', 'Việt Nam', 'KCN Đình Trám', '15/09/2025', null, '30'],
    ]);
    const after = new Date('2026-01-15T03:00:00Z');
    const result = await planImport(await xlsxOf(sheet), { boardId: 'BQL-BN-2025', fileName: 'bn-2025.xlsx' }, { reference, referenceDataVersion: reference.version, store }, { actor: { id: 'officer-bn', role: 'officer', boardId: 'BQL-BN-2025' }, now: after });
    expect(issuesOf(result)).toEqual([]);
    expect(result.entries.map((e) => (e.events[0].data as { boardId: string }).boardId)).toEqual(['BQL-BG', 'BQL-BN', 'BQL-BN-2025']);
    // Recorded today by the board that holds them all now.
    expect(result.entries.map((e) => e.events[0].metadata.boardId)).toEqual(['BQL-BN-2025', 'BQL-BN-2025', 'BQL-BN-2025']);
  });
});

describe('rows that break the rules', () => {
  /** Rows 5–8: a decrease to zero (row 6) and an adjustment dated before the issuance (row 8). */
  const broken = (zeroed: string, adjustedOn: string) =>
    xlsxOf(
      versionSheet([
        [1, '2400000301', 'Dự án giảm vốn', 'Công ty CP Một', 'Việt Nam', 'KCN Quang Châu', 0, '01/03/2016', null, null, '100'],
        [2, '2400000301', 'Dự án giảm vốn', 'Công ty CP Một', 'Việt Nam', 'KCN Quang Châu', 1, '01/03/2016', '01/09/2016', null, zeroed],
        [3, '2400000302', 'Dự án lùi ngày', 'Hai Co.', 'Hàn Quốc', 'KCN Quang Châu', 0, '01/05/2016', null, '2', null, 22300],
        [4, '2400000302', 'Dự án lùi ngày', 'Hai Co.', 'Hàn Quốc', 'KCN Quang Châu', 1, '01/05/2016', adjustedOn, '3', null, 22300],
      ]),
    );

  it('the dry run names row, column and rule; the commit appends nothing and the event count is unchanged', async () => {
    commitImport(await plan(await messyVersions()), store);
    const before = await count();
    const result = await plan(await broken('0', '01/04/2016'), { lang: 'en' });
    expect(issuesOf(result)).toEqual([
      { row: 6, column: V.bnvnd, code: 'CAPITAL_WOULD_BE_NON_POSITIVE' },
      { row: 8, column: V.adjustedOn, code: 'EFFECTIVE_BEFORE_ISSUANCE' },
    ]);
    expect(result.issues[1].message).toBe("effectiveOn 2016-04-01 precedes the certificate's issuance on 2016-05-01");
    expect(result.issues[1].header).toBe('Ngày điều chỉnh');
    expect(() => commitImport(result, store)).toThrow(ImportRejectedError);
    expect(await count()).toBe(before);
    expect((await plan(await broken('0', '01/04/2016'))).issues.map((i) => i.message)).toEqual(['Giảm vốn làm vốn đăng ký bằng 0 hoặc âm', 'Ngày 01/04/2016 trước ngày cấp GCNĐKĐT 01/05/2016']);

    // The corrected file imports after the failed one.
    const corrected = await plan(await broken('60', '01/06/2016'));
    expect(issuesOf(corrected)).toEqual([]);
    expect(commitImport(corrected, store).appended).toBe(4);
    expect(await count()).toBe(before + 4);
    expect(await verifyChain(store)).toMatchObject({ ok: true });
  });

  it('FDI capital whose VND, USD and rate disagree is named at the rate column', async () => {
    const result = await plan(await xlsxOf(versionSheet([[1, '2400000501', 'Dự án tỷ giá', 'Ba Co.', 'Hàn Quốc', 'KCN Vân Trung', 0, '01/03/2016', null, '2', '50', 22300]])));
    expect(issuesOf(result)).toEqual([{ row: 5, column: V.rate, code: 'EXCHANGE_RATE_MISMATCH' }]);
  });

  it('a workbook without a register, or without the sheet asked for, is one sheet-level problem', async () => {
    const notes = await workbookOf([{ name: 'Ghi chú', rows: [['Báo cáo tháng'], ['Không có số liệu']] }]);
    expect(issuesOf(await plan(notes))).toEqual([{ row: 0, column: undefined, code: 'HEADER_NOT_FOUND' }]);
    expect(issuesOf(await plan(await messyVersions(), { sheet: 'Sheet9' }))).toEqual([{ row: 0, column: undefined, code: 'SHEET_NOT_FOUND' }]);
  });

  it('cells that cannot be read are named with their column: dates, numbers, countries, zones', async () => {
    const result = await plan(
      await xlsxOf(
        projectSheet([
          [1, '2400000401', 'A', 'A Co.', 'Atlantis', 'KCN Quang Châu', '01/01/2016', '100'],
          [2, '2400000402', 'B', 'B Co.', 'Hàn Quốc', 'KCN Thăng Long', '01/01/2016', '100'],
          [3, '2400000403', 'C', 'C Co.', 'Hàn Quốc', 'KCN Quang Châu', '31/02/2016', '100'],
          [4, '2400000404', 'D', 'D Co.', 'Hàn Quốc', 'KCN Quang Châu', '01/01/2016', 'một trăm'],
          [5, '2400000405', 'E', 'E Co.', 'Hàn Quốc', 'KCN Quang Châu', '01/01/2016', '100,005'],
          [6, '2400000401', 'A', 'A Co.', 'Hàn Quốc', 'KCN Quang Châu', '01/01/2016', '100'],
        ]),
      ),
      { layout: 'projects' },
    );
    expect(issuesOf(result)).toEqual([
      { row: 2, column: P.country, code: 'COUNTRY_UNKNOWN' },
      { row: 3, column: P.zone, code: 'ZONE_NOT_FOUND' },
      { row: 4, column: P.issuedOn, code: 'NOT_A_DATE' },
      { row: 5, column: P.usd, code: 'NOT_A_NUMBER' },
      { row: 6, column: P.usd, code: 'AMOUNT_TOO_PRECISE' },
      { row: 7, column: P.code, code: 'DUPLICATE_PROJECT' },
    ]);
    // The officer is told whose zones the sheet may name, by their names.
    expect(result.issues[1].message).toBe('Không có KCN "KCN Thăng Long" thuộc Ban Quản lý các KCN tỉnh Bắc Giang (các khu của Ban: KCN Quang Châu, KCN Đình Trám, KCN Song Khê - Nội Hoàng, KCN Vân Trung)');
    expect(await count()).toBe(0); // planning records nothing
  });
});
