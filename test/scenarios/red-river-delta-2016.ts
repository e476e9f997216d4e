import { RED_RIVER_DELTA_2016 as P } from './published-figures';
import { projectNames } from './names';
import { between, certificate, dayBetween, laterOf, money, pick, post, prng, split, type ScenarioStep } from './scenario';

/** Boards of the 11 Red River Delta provinces and their zones (config/reference-data). */
export const RRD_BOARDS: Record<string, string[]> = {
  'BQL-HN': ['KCN-THANG-LONG', 'KCN-NOI-BAI', 'KCN-QUANG-MINH'],
  'BQL-HP': ['KCN-DINH-VU', 'KCN-TRANG-DUE', 'KCN-VSIP-HAI-PHONG'],
  'BQL-QN': ['KCN-CAI-LAN', 'KCN-VIET-HUNG', 'KKT-VAN-DON'],
  'BQL-HD': ['KCN-DAI-AN', 'KCN-NAM-SACH', 'KCN-PHUC-DIEN'],
  'BQL-HY': ['KCN-THANG-LONG-II', 'KCN-PHO-NOI-A', 'KCN-MINH-DUC'],
  'BQL-VP': ['KCN-KHAI-QUANG', 'KCN-BA-THIEN', 'KCN-BINH-XUYEN'],
  'BQL-BN': ['KCN-VSIP-BAC-NINH', 'KCN-QUE-VO', 'KCN-YEN-PHONG'],
  'BQL-HNA': ['KCN-DONG-VAN-I', 'KCN-DONG-VAN-II', 'KCN-HOA-MAC'],
  'BQL-ND': ['KCN-HOA-XA', 'KCN-BAO-MINH', 'KCN-MY-TRUNG'],
  'BQL-NB': ['KCN-GIAN-KHAU', 'KCN-KHANH-PHU', 'KCN-PHUC-SON'],
  'BQL-TB': ['KCN-TIEN-HAI', 'KCN-PHUC-KHANH', 'KCN-NGUYEN-DUC-CANH'],
};

type Origin = 'FDI' | 'DDI';

interface Plan {
  /** Valid pre-2016 projects, projects terminated before and during 2016, 2016 acts. */
  validBefore: number;
  terminatedBefore: number;
  terminatedIn2016: number;
  increases2015: { count: number; total: bigint };
  increases2016: number;
  decreases2016: { count: number; total: bigint };
  otherAdjustments2016: number;
  realizedReports2016: number;
  realizedReportsBefore: number;
}

/** How the published totals are split into acts; every free choice is here, the rest is derived. */
const PLANS: Record<Origin, Plan> = {
  FDI: {
    validBefore: P.validAtYearEnd.FDI.count - P.newCertificates.FDI.count,
    terminatedBefore: 40,
    terminatedIn2016: 25,
    increases2015: { count: 300, total: 80_000_000_000n }, // 800 M USD
    increases2016: 480,
    decreases2016: { count: 42, total: 12_050_000_000n }, // 120.5 M USD
    otherAdjustments2016: P.adjustmentOccurrences.FDI - 480 - 42,
    realizedReports2016: 700,
    realizedReportsBefore: 1200,
  },
  DDI: {
    validBefore: P.validAtYearEnd.DDI.count - P.newCertificates.DDI.count,
    terminatedBefore: 30,
    terminatedIn2016: 15,
    increases2015: { count: 200, total: 5_000_000_000_000n }, // 5,000 bn VND
    increases2016: 120,
    decreases2016: { count: 16, total: 300_000_000_000n }, // 300 bn VND
    otherAdjustments2016: P.adjustmentOccurrences.DDI - 120 - 16,
    realizedReports2016: 300,
    realizedReportsBefore: 900,
  },
};

interface Project {
  code: string;
  boardId: string;
  zoneId: string;
  origin: Origin;
  issuedOn: string;
  capital: bigint;
  lastActOn: string;
}

/**
 * Seed 001 (Red River Delta, 2016) as a licensing history: pre-2016 projects (some adjusted in 2015),
 * projects terminated before and during 2016, 375 new certificates, 928 adjustment occurrences with
 * several per project, decreases, realized capital, and acts on 31/12/2016 and 01/01/2017.
 */
