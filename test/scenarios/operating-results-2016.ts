import { bnvnd, musd } from './published-figures';
import { RRD_BOARDS } from './red-river-delta-2016';
import { certificate, dayBetween, laterOf, money, pick, post, prng, split, type ScenarioStep } from './scenario';

/** Seed 001: operating results of the enterprises in the Red River Delta zones, 2016. */
export const RRD_OPERATIONS_2016 = {
  revenue: { FDI: musd('46643.5'), DDI: bnvnd('129873') },
  exportValue: { FDI: musd('38277.8'), DDI: bnvnd('20525.3') },
  importValue: { FDI: musd('28799.2'), DDI: bnvnd('21752.5') },
  budgetPaid: { FDI: musd('1423.3'), DDI: bnvnd('6826.5') },
  workers: 771_112,
} as const;

type Origin = 'FDI' | 'DDI';
const FIGURES = ['revenue', 'exportValue', 'importValue', 'budgetPaid'] as const;
const usd = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

export interface OperatingScenario {
  /** Issuances, then the 2015 and 2016 annual reports (and some quarterly ones) in recording order. */
  setup: ScenarioStep[];
  /** A wrong 2016 report and, recorded later, the refiling that supersedes it. */
  firstFiling: ScenarioStep;
  refiling: ScenarioStep;
  /** Valid projects that filed no 2016 report, and one that filed it after the deadline (31/03/2017). */
  silent: string[];
  late: string;
  /** Realized capital of 2016 recorded as CapitalRealized acts (US cents), which the report shows beside the results. */
  realizedFdi: bigint;
  /** Every filing in force for 2016, for the tests' own conversions. */
  filings2016: Record<string, unknown>[];
}

const step = (boardId: string, body: Record<string, unknown>): ScenarioStep => ({ method: 'POST', path: '/enterprise-reports', body, effectiveOn: body.filedOn as string, boardId });

/**
 * 60 enterprises (4 FDI and 1 DDI… per board, issued 2012–2015) report their 2016 year so that the
 * totals equal seed 001 exactly: FDI enterprises file in USD (some also state VND), domestic ones in
 * VND (some also state USD for exports). Every enterprise also filed 2015 at 90 % of its 2016 figures,
 * some filed quarters of 2016 too (the annual report is the year's figure), two never reported 2016.
 */
export function operatingResults2016(): OperatingScenario {
  const rng = prng(2016_001);
  const P = RRD_OPERATIONS_2016;
  const setup: ScenarioStep[] = [];
  const projects: { code: string; boardId: string; origin: Origin }[] = [];
  let serial = 0;
  for (const [boardId, zones] of Object.entries(RRD_BOARDS)) {
    for (const origin of ['FDI', 'FDI', 'FDI', 'DDI', 'DDI'] as const) {
      serial += 1;
      const code = String(2_400_000_000 + serial);
      const issuedOn = dayBetween(rng, '2012-01-05', '2015-06-30');
      setup.push(post('/projects', boardId, certificate(rng, { code, boardId, zoneId: pick(rng, zones), origin, capital: origin === 'FDI' ? 5_000_000_000n : 500_000_000_000n, issuedOn })));
      projects.push({ code, boardId, origin });
    }
  }
  const realized = projects.filter((p) => p.origin === 'FDI').slice(0, 3);
  realized.forEach((p, i) => setup.push(post(`/projects/${p.code}/realized-capital`, p.boardId, { period: '2016', amount: money('FDI', BigInt(i + 1) * 100_000_000n), reportedOn: '2017-01-05' })));
  const silent = [projects[3].code, projects[9].code];
  const reporting = projects.filter((p) => !silent.includes(p.code));
  const late = reporting[5].code;
  const parts: Record<string, Record<Origin, bigint[]>> = {};
  for (const figure of FIGURES) {
    const unit = (o: Origin) => (o === 'FDI' ? 100n : 1_000_000n);
    parts[figure] = { FDI: [], DDI: [] };
    for (const origin of ['FDI', 'DDI'] as const) parts[figure][origin] = split(P[figure][origin], reporting.filter((p) => p.origin === origin).length, rng, unit(origin));
  }
  const workers = split(BigInt(P.workers), reporting.length, rng);
  const filings2016: Record<string, unknown>[] = [];
  const index: Record<Origin, number> = { FDI: 0, DDI: 0 };
  let firstFiling: ScenarioStep | undefined;
  let refiling: ScenarioStep | undefined;
  reporting.forEach((p, i) => {
    const k = index[p.origin]++;
    const filed = (minor: bigint, alsoOther: boolean) => (p.origin === 'FDI' ? { usd: usd(minor), ...(alsoOther ? { vnd: money('FDI', minor).vnd } : {}) } : { vnd: minor.toString(), ...(alsoOther ? { usd: usd(minor / 223n) } : {}) });
    const figures = (scale: (x: bigint) => bigint) => Object.fromEntries(FIGURES.map((f) => [f, filed(scale(parts[f][p.origin][k]), f === 'exportValue' ? i % 3 === 0 : i % 4 === 0)]));
    const employees = Number(workers[i]);
    const foreignEmployees = p.origin === 'FDI' ? Math.floor(employees / 50) : 0;
    const year2015 = { projectCode: p.code, period: '2015', filedOn: dayBetween(rng, '2016-01-10', '2016-03-25'), ...figures((x) => (x * 9n) / 10n), employees: Math.floor((employees * 9) / 10), foreignEmployees: Math.floor(foreignEmployees / 2), newJobs: 40 };
    setup.push(step(p.boardId, year2015));
    if (i % 6 === 0) {
      // Quarterly reports of 2016: superseded as the year's figure by the annual report.
      for (const q of [1, 2, 3, 4]) setup.push(step(p.boardId, { projectCode: p.code, period: `2016-Q${q}`, filedOn: `${q === 4 ? 2017 : 2016}-${String(q === 4 ? 1 : q * 3 + 1).padStart(2, '0')}-0${q + 1}`, ...figures((x) => x / 4n), employees, newJobs: 10 }));
    }
    const year2016 = { projectCode: p.code, period: '2016', filedOn: p.code === late ? '2017-04-05' : dayBetween(rng, '2017-01-10', '2017-03-25'), ...figures((x) => x), employees, foreignEmployees, newJobs: Math.floor(employees / 10) };
    filings2016.push({ ...year2016, origin: p.origin });
    if (i === 7) {
      // Filed first with the revenue a tenth too low, then refiled (revision 2) with the right figures.
      firstFiling = step(p.boardId, { ...year2016, filedOn: '2017-01-09', revenue: filed(parts.revenue[p.origin][k] - parts.revenue[p.origin][k] / 10n, false) });
      refiling = step(p.boardId, year2016);
    } else setup.push(step(p.boardId, year2016));
  });
  return { setup, firstFiling: firstFiling as ScenarioStep, refiling: refiling as ScenarioStep, silent, late, realizedFdi: 600_000_000n, filings2016 };
}

