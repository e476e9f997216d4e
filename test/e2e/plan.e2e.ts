import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { mintToken } from '../../apps/ledger-api/src/auth/tokens';
import { northernMidlands2016 } from '../scenarios/northern-midlands-2016';
import { runScenario } from '../scenarios/run-scenario';
import { certificate, prng, post, type ScenarioStep } from '../scenarios/scenario';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * Seed 000: "Ban Quản lý các KCN tỉnh Bắc Giang: Cấp GCNĐKĐT cho 44 dự án, đạt 220% so với kế hoạch cả
 * năm"; Thái Nguyên 30, 300 %; Phú Thọ 30, 250 % — the licensing history of the northern midlands
 * scenario through the HTTP API, each board's plan set through the API, the report reading both.
 */
describe('plan attainment: northern midlands 2016 (seed 000)', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let now = new Date('2017-02-01T02:00:00Z');
  let position = '0';
  const tokenFor = (boardId: string) => mintToken(TEST_JWT_SECRET, { sub: `officer-${boardId}`, role: 'officer', boardId }, '1h');
  const officer = (boardId: string) => client(server.baseUrl, { authorization: `Bearer ${tokenFor(boardId)}` });
  const LAND = { code: 'LAND_CLEARED', label: 'Giải phóng mặt bằng', unit: 'ha', target: '120.5' };
  const setTargets = async (boardId: string, year: number, body: Record<string, unknown>) => {
    const reply = await officer(boardId).post(`/api/v1/plans/${boardId}/${year}/targets`, body);
    expect(reply.status).toBe(201);
    position = reply.body.position;
  };
  // Two Bắc Giang enterprises licensed in 2014 that report 2015 and 2016: revenue 3,924.2 → 4,210.6 bn VND.
  const rng = prng(16);
  const older: ScenarioStep[] = ['2400100001', '2400100002'].map((code) =>
    post('/projects', 'BQL-BG', certificate(rng, { code, boardId: 'BQL-BG', zoneId: 'KCN-DINH-TRAM', origin: 'DDI', capital: 300_000_000_000n, issuedOn: '2014-05-10' })),
  );
  const revenue = { 2015: ['2000000000000', '1924200000000'], 2016: ['2100000000000', '2110600000000'] } as const;
  const reports: ScenarioStep[] = ([2015, 2016] as const).flatMap((year) =>
    ['2400100001', '2400100002'].map((projectCode, i) => ({
      method: 'POST' as const,
      path: '/enterprise-reports',
      boardId: 'BQL-BG',
      effectiveOn: `${year + 1}-01-20`,
      body: { projectCode, period: String(year), filedOn: `${year + 1}-01-20`, revenue: { vnd: revenue[year][i] }, exportValue: { usd: '1000000.00' }, employees: 300, newJobs: year === 2016 ? 150 + i : 100 },
    })),
  );

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    analyst = client(server.baseUrl, bearer('analyst'));
    position = await runScenario(server.baseUrl, [...northernMidlands2016(), ...older, ...reports], tokenFor, '2017-02-01');
    // Plans and the board's own actuals entered on 1 February 2017, with the rest of the 2016 history.
    await setTargets('BQL-BG', 2016, { newProjects: 20, newAndAddedCapitalUsd: '600000000.00', revenueVnd: '8081766000000', newJobs: 1000, indicators: [LAND], decisionRef: '12/QĐ-UBND' });
    await setTargets('BQL-TN', 2016, { newProjects: 10 });
    await setTargets('BQL-PT', 2016, { newProjects: 12 });
    await setTargets('BQL-BG', 2015, { newProjects: 15 });
    for (const [period, value] of [['2016-Q1', '20.5'], ['2016-Q2', '30'], ['2016-Q3', '25.25'], ['2016-Q4', '40']]) {
      const reply = await officer('BQL-BG').post('/api/v1/plans/BQL-BG/2016/actuals', { code: 'LAND_CLEARED', period, value });
      expect(reply.status).toBe(201);
      position = reply.body.position;
    }
  }, 300_000);
  afterAll(() => server.close());

  const plan = (boardId: string, query = '') => analyst.get(`/api/v1/reports/plan?boardId=${boardId}&year=2016&minPosition=${position}${query}`);
  const lineOf = (body: { lines: { indicator: string }[] }, indicator: string) => body.lines.find((l) => l.indicator === indicator);

  it.each([
    ['BQL-BG', '44', '20', '220.00'],
    ['BQL-TN', '30', '10', '300.00'],
    ['BQL-PT', '30', '12', '250.00'],
  ])('%s: %s certificates against a plan of %s = %s %%', async (boardId, actual, target, pct) => {
    const { status, body } = await plan(boardId);
    expect(status).toBe(200);
    expect(lineOf(body, 'newProjects')).toMatchObject({ actual, target, pctOfPlan: pct });
  });

  it('Bắc Giang: new capital 840.37 M USD against 600 M, revenue 4,210.6 bn VND = 52.10 % of plan and 107.3 % of 2015', async () => {
    const { body } = await plan('BQL-BG');
    expect(lineOf(body, 'newAndAddedCapitalUsd')).toMatchObject({ unit: 'USD', actual: '840370000.00', target: '600000000.00', pctOfPlan: '140.06' });
    expect(lineOf(body, 'revenueVnd')).toMatchObject({ actual: '4210600000000', target: '8081766000000', pctOfPlan: '52.10', samePeriodLastYear: '3924200000000', ratioPct: '107.3' });
    expect(lineOf(body, 'newJobs')).toMatchObject({ actual: '301', target: '1000', pctOfPlan: '30.10', samePeriodLastYear: '200' });
    expect(lineOf(body, 'newProjects')).toMatchObject({ samePeriodLastYear: expect.any(String) });
    expect(lineOf(body, 'exportValueUsd')).toMatchObject({ actual: '2000000.00', target: null, pctOfPlan: null });
  });

  it('the paragraph: "doanh thu đạt 4.210,6 tỷ đồng, tăng 7,3% so với cùng kỳ, đạt 52,10% so với kế hoạch"', async () => {
    const { narrative } = (await plan('BQL-BG')).body;
    expect(narrative.lang).toBe('vi');
    // No certificates of Bắc Giang in 2015 in this history: no change on the same period is stated.
    expect(narrative.text).toMatch(/^Số dự án cấp mới đạt 44 dự án, đạt 220,00% so với kế hoạch; /);
    expect(narrative.text).toContain('; doanh thu đạt 4.210,6 tỷ đồng, tăng 7,3% so với cùng kỳ, đạt 52,10% so với kế hoạch;');
    expect(narrative.text).toContain('; Giải phóng mặt bằng đạt 115,75 ha, đạt 96,06% so với kế hoạch.');
    expect((await plan('BQL-BG', '&lang=en')).body.narrative.text).toContain('revenue reached 4,210.6 billion VND, rose by 7.3% on the same period last year, 52.10% of the plan');
  });

  it('the wording comes from the board-editable config/narrative/plan.<lang>.txt, read on every request; a broken one is a 500 naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-narrative-'));
    const edited = readFileSync(join('config', 'narrative', 'plan.vi.txt'), 'utf8')
      .replace(/^line: .*$/m, 'line: {{indicator}} {{actual}}[[ (bằng {{pctOfPlan}} kế hoạch năm)]]')
      .replace(/^revenueVnd: .*$/m, 'revenueVnd: doanh thu tiêu thụ đạt');
    process.env.LEDGER_NARRATIVE_DIR = dir;
    try {
      writeFileSync(join(dir, 'plan.vi.txt'), edited);
      const { text } = (await plan('BQL-BG')).body.narrative;
      expect(text).toMatch(/^Số dự án cấp mới đạt 44 dự án \(bằng 220,00% kế hoạch năm\); /);
      expect(text).toContain('; doanh thu tiêu thụ đạt 4.210,6 tỷ đồng (bằng 52,10% kế hoạch năm);');
      // No target for exports: the optional part is left out.
      expect(text).toContain('; giá trị xuất khẩu đạt 2,0 triệu USD;');
      writeFileSync(join(dir, 'plan.vi.txt'), edited.replace(/^unit\.jobs: .*\n/m, ''));
      const broken = await plan('BQL-BG');
      expect(broken.status).toBe(500);
      expect(broken.body).toMatchObject({ code: 'NARRATIVE_TEMPLATE_INVALID', detail: expect.stringMatching(/plan\.vi\.txt: missing unit\.jobs/) });
    } finally {
      delete process.env.LEDGER_NARRATIVE_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the board’s own indicator: land cleared 115.75 ha of 120.5 (96.06 %); year to date to 30/06 only Q1 and Q2', async () => {
    expect(lineOf((await plan('BQL-BG')).body, 'LAND_CLEARED')).toMatchObject({ unit: 'ha', label: 'Giải phóng mặt bằng', actual: '115.7500', target: '120.5000', pctOfPlan: '96.06' });
    const ytd = (await plan('BQL-BG', '&to=2016-06-30')).body;
    expect(ytd).toMatchObject({ from: '2016-01-01', to: '2016-06-30', samePeriodLastYear: { from: '2015-01-01', to: '2015-06-30' } });
    expect(lineOf(ytd, 'LAND_CLEARED')).toMatchObject({ actual: '50.5000', pctOfPlan: '41.91' });
  });

  it('as CSV: one row per line with the exact strings of the JSON', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/reports/plan?boardId=BQL-BG&year=2016&format=csv`, { headers: bearer('analyst') });
    const rows = parse(Buffer.from(await r.arrayBuffer()), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows.find((l) => l.indicator === 'revenueVnd')).toMatchObject({ actual: '4210600000000', target: '8081766000000', pctOfPlan: '52.10', ratioPct: '107.3' });
    expect(rows.map((l) => l.indicator)).toEqual((await plan('BQL-BG')).body.lines.map((l: { indicator: string }) => l.indicator));
  });

  it('a revised plan counts from its recording time: known before the revision, the first plan', async () => {
    now = new Date('2017-03-01T02:00:00Z');
    await setTargets('BQL-TN', 2016, { newProjects: 12 });
    expect(lineOf((await plan('BQL-TN')).body, 'newProjects')).toMatchObject({ target: '12', pctOfPlan: '250.00' });
    const then = (await plan('BQL-TN', '&knownAt=2017-02-15T00:00:00Z')).body;
    expect(then.plan).toMatchObject({ revision: 1 });
    expect(lineOf(then, 'newProjects')).toMatchObject({ target: '10', pctOfPlan: '300.00' });
  });

  it('the same figures after rebuilding every read model from position 0', async () => {
    const before = [(await plan('BQL-BG')).body, (await plan('BQL-TN', '&knownAt=2017-02-15T00:00:00Z')).body];
    await server.runner().rebuild();
    expect([(await plan('BQL-BG')).body, (await plan('BQL-TN', '&knownAt=2017-02-15T00:00:00Z')).body]).toEqual(before);
  });

  describe('bad input is a problem+json 4xx and the log is unchanged', () => {
    it.each([
      ['a target for an unknown board', 'BQL-NOWHERE', '/plans/BQL-NOWHERE/2016/targets', { newProjects: 5 }, 422, 'BOARD_UNKNOWN'],
      ['a negative target', 'BQL-BG', '/plans/BQL-BG/2016/targets', { newProjects: -5 }, 422, 'FIGURE_NEGATIVE'],
      ['a target for a year the board did not exist', 'BQL-BN-2025', '/plans/BQL-BN-2025/2016/targets', { newProjects: 5 }, 422, 'BOARD_NOT_IN_FORCE'],
      ['an actual of an indicator the plan does not set', 'BQL-BG', '/plans/BQL-BG/2016/actuals', { code: 'JOBS', period: '2016-Q1', value: '1' }, 422, 'INDICATOR_UNKNOWN'],
      ['an unknown field', 'BQL-BG', '/plans/BQL-BG/2016/targets', { newProjectz: 5 }, 400, 'VALIDATION_FAILED'],
      ['another board’s plan', 'BQL-TN', '/plans/BQL-BG/2016/targets', { newProjects: 5 }, 403, 'OUTSIDE_JURISDICTION'],
    ])('%s', async (_name, boardId, path, body, status, code) => {
      const before = await server.eventCount();
      const reply = await officer(boardId).post(`/api/v1${path}`, body);
      expect([reply.status, reply.body.code]).toEqual([status, code]);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(await server.eventCount()).toBe(before);
    });

    it('the plan report needs a board', async () => {
      const reply = await analyst.get('/api/v1/reports/plan?year=2016');
      expect([reply.status, reply.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });
});