export function redRiverDelta2016(): ScenarioStep[] {
  const rng = prng(2016_001);
  const steps: ScenarioStep[] = [];
  const boards = Object.keys(RRD_BOARDS);
  let serial = 0;
  const newProject = (origin: Origin, capital: bigint, issuedOn: string): Project => {
    const boardId = pick(rng, boards);
    serial += 1;
    const p = { code: String(2_200_000_000 + serial), boardId, zoneId: pick(rng, RRD_BOARDS[boardId]), origin, issuedOn, capital, lastActOn: issuedOn };
    steps.push(post('/projects', boardId, certificate(rng, p)));
    return p;
  };
  const act = (p: Project, kind: string, body: Record<string, unknown>, on: string) => {
    steps.push(post(`/projects/${p.code}/${kind}`, p.boardId, body));
    p.lastActOn = laterOf(p.lastActOn, on);
  };
  const change = (p: Project, kind: 'capital-increases' | 'capital-decreases', amount: bigint, on: string) => {
    act(p, kind, { amount: money(p.origin, amount), effectiveOn: on, reason: kind === 'capital-increases' ? 'Mở rộng quy mô' : 'Giảm quy mô' }, on);
    p.capital += kind === 'capital-increases' ? amount : -amount;
  };
  const realize = (p: Project, period: string, reportedOn: string, amount: bigint) =>
    act(p, 'realized-capital', { period, amount: money(p.origin, amount), reportedOn }, reportedOn);

  for (const origin of ['FDI', 'DDI'] as const) {
    const plan = PLANS[origin];
    const published = P.validAtYearEnd[origin];
    // Registered capital at year end = issuance of valid projects + increases − decreases (2015 and 2016).
    const validBeforeCapital =
      published.capital - P.newCertificates[origin].capital - P.increasedCapital[origin] + plan.decreases2016.total - plan.increases2015.total;
    const unit = origin === 'FDI' ? 100n : 1_000_000n; // whole dollars; whole millions of đồng

    // Pre-2016 projects; as many issued in 2015 as a real board's year before (about nine in ten of
    // 2016's count), so same-period comparisons read like a board's. One draw each either way.
    const in2015 = Math.round((P.newCertificates[origin].count * 9) / 10);
    const before = split(validBeforeCapital, plan.validBefore, rng, unit).map((c, i) =>
      newProject(origin, c, i < in2015 ? dayBetween(rng, '2015-01-01', '2015-11-30') : dayBetween(rng, '2005-01-01', '2014-12-31')),
    );
    const gone = split(BigInt(plan.terminatedBefore + plan.terminatedIn2016) * (origin === 'FDI' ? 500_000_000n : 50_000_000_000n), plan.terminatedBefore + plan.terminatedIn2016, rng, unit).map((c) =>
      newProject(origin, c, dayBetween(rng, '2006-01-01', '2011-12-31')),
    );
    // Increases dated 2015 on pre-2016 projects, several on some of them.
    split(plan.increases2015.total, plan.increases2015.count, rng, unit).forEach((amount) => {
      const p = pick(rng, before);
      change(p, 'capital-increases', amount, laterOf(p.lastActOn, dayBetween(rng, '2015-01-01', '2015-12-31')));
    });
    // Realized capital before 2016 (cumulative), on valid projects; and on the ones later terminated.
    const realizedBefore = P.cumulativeRealized[origin] - P.realizedInYear[origin];
    split(realizedBefore, plan.realizedReportsBefore, rng, unit).forEach((amount, i) => {
      const p = before[i % before.length];
      const year = String(between(rng, Number(p.issuedOn.slice(0, 4)), 2015));
      realize(p, year, `${year}-12-31`, amount);
    });
    gone.forEach((p) => realize(p, '2012', '2012-12-31', unit * 1000n));
    // Terminations: before 2016 (2013–2015) and during 2016.
    gone.forEach((p, i) => {
      const on = i < plan.terminatedBefore ? dayBetween(rng, '2013-01-01', '2015-12-31') : dayBetween(rng, '2016-01-01', '2016-12-31');
      act(p, 'termination', { ground: i % 2 ? 'NO_DEPOSIT' : 'INVESTOR_DECISION', effectiveOn: on, decisionRef: `${i + 1}/QĐ-BQL` }, on);
    });

    // 2016: new certificates, the last one on 31/12/2016.
    const fresh = split(P.newCertificates[origin].capital, P.newCertificates[origin].count, rng, unit).map((c, i, all) =>
      newProject(origin, c, i === all.length - 1 ? '2016-12-31' : dayBetween(rng, '2016-01-01', '2016-11-30')),
    );
    const valid = [...before, ...fresh.slice(0, -1)];
    // 2016 adjustments: increases (one on 31/12), decreases, other changes — several per project.
    split(P.increasedCapital[origin], plan.increases2016, rng, unit).forEach((amount, i) => {
      const p = i < 20 ? valid[i] : pick(rng, valid); // the first twenty projects get several
      change(p, 'capital-increases', amount, i === 0 ? '2016-12-31' : laterOf(p.lastActOn, dayBetween(rng, '2016-01-01', '2016-12-30')));
    });
    split(plan.decreases2016.total, plan.decreases2016.count, rng, unit).forEach((amount) => {
      let p = pick(rng, valid);
      while (p.capital <= amount * 2n) p = pick(rng, valid);
      change(p, 'capital-decreases', amount, laterOf(p.lastActOn, dayBetween(rng, '2016-01-01', '2016-12-30')));
    });
    for (let i = 0; i < plan.otherAdjustments2016; i++) {
      const p = pick(rng, valid);
      const on = laterOf(p.lastActOn, dayBetween(rng, '2016-01-01', '2016-12-30'));
      act(p, 'adjustments', { changes: i % 3 ? { implementationSchedule: `Giai đoạn ${i % 3}: hoàn thành ${on.slice(0, 4)}` } : { objectives: `Bổ sung mục tiêu: ${projectNames(p.code, p.origin, '').product} giai đoạn ${(i % 2) + 2}` }, effectiveOn: on, reason: 'Điều chỉnh tiến độ' }, on);
    }
    // Realized in 2016, quarterly, on projects valid at year end (Q4 reported in January 2017).
    split(P.realizedInYear[origin], plan.realizedReports2016, rng, unit).forEach((amount, i) => {
      const p = valid[(i * 7) % valid.length];
      const q = between(rng, Math.max(1, Math.ceil(Number(p.issuedOn.slice(5, 7)) / 3)), 4);
      realize(p, `2016-Q${q}`, q === 4 ? '2017-01-15' : `2016-${String(q * 3 + 1).padStart(2, '0')}-10`, amount);
    });
    // On 01/01/2017: a new certificate and an increase, outside every 2016 figure.
    newProject(origin, unit * 5000n, '2017-01-01');
    change(valid[1], 'capital-increases', unit * 777n, '2017-01-01');
  }
  return steps;
}