/** Seed 000 (northern midlands, 2016), in one currency: revenue 592,901.1 bn VND, budget 5,885 bn VND, exports 23.53 bn USD, about 46,183 new jobs. */
export const NMM_OPERATIONS_2016 = { revenueVnd: bnvnd('592901.1'), budgetPaidVnd: bnvnd('5885'), exportValueUsd: musd('23530'), newJobs: 46_183 } as const;

const NMM_ZONES: Record<string, string> = { 'BQL-BG': 'KCN-QUANG-CHAU', 'BQL-TN': 'KCN-YEN-BINH', 'BQL-PT': 'KCN-THUY-VAN', 'BQL-YB': 'KCN-PHIA-NAM' };

/**
 * 40 enterprises of the four northern-midlands boards (issued 2013–2015) filing their 2016 reports as
 * those boards publish them: revenue and budget in VND, exports in USD (FDI enterprises also state
 * their revenue in USD, which a one-currency report does not use).
 */
export function northernMidlandsOperations2016(): ScenarioStep[] {
  const rng = prng(2016_000_1);
  const P = NMM_OPERATIONS_2016;
  const projects = Object.entries(NMM_ZONES).flatMap(([boardId, zoneId], b) =>
    Array.from({ length: 10 }, (_, i) => ({ code: String(2_600_000_000 + b * 100 + i), boardId, zoneId, origin: (i % 3 === 0 ? 'DDI' : 'FDI') as Origin })),
  );
  const [revenue, budget, exports, jobs] = [split(P.revenueVnd, 40, rng, 1_000_000n), split(P.budgetPaidVnd, 40, rng, 1_000_000n), split(P.exportValueUsd, 40, rng, 100n), split(BigInt(P.newJobs), 40, rng)];
  const steps: ScenarioStep[] = projects.map((p) => post('/projects', p.boardId, certificate(rng, { ...p, capital: p.origin === 'FDI' ? 2_000_000_000n : 200_000_000_000n, issuedOn: dayBetween(rng, '2013-01-05', '2015-12-20') })));
  projects.forEach((p, i) =>
    steps.push(
      step(p.boardId, {
        projectCode: p.code,
        period: '2016',
        filedOn: dayBetween(rng, '2017-01-10', '2017-01-31'),
        revenue: { vnd: revenue[i].toString(), ...(p.origin === 'FDI' ? { usd: usd(revenue[i] / 223n) } : {}) },
        budgetPaid: { vnd: budget[i].toString() },
        exportValue: { usd: usd(exports[i]) },
        employees: Number(jobs[i]) * 3,
        newJobs: Number(jobs[i]),
      }),
    ),
  );
  return steps;
}

