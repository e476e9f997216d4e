import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mintToken } from '../../apps/ledger-api/src/auth/tokens';
import { NMM_OPERATIONS_2016, NMM_STARTED_OPERATING_2016, northernMidlandsOperationStarts2016, northernMidlandsOperations2016, operatingResults2016, RRD_OPERATIONS_2016 as P } from '../scenarios/operating-results-2016';
import { runScenario } from '../scenarios/run-scenario';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const usd = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
const cents = (text: string) => BigInt(text.replace('.', ''));
const halfUp = (value: bigint, divisor: bigint) => (value * 2n + divisor) / (2n * divisor);
/** part / whole in percent with one decimal, rounded half up. */
const pct = (part: bigint, whole: bigint) => {
  const tenths = halfUp(part * 1000n, whole);
  return `${tenths / 10n}.${tenths % 10n}`;
};

/**
 * Seed 001, operating results of 2016: "Tổng doanh thu đạt 46.643,5 triệu USD và 129.873 tỷ đồng; giá
 * trị xuất khẩu đạt 38.277,8 triệu USD và 20.525,3 tỷ đồng; … nộp ngân sách 1.423,3 triệu USD và
 * 6.826,5 tỷ đồng; … 771.112 người lao động" — from enterprise reports filed through the HTTP API.
 */