/** Seed 000: "các KCN trong Khối đã có 80 dự án mới đi vào hoạt động" in 2016. */
export const NMM_STARTED_OPERATING_2016 = 80;

type Project = { code: string; boardId: string };

export interface OperationStartsScenario {
  /** New projects of 2015–2016, one terminated, and the starts of operation, in recording order. */
  steps: ScenarioStep[];
  /** Starts first recorded with the wrong year: 05/01/2017 for 28/12/2016, and 30/12/2016 for 03/01/2017 … */
  wrongStarts: { into2016: Project; outOf2016: Project };
  /** … and, recorded later, the corrections of those acts (version 2 of their projects). */
  corrections: ScenarioStep[];
  terminated: Project;
  /** A project issued on 01/10/2016 that started operating on 20/12/2016. */
  lateIssued: Project & { issuedOn: string };
  /** A valid project issued in 2015–2016 (from 01/06/2015) that has not started operating. */
  notStarted: Project & { issuedOn: string };
}

/**
 * Seed 000's 80 starts of operation in 2016, from the investors' notices: 30 of the 40 reporting
 * enterprises (issued 2013–2015) and 50 of 56 projects issued from mid-2015 to October 2016; the
 * other 10 reporting enterprises started in 2013–2015 and 4 new projects in January 2017 (not
 * counted), one new project was terminated in 2016 before it ever operated, one has not started yet.
 * Two starts are first recorded with the wrong year and corrected later, one into 2016 and one out of
 * it, in two boards: before the corrections the total is 80 too, but not the boards' figures.
 */
export function northernMidlandsOperationStarts2016(reporting: readonly ScenarioStep[]): OperationStartsScenario {
  const rng = prng(2016_000_2);
  const start = (code: string, boardId: string, effectiveOn: string) => post(`/projects/${code}/operation-start`, boardId, { effectiveOn, noticeRef: `${code.slice(-3)}/TB-KCN` });
  const issued = reporting.filter((s) => s.path === '/projects').map((s) => ({ code: s.body.projectCode as string, boardId: s.boardId, issuedOn: s.body.issuedOn as string }));
  const steps: ScenarioStep[] = issued.map((p, i) => (i % 4 === 3 ? start(p.code, p.boardId, dayBetween(rng, p.issuedOn, '2015-12-31')) : start(p.code, p.boardId, dayBetween(rng, '2016-01-01', '2016-12-31'))));
  const boards = Object.entries(NMM_ZONES);
  const fresh = Array.from({ length: 56 }, (_, i) => {
    const [boardId, zoneId] = boards[i % boards.length];
    const issuedOn = i === 0 ? '2016-10-01' : dayBetween(rng, '2015-06-01', '2016-10-31');
    return { code: String(2_600_001_000 + i), boardId, zoneId, origin: (i % 4 === 0 ? 'DDI' : 'FDI') as Origin, issuedOn };
  });
  for (const p of fresh) steps.push(post('/projects', p.boardId, certificate(rng, { ...p, capital: p.origin === 'FDI' ? 3_000_000_000n : 150_000_000_000n })));
  const [lateIssued, into2016, outOf2016, terminated, notStarted] = [fresh[0], fresh[1], fresh[2], fresh[54], fresh[55]];
  steps.push(post(`/projects/${terminated.code}/termination`, terminated.boardId, { ground: 'INVESTOR_DECISION', effectiveOn: laterOf(terminated.issuedOn, '2016-11-15'), decisionRef: '90/QĐ-BQL' }));
  const recorded: Record<string, string> = { [lateIssued.code]: '2016-12-20', [into2016.code]: '2017-01-05', [outOf2016.code]: '2016-12-30' };
  fresh.slice(0, 54).forEach((p, i) => steps.push(start(p.code, p.boardId, recorded[p.code] ?? (i >= 51 ? dayBetween(rng, '2017-01-02', '2017-01-31') : dayBetween(rng, laterOf(p.issuedOn, '2016-01-01'), '2016-12-31')))));
  const correct = (p: Project, effectiveOn: string): ScenarioStep => ({ method: 'POST', path: `/projects/${p.code}/corrections`, boardId: p.boardId, effectiveOn, body: { correctsVersion: 2, correctedData: { effectiveOn }, reason: 'Ngày ghi trên thông báo của nhà đầu tư' } });
  return { steps, wrongStarts: { into2016, outOf2016 }, corrections: [correct(into2016, '2016-12-28'), correct(outOf2016, '2017-01-03')], terminated, lateIssued, notStarted };
}