describe('operating results: Red River Delta 2016 (seed 001)', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let now = new Date('2017-01-09T03:00:00Z');
  let position: string;
  let beforeRefiling: string;
  const scenario = operatingResults2016();
  const tokens = new Map<string, string>();
  const tokenFor = (boardId: string) => {
    if (!tokens.has(boardId)) tokens.set(boardId, mintToken(TEST_JWT_SECRET, { sub: `officer-${boardId}`, role: 'officer', boardId }, '1h'));
    return tokens.get(boardId) as string;
  };

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    analyst = client(server.baseUrl, bearer('analyst'));
    // Certificates and the first, wrong filing are recorded on 9 January 2017, everything else in April.
    await runScenario(server.baseUrl, scenario.setup.filter((s) => s.path === '/projects'), tokenFor, '2017-01-09');
    await runScenario(server.baseUrl, [scenario.firstFiling], tokenFor, '2017-01-09');
    beforeRefiling = '2017-01-09T12:00:00Z';
    now = new Date('2017-04-15T03:00:00Z');
    position = await runScenario(server.baseUrl, [...scenario.setup.filter((s) => s.path !== '/projects'), scenario.refiling], tokenFor, '2017-04-15');
  }, 300_000);
  afterAll(() => server.close());

  const report = (query = '') => analyst.get(`/api/v1/reports/operations?from=2016-01-01&to=2016-12-31&regionId=RRD&minPosition=${position}${query}`);

  it('by origin: revenue, exports, imports and budget exactly as published (FDI in USD, DDI in VND)', async () => {
    const { status, body } = await report();
    expect(status).toBe(200);
    for (const figure of ['revenue', 'exportValue', 'importValue', 'budgetPaid'] as const) {
      expect(body.total.FDI.current[figure]).toEqual({ currency: 'USD', amount: usd(P[figure].FDI) });
      expect(body.total.DDI.current[figure]).toEqual({ currency: 'VND', amount: P[figure].DDI.toString() });
    }
    expect(body.total.FDI.current.revenue.amount).toBe('46643500000.00');
    expect(body.total.DDI.current.budgetPaid.amount).toBe('6826500000000');
    // Every figure was filed in the currency asked for: nothing converted.
    expect(body.conversions).toEqual([]);
  });

  it('the paragraph as the boards publish it, in Vietnamese and English', async () => {
    expect((await report()).body.narrative).toEqual({
      lang: 'vi',
      text: 'Tổng doanh thu đạt 46.643,5 triệu USD và 129.873,0 tỷ đồng; giá trị xuất khẩu đạt 38.277,8 triệu USD và 20.525,3 tỷ đồng; giá trị nhập khẩu đạt 28.799,2 triệu USD và 21.752,5 tỷ đồng; nộp ngân sách 1.423,3 triệu USD và 6.826,5 tỷ đồng; tạo việc làm và thu nhập ổn định cho 771.112 người lao động.',
    });
    expect((await report('&lang=en')).body.narrative.text).toBe(
      'Revenue reached 46,643.5 million USD and 129,873.0 billion VND; exports reached 38,277.8 million USD and 20,525.3 billion VND; imports reached 28,799.2 million USD and 21,752.5 billion VND; taxes and fees paid to the state budget 1,423.3 million USD and 6,826.5 billion VND; the enterprises employed 771,112 workers.',
    );
  });

  it('771,112 workers at the end of 2016 (annual reports win over the same year’s quarterly ones)', async () => {
    const { body } = await report();
    expect(body.total.FDI.current.employees + body.total.DDI.current.employees).toBe(771_112);
    expect(body.total.FDI.current.reportingProjects + body.total.DDI.current.reportingProjects).toBe(53);
  });

  it('one currency for all: revenue and budget in VND, exports and imports in USD, each conversion stated', async () => {
    const { body } = await report('&presentation=oneCurrency');
    // The test's own conversion at 22,300 VND/USD of each figure not filed in the currency asked for.
    const expected = (figure: string, currency: 'USD' | 'VND') =>
      scenario.filings2016.reduce((sum, f) => {
        const m = f[figure] as { vnd?: string; usd?: string };
        if (currency === 'USD') return sum + (m.usd !== undefined ? cents(m.usd) : halfUp(BigInt(m.vnd as string) * 100n, 22_300n));
        return sum + (m.vnd !== undefined ? BigInt(m.vnd) : halfUp(cents(m.usd as string) * 22_300n, 100n));
      }, 0n);
    expect(body.total.all.current.revenue).toEqual({ currency: 'VND', amount: expected('revenue', 'VND').toString() });
    expect(body.total.all.current.budgetPaid).toEqual({ currency: 'VND', amount: expected('budgetPaid', 'VND').toString() });
    expect(body.total.all.current.exportValue).toEqual({ currency: 'USD', amount: usd(expected('exportValue', 'USD')) });
    expect(body.total.all.current.importValue).toEqual({ currency: 'USD', amount: usd(expected('importValue', 'USD')) });
    expect(body.currencies).toEqual({ revenue: 'VND', budgetPaid: 'VND', exportValue: 'USD', importValue: 'USD' });
    const for2016 = body.conversions.filter((c: { period: string }) => c.period === '2016');
    expect(for2016.map((c: { to: string; vndPerUsd: string; rateKey: string }) => [c.to, c.vndPerUsd, c.rateKey])).toEqual([
      ['USD', '22300', '2016'],
      ['VND', '22300', '2016'],
    ]);
    expect(for2016.every((c: { figures: number }) => c.figures > 0)).toBe(true);
    // The shipped rates say what they are, beside every conversion.
    expect(for2016.map((c: { source: string }) => c.source)).toEqual([expect.stringMatching(/^approximate annual average, not an official rate/), expect.stringMatching(/^approximate/)]);
  });

  it('the same period last year (2015 reports at 90 %) with the ratio', async () => {
    const { body } = await report();
    const previous = scenario.filings2016.filter((f) => f.origin === 'FDI').reduce((s, f) => s + (cents((f.revenue as { usd: string }).usd) * 9n) / 10n, 0n);
    expect(body.samePeriodLastYear).toEqual({ from: '2015-01-01', to: '2015-12-31' });
    expect(body.total.FDI.samePeriodLastYear.revenue.amount).toBe(usd(previous));
    expect(body.total.FDI.ratioPct.revenue).toBe(pct(P.revenue.FDI, previous));
    expect(body.total.FDI.ratioPct.revenue).toMatch(/^111\.\d$/);
  });

  it('a refiling changes the figure from its recording time only: known on 9 January, the revenue was a tenth lower', async () => {
    const first = scenario.firstFiling.body as { revenue: { usd?: string; vnd?: string } };
    const right = scenario.refiling.body as { revenue: { usd?: string; vnd?: string } };
    const { body: then } = await report(`&knownAt=${beforeRefiling}`);
    const { body: later } = await report();
    const [origin, diff] = right.revenue.usd ? ['FDI', usd(cents(right.revenue.usd) - cents(first.revenue.usd as string))] : ['DDI', (BigInt(right.revenue.vnd as string) - BigInt(first.revenue.vnd as string)).toString()];
    expect(then.knownAt).toBe(beforeRefiling);
    // Known on 9 January: only that first filing.
    expect(then.total[origin].current.reportingProjects).toBe(1);
    expect(then.total[origin].current.revenue.amount).toBe(origin === 'FDI' ? first.revenue.usd : first.revenue.vnd);
    expect(diff).not.toMatch(/^-?0(\.00)?$/);
    expect(later.total[origin].current.revenue.amount).toBe(origin === 'FDI' ? usd(P.revenue.FDI) : P.revenue.DDI.toString());
  });

  it('reporting compliance: who has not reported 2016, who reported late; quarters of 2016 were mostly not reported', async () => {
    const { body } = await report();
    const year = body.compliance.periods.find((p: { period: string }) => p.period === '2016');
    expect(year).toMatchObject({ deadline: '2017-03-31', due: true, expected: 55, late: 1, missing: 2, onTime: 52 });
    expect(year.missingProjects.map((p: { projectCode: string }) => p.projectCode).sort()).toEqual([...scenario.silent].sort());
    expect(year.lateProjects).toEqual([expect.objectContaining({ projectCode: scenario.late, filedOn: '2017-04-05' })]);
    const q1 = body.compliance.periods.find((p: { period: string }) => p.period === '2016-Q1');
    expect(q1).toMatchObject({ deadline: '2016-04-10', due: true, expected: 55 });
    expect(q1.onTime + q1.late + q1.missing).toBe(55);
  });

  it('CSV and XLSX carry the same exact figures as the JSON', async () => {
    const download = async (format: string) => {
      const r = await fetch(`${server.baseUrl}/api/v1/reports/operations?from=2016-01-01&to=2016-12-31&regionId=RRD&groupBy=board&format=${format}`, { headers: bearer('analyst') });
      return { type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
    };
    const { body } = await report('&groupBy=board');
    const csv = await download('csv');
    expect(csv.type).toContain('text/csv');
    const rows = parse(csv.bytes, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(22); // 11 boards × FDI, DDI
    const hanoiFdi = body.groups.find((g: { key: { boardId: string } }) => g.key.boardId === 'BQL-HN').FDI.current;
    expect(rows[rows.findIndex((r) => r.boardId === 'BQL-HN')]['current.revenue (USD)']).toBe(hanoiFdi.revenue.amount);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('xlsx')).bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['FDI (USD)', 'DDI (VND)']);
  });

  it('groups by board: the boards add up to the total', async () => {
    const { body } = await report('&groupBy=board');
    expect(body.groups).toHaveLength(11);
    const sum = body.groups.reduce((s: bigint, g: { FDI: { current: { revenue: { amount: string } } } }) => s + cents(g.FDI.current.revenue.amount), 0n);
    expect(usd(sum)).toBe(body.total.FDI.current.revenue.amount);
  });

  it('the realized capital is the CapitalRealized acts’ (one source of truth), not a copy in the reports', async () => {
    const { body: ops } = await report();
    const { body: activity } = await analyst.get(`/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&regionId=RRD&minPosition=${position}`);
    expect(ops.realizedCapital.FDI).toEqual({ currency: 'USD', amount: usd(scenario.realizedFdi) });
    expect(ops.realizedCapital.FDI).toEqual(activity.total.FDI.current.realizedCapital);
    expect(ops.realizedCapital.DDI).toEqual(activity.total.DDI.current.realizedCapital);
  });

  it('the same figures after rebuilding every read model from position 0', async () => {
    const before = [(await report()).body, (await report('&presentation=oneCurrency&groupBy=board,origin')).body, (await report(`&knownAt=${beforeRefiling}`)).body];
    await server.runner().rebuild();
    const after = [(await report()).body, (await report('&presentation=oneCurrency&groupBy=board,origin')).body, (await report(`&knownAt=${beforeRefiling}`)).body];
    expect(after).toEqual(before);
  });

  describe('bad input is a problem+json 4xx and the log is unchanged', () => {
    const officer = () => client(server.baseUrl, { authorization: `Bearer ${tokenFor('BQL-HN')}` });
    const code = () => (scenario.setup[0].body as { projectCode: string }).projectCode;
    const cases: [string, () => Record<string, unknown>, number, string][] = [
      ['negative employees', () => ({ projectCode: code(), period: '2016-Q2', filedOn: '2016-07-05', employees: -4 }), 422, 'FIGURE_NEGATIVE'],
      ['a period before the issuance', () => ({ projectCode: code(), period: '2011', filedOn: '2012-03-01', employees: 4 }), 422, 'PERIOD_BEFORE_ISSUANCE'],
      ['an unknown project', () => ({ projectCode: '2499999999', period: '2016', filedOn: '2017-01-20', employees: 4 }), 404, 'PROJECT_NOT_FOUND'],
      ['a half-year period', () => ({ projectCode: code(), period: '2016-H1', filedOn: '2016-07-05', employees: 4 }), 400, 'VALIDATION_FAILED'],
      ['money with a minus sign', () => ({ projectCode: code(), period: '2016-Q2', filedOn: '2016-07-05', employees: 4, revenue: { vnd: '-1' } }), 400, 'VALIDATION_FAILED'],
      ['more foreigners than employees', () => ({ projectCode: code(), period: '2016-Q2', filedOn: '2016-07-05', employees: 4, foreignEmployees: 5 }), 422, 'FOREIGN_EXCEEDS_EMPLOYEES'],
    ];
    it.each(cases)('%s', async (_name, body, status, problemCode) => {
      const before = await server.eventCount();
      const reply = await officer().post('/api/v1/enterprise-reports', body());
      expect(reply.status).toBe(status);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.code).toBe(problemCode);
      expect(await server.eventCount()).toBe(before);
    });

    it('Idempotency-Key: a retry returns the first result and appends nothing; another body under the key is 422; a dry run appends nothing', async () => {
      const body = { projectCode: code(), period: '2016-Q2', filedOn: '2016-07-05', employees: 40 };
      const dry = await officer().post('/api/v1/enterprise-reports?dryRun=true', body);
      expect([dry.status, dry.body.dryRun]).toEqual([200, true]);
      const before = await server.eventCount();
      const first = await officer().post('/api/v1/enterprise-reports', body, { 'idempotency-key': 'q2-filing' });
      const again = await officer().post('/api/v1/enterprise-reports', body, { 'idempotency-key': 'q2-filing' });
      expect([first.status, again.status, again.headers.get('idempotent-replayed'), again.body.position]).toEqual([201, 201, 'true', first.body.position]);
      expect(first.body.revision).toBe(dry.body.revision); // the dry run decided what the filing recorded
      const other = await officer().post('/api/v1/enterprise-reports', { ...body, employees: 41 }, { 'idempotency-key': 'q2-filing' });
      expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      expect(await server.eventCount()).toBe(before + 1);
    });

    it('an officer of another board may not file for the project (403), nothing appended', async () => {
      const before = await server.eventCount();
      const reply = await client(server.baseUrl, { authorization: `Bearer ${tokenFor('BQL-HP')}` }).post('/api/v1/enterprise-reports', { projectCode: code(), period: '2016-Q2', filedOn: '2016-07-05', employees: 4 });
      expect([reply.status, reply.body.code]).toEqual([403, 'OUTSIDE_JURISDICTION']);
      expect(await server.eventCount()).toBe(before);
    });
  });
});

/**
 * Seed 000, in one currency for everyone: "các KCN trong Khối đã có 80 dự án mới đi vào hoạt động;
 * tổng doanh thu tiêu thụ năm 2016 đạt 592.901,1 tỷ đồng; nộp ngân sách đạt 5.885 tỷ đồng; giá trị xuất
 * khẩu đạt 23,53 tỷ USD; tạo việc làm mới cho khoảng 46.183 lao động". The starts of operation are the
 * investors' notices, recorded on the projects (POST /projects/{code}/operation-start).
 */
describe('operating results in one currency: northern midlands 2016 (seed 000)', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let now = new Date('2017-02-10T02:00:00Z');
  let position: string;
  const beforeCorrection = '2017-02-12T00:00:00Z';
  const tokenFor = (boardId: string) => mintToken(TEST_JWT_SECRET, { sub: `officer-${boardId}`, role: 'officer', boardId }, '1h');
  const reporting = northernMidlandsOperations2016();
  const starts = northernMidlandsOperationStarts2016(reporting);

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    analyst = client(server.baseUrl, bearer('analyst'));
    await runScenario(server.baseUrl, [...reporting, ...starts.steps], tokenFor, '2017-02-10');
    now = new Date('2017-02-15T02:00:00Z');
    position = await runScenario(server.baseUrl, starts.corrections, tokenFor, '2017-02-15');
  }, 180_000);
  afterAll(() => server.close());

  const report = (query = '') => analyst.get(`/api/v1/reports/operations?from=2016-01-01&to=2016-12-31&presentation=oneCurrency&minPosition=${position}${query}`);

  it('revenue 592,901.1 bn VND, budget 5,885 bn VND, exports 23.53 bn USD, 46,183 new jobs — nothing converted', async () => {
    const { body } = await report();
    expect(body.total.all.current).toMatchObject({
      reportingProjects: 40,
      revenue: { currency: 'VND', amount: NMM_OPERATIONS_2016.revenueVnd.toString() },
      budgetPaid: { currency: 'VND', amount: '5885000000000' },
      exportValue: { currency: 'USD', amount: '23530000000.00' },
      newJobs: 46_183,
    });
    expect(body.total.all.current.revenue.amount).toBe('592901100000000');
    expect(body.conversions).toEqual([]);
  });

  it('80 projects started operating in 2016 (not those of 2015 or January 2017); the boards add up to it', async () => {
    const { body } = await report();
    expect(body.total.all.current.startedOperating).toBe(NMM_STARTED_OPERATING_2016);
    expect(body.total.all.current.startedOperating).toBe(80);
    const byBoard = (await report('&groupBy=board')).body.groups;
    expect(byBoard.map((g: { key: { boardId: string } }) => g.key.boardId)).toEqual(['BQL-BG', 'BQL-PT', 'BQL-TN', 'BQL-YB']);
    expect(byBoard.reduce((n: number, g: { all: { current: { startedOperating: number } } }) => n + g.all.current.startedOperating, 0)).toBe(80);
    // By origin, each project counts under its own origin.
    const { body: byOrigin } = await analyst.get(`/api/v1/reports/operations?from=2016-01-01&to=2016-12-31&minPosition=${position}`);
    expect(byOrigin.total.FDI.current.startedOperating + byOrigin.total.DDI.current.startedOperating).toBe(80);
    // The same period last year counts the starts dated in 2015 (some of the reporting enterprises).
    const in2015 = starts.steps.filter((s) => s.path.endsWith('/operation-start') && s.effectiveOn.startsWith('2015-')).length;
    expect(in2015).toBeGreaterThan(0);
    expect(body.total.all.samePeriodLastYear.startedOperating).toBe(in2015);
  });

  it('the paragraph says it as the boards do: "80 dự án đi vào hoạt động"', async () => {
    expect((await report()).body.narrative.text).toMatch(/^80 dự án đi vào hoạt động; tổng doanh thu đạt 592\.901,1 tỷ đồng; /);
    expect((await report('&lang=en')).body.narrative.text).toMatch(/^80 projects started operating; revenue reached 592,901\.1 billion VND; /);
  });

  it('a board words it its own way in config/narrative/operations.vi.txt (seed 000’s own sentence)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'operations-narrative-'));
    process.env.LEDGER_NARRATIVE_DIR = dir;
    try {
      writeFileSync(
        join(dir, 'operations.vi.txt'),
        '# seed 000\nsentence: trong năm 2016, các KCN trong Khối đã có [[{{startedOperating}} dự án mới đi vào hoạt động; ]]tổng doanh thu tiêu thụ năm 2016 đạt {{revenue}}; nộp ngân sách đạt {{budgetPaid}}; giá trị xuất khẩu đạt {{exportValue}}; tạo việc làm mới cho khoảng {{newJobs}} lao động.\n',
      );
      expect((await report()).body.narrative.text).toBe(
        'Trong năm 2016, các KCN trong Khối đã có 80 dự án mới đi vào hoạt động; tổng doanh thu tiêu thụ năm 2016 đạt 592.901,1 tỷ đồng; nộp ngân sách đạt 5.885,0 tỷ đồng; giá trị xuất khẩu đạt 23.530,0 triệu USD; tạo việc làm mới cho khoảng 46.183 lao động.',
      );
      writeFileSync(join(dir, 'operations.vi.txt'), 'sentence: có {{soDuAn}} dự án.\n');
      const broken = await report();
      expect([broken.status, broken.body.code]).toEqual([500, 'NARRATIVE_TEMPLATE_INVALID']);
      expect(broken.body.detail).toContain('unknown placeholder {{soDuAn}}');
    } finally {
      delete process.env.LEDGER_NARRATIVE_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('known before the corrections of two starts recorded with the wrong year: 80 too, but one more in Phú Thọ and one fewer in Thái Nguyên', async () => {
    const { into2016, outOf2016 } = starts.wrongStarts;
    expect([into2016.boardId, outOf2016.boardId]).toEqual(['BQL-TN', 'BQL-PT']);
    const started = async (query: string) =>
      Object.fromEntries((await report(`&groupBy=board${query}`)).body.groups.map((g: { key: { boardId: string }; all: { current: { startedOperating: number } } }) => [g.key.boardId, g.all.current.startedOperating]));
    const [then, now] = [await started(`&knownAt=${beforeCorrection}`), await started('')];
    expect((await report(`&knownAt=${beforeCorrection}`)).body.total.all.current.startedOperating).toBe(80);
    expect(then).toEqual({ ...now, 'BQL-TN': now['BQL-TN'] - 1, 'BQL-PT': now['BQL-PT'] + 1 });
    const auditor = client(server.baseUrl, bearer('auditor'));
    expect((await auditor.get(`/api/v1/projects/${into2016.code}`)).body.operatingSince).toBe('2016-12-28');
    expect((await auditor.get(`/api/v1/projects/${outOf2016.code}`)).body.operatingSince).toBe('2017-01-03');
  });

  it('the same figures after rebuilding every read model from position 0', async () => {
    const figures = async () => [(await report()).body.total, (await report(`&knownAt=${beforeCorrection}`)).body.total, (await report('&groupBy=board,origin')).body.groups];
    const before = await figures();
    await server.runner().rebuild();
    expect(await figures()).toEqual(before);
  });

  describe('a start of operation that cannot be recorded is a problem+json 422 and the log is unchanged', () => {
    const cases: [string, () => { code: string; boardId: string; effectiveOn: string }, string][] = [
      ['a start before the certificate was issued', () => ({ ...starts.notStarted, effectiveOn: '2015-05-31' }), 'EFFECTIVE_BEFORE_ISSUANCE'],
      ['a start in the future', () => ({ ...starts.notStarted, effectiveOn: '2017-02-16' }), 'FUTURE_DATED'],
      ['a start on a terminated project', () => ({ ...starts.terminated, effectiveOn: '2016-12-01' }), 'PROJECT_TERMINATED'],
      ['a second start', () => ({ ...starts.lateIssued, effectiveOn: '2016-12-21' }), 'OPERATION_ALREADY_STARTED'],
    ];
    it.each(cases)('%s', async (_name, input, problemCode) => {
      const { code, boardId, effectiveOn } = input();
      const before = await server.eventCount();
      const reply = await client(server.baseUrl, { authorization: `Bearer ${tokenFor(boardId)}` }).post(`/api/v1/projects/${code}/operation-start`, { effectiveOn });
      expect([reply.status, reply.body.code]).toEqual([422, problemCode]);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(await server.eventCount()).toBe(before);
    });

    it('a start without a date is a 400 naming effectiveOn', async () => {
      const before = await server.eventCount();
      const reply = await client(server.baseUrl, { authorization: `Bearer ${tokenFor(starts.lateIssued.boardId)}` }).post(`/api/v1/projects/${starts.lateIssued.code}/operation-start`, { noticeRef: '1/TB' });
      expect([reply.status, reply.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual(['effectiveOn']);
      expect(await server.eventCount()).toBe(before);
    });
  });
});
