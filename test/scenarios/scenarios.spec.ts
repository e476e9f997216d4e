import { ReferenceData } from '@ledger/reference-data';
import { northernMidlands2016 } from './northern-midlands-2016';
import { NORTHERN_MIDLANDS_2016 as NMM, RED_RIVER_DELTA_2016 as RRD } from './published-figures';
import { redRiverDelta2016 } from './red-river-delta-2016';
import type { ScenarioStep } from './scenario';

/*
 * Checks the scenario builders WITHOUT the API: a small reducer, written independently of the
 * projections, folds the step bodies and computes the published figures with the DESIGN §5 rules
 * (exact bigint sums; FDI in US cents, DDI in đồng).
 */

type Origin = 'FDI' | 'DDI';
type ActKind = 'capital-increases' | 'capital-decreases' | 'adjustments' | 'realized-capital' | 'termination';
interface Act {
  kind: ActKind;
  /** The act's legal date: effectiveOn, or for realized capital the last day of its period. */
  on: string;
  amount: bigint;
  period?: string;
  reportedOn?: string;
  changes?: Record<string, unknown>;
}
interface Project {
  code: string;
  boardId: string;
  zoneId: string;
  origin: Origin;
  country: string;
  issuedOn: string;
  capital: bigint;
  acts: Act[];
}

const LAST_DATE = '2017-01-31';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACT_PATH = /^\/projects\/(\d{10})\/(capital-increases|capital-decreases|adjustments|realized-capital|termination)$/;

/** Minor units of an amount as the API reads it: FDI → US cents (usd required, vnd too), DDI → đồng (no usd). */
function minor(origin: Origin, money: unknown, where: string): bigint {
  const m = money as { vnd?: unknown; usd?: unknown; exchangeRate?: unknown };
  if (typeof m?.vnd !== 'string' || !/^[1-9]\d*$/.test(m.vnd)) throw new Error(`${where}: vnd must be a positive whole number string, got ${JSON.stringify(m?.vnd)}`);
  if (origin === 'DDI') {
    if (m.usd !== undefined || m.exchangeRate !== undefined) throw new Error(`${where}: a DDI amount carries VND only`);
    return BigInt(m.vnd);
  }
  if (typeof m.usd !== 'string' || !/^\d+\.\d{2}$/.test(m.usd)) throw new Error(`${where}: an FDI amount needs usd with 2 decimals, got ${JSON.stringify(m.usd)}`);
  const cents = BigInt(m.usd.replace('.', ''));
  if (cents <= 0n) throw new Error(`${where}: usd must be positive`);
  return cents;
}

/** Last day of a realized-capital period: 2016, 2016-H1, 2016-Q3, 2016-07. */
function periodEnd(period: string): string {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) throw new Error(`bad period ${period}`);
  const [, year, part] = m;
  const lastMonth = !part ? 12 : part[0] === 'H' ? (part === 'H1' ? 6 : 12) : part[0] === 'Q' ? Number(part[1]) * 3 : Number(part);
  const day = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isDate = (d: unknown): d is string => typeof d === 'string' && DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** Folds the steps in order, enforcing the ledger's business rules the way the API would. */
function fold(steps: readonly ScenarioStep[], reference: ReferenceData): Map<string, Project> {
  const projects = new Map<string, Project>();
  steps.forEach((step, index) => {
    const where = `step ${index + 1} ${step.path}`;
    const body = step.body as Record<string, unknown>;
    if (step.path === '/projects') {
      const code = body.projectCode as string;
      if (!/^\d{10}$/.test(code)) throw new Error(`${where}: project code ${code} is not 10 digits`);
      if (projects.has(code)) throw new Error(`${where}: project code ${code} issued twice`);
      const origin = body.origin as Origin;
      if (origin !== 'FDI' && origin !== 'DDI') throw new Error(`${where}: origin ${String(origin)}`);
      const capital = body.registeredCapital as Record<string, unknown>;
      if (origin === 'FDI' && typeof capital.exchangeRate !== 'string') throw new Error(`${where}: FDI issuance needs an exchangeRate`);
      if (!isDate(body.issuedOn) || body.issuedOn > LAST_DATE) throw new Error(`${where}: issuedOn ${String(body.issuedOn)}`);
      const zone = reference.zone(body.zoneId as string);
      if (!zone) throw new Error(`${where}: zone ${String(body.zoneId)} is not in the reference data`);
      if (zone.boardId !== body.boardId) throw new Error(`${where}: zone ${zone.id} belongs to ${zone.boardId}, not to the issuing board ${String(body.boardId)}`);
      if (step.boardId !== body.boardId) throw new Error(`${where}: recorded by ${step.boardId} for board ${String(body.boardId)}`);
      const investors = body.investors as { name: string; country: string }[];
      if (!investors?.length || investors.some((i) => !/^[A-Z]{2}$/.test(i.country))) throw new Error(`${where}: investors`);
      if ((origin === 'DDI') !== investors.every((i) => i.country === 'VN')) throw new Error(`${where}: ${origin} project with investors from ${investors.map((i) => i.country)}`);
      projects.set(code, { code, boardId: body.boardId as string, zoneId: zone.id, origin, country: investors[0].country, issuedOn: body.issuedOn, capital: minor(origin, capital, where), acts: [] });
      return;
    }
    const match = ACT_PATH.exec(step.path);
    if (!match) throw new Error(`${where}: not a licensing act of the API`);
    const [, code, kind] = match as unknown as [string, string, ActKind];
    const p = projects.get(code);
    if (!p) throw new Error(`${where}: act on project ${code} before its issuance`);
    if (step.boardId !== p.boardId) throw new Error(`${where}: recorded by ${step.boardId}, project held by ${p.boardId}`);
    if (p.acts.some((a) => a.kind === 'termination')) throw new Error(`${where}: act on terminated project ${code}`);
    let act: Act;
    if (kind === 'realized-capital') {
      const period = body.period as string;
      if (!isDate(body.reportedOn) || body.reportedOn > LAST_DATE) throw new Error(`${where}: reportedOn ${String(body.reportedOn)}`);
      act = { kind, on: periodEnd(period), amount: minor(p.origin, body.amount, where), period, reportedOn: body.reportedOn };
      if (act.on > LAST_DATE) throw new Error(`${where}: period ${period} ends after ${LAST_DATE}`);
      if (body.reportedOn < p.issuedOn) throw new Error(`${where}: reported before issuance`);
    } else {
      if (!isDate(body.effectiveOn) || body.effectiveOn > LAST_DATE) throw new Error(`${where}: effectiveOn ${String(body.effectiveOn)}`);
      act = { kind, on: body.effectiveOn, amount: 0n };
      if (kind === 'capital-increases' || kind === 'capital-decreases') act.amount = minor(p.origin, body.amount, where);
      if (kind === 'adjustments') {
        act.changes = body.changes as Record<string, unknown>;
        if (!act.changes || !Object.keys(act.changes).length) throw new Error(`${where}: an adjustment without changes`);
        if ('origin' in act.changes || 'zoneId' in act.changes) throw new Error(`${where}: this reducer does not follow moves between zones or origins`);
      }
      if (act.on < p.issuedOn) throw new Error(`${where}: effective ${act.on} before issuance on ${p.issuedOn}`);
      // Terminations and non-capital adjustments may not precede an act already recorded (domain rule).
      const last = p.acts.reduce((d, a) => (a.on > d ? a.on : d), p.issuedOn);
      if ((kind === 'termination' || kind === 'adjustments') && act.on < last) throw new Error(`${where}: ${kind} on ${act.on} precedes an act effective ${last}`);
    }
    p.acts.push(act);
    if (kind === 'capital-decreases' && registeredOn(p, '9999-12-31') <= 0n) throw new Error(`${where}: a decrease takes ${code} to zero or below`);
  });
  return projects;
}

const terminatedOn = (p: Project) => p.acts.find((a) => a.kind === 'termination')?.on;
const validOn = (p: Project, d: string) => p.issuedOn <= d && !((terminatedOn(p) ?? '9999-12-31') <= d);
/** Issuance + increases − decreases effective on or before d. */
function registeredOn(p: Project, d: string): bigint {
  return p.acts.reduce((sum, a) => (a.on > d ? sum : a.kind === 'capital-increases' ? sum + a.amount : a.kind === 'capital-decreases' ? sum - a.amount : sum), p.capital);
}
const isAdjustment = (a: Act) => a.kind === 'capital-increases' || a.kind === 'capital-decreases' || a.kind === 'adjustments';
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

interface Activity {
  newCount: number;
  newCapital: bigint;
  occurrences: number;
  projectsAdjusted: number;
  increases: number;
  increased: bigint;
  decreases: number;
  decreased: bigint;
  nonCapital: number;
  realized: bigint;
}

function activity(projects: Project[], origin: Origin, from: string, to: string): Activity {
  const mine = projects.filter((p) => p.origin === origin);
  const fresh = mine.filter((p) => p.issuedOn >= from && p.issuedOn <= to);
  const acts = mine.flatMap((p) => p.acts.filter((a) => a.on >= from && a.on <= to).map((a) => ({ p, a })));
  const of = (kind: ActKind) => acts.filter(({ a }) => a.kind === kind);
  return {
    newCount: fresh.length,
    newCapital: sum(fresh.map((p) => p.capital)),
    occurrences: acts.filter(({ a }) => isAdjustment(a)).length,
    projectsAdjusted: new Set(acts.filter(({ a }) => isAdjustment(a)).map(({ p }) => p.code)).size,
    increases: of('capital-increases').length,
    increased: sum(of('capital-increases').map(({ a }) => a.amount)),
    decreases: of('capital-decreases').length,
    decreased: sum(of('capital-decreases').map(({ a }) => a.amount)),
    nonCapital: of('adjustments').length,
    realized: sum(of('realized-capital').map(({ a }) => a.amount)),
  };
}

function validAt(projects: Project[], origin: Origin, d: string) {
  const valid = projects.filter((p) => p.origin === origin && validOn(p, d));
  const registered = sum(valid.map((p) => registeredOn(p, d)));
  const realized = sum(valid.flatMap((p) => p.acts.filter((a) => a.kind === 'realized-capital' && a.on <= d).map((a) => a.amount)));
  const tenths = (realized * 1000n * 2n + registered) / (registered * 2n); // realized / registered in 0.1 %, rounded half up
  return { count: valid.length, registered, realized, ratioPct: `${tenths / 10n}.${tenths % 10n}` };
}

const reference = ReferenceData.load();
const ORIGINS: Origin[] = ['FDI', 'DDI'];

describe('scenario: Red River Delta 2016 (seed 001), folded without the API', () => {
  const steps = redRiverDelta2016();
  const projects = [...fold(steps, reference).values()];
  const rrdBoards = reference.boardsInRegion('RRD', '2016-12-31');
  const inRrd = projects.filter((p) => rrdBoards.includes(p.boardId));
  const year = Object.fromEntries(ORIGINS.map((o) => [o, activity(inRrd, o, '2016-01-01', '2016-12-31')])) as Record<Origin, Activity>;
  const yearEnd = Object.fromEntries(ORIGINS.map((o) => [o, validAt(inRrd, o, '2016-12-31')])) as Record<Origin, ReturnType<typeof validAt>>;

  it('is deterministic, of reasonable size, and only in the 11 RRD boards', () => {
    expect(JSON.stringify(redRiverDelta2016())).toBe(JSON.stringify(steps));
    expect(steps.length).toBeLessThan(9000);
    expect(rrdBoards).toHaveLength(11);
    expect(inRrd).toHaveLength(projects.length);
    const newByBoard = new Set(inRrd.filter((p) => p.issuedOn.startsWith('2016')).map((p) => p.boardId));
    expect([...newByBoard].sort()).toEqual([...rrdBoards].sort());
    for (const board of rrdBoards) expect(new Set(inRrd.filter((p) => p.boardId === board).map((p) => p.zoneId)).size).toBeGreaterThan(1);
  });

  it('375 new IRCs: 257 FDI with 4,841.2 M USD and 118 DDI with 33,009.6 bn VND', () => {
    expect(year.FDI.newCount + year.DDI.newCount).toBe(375);
    for (const o of ORIGINS) expect([o, year[o].newCount, year[o].newCapital]).toEqual([o, RRD.newCertificates[o].count, RRD.newCertificates[o].capital]);
    expect(year.FDI.newCapital).toBe(484_120_000_000n); // "4841200000.00" USD
    expect(year.DDI.newCapital).toBe(33_009_600_000_000n);
  });

  it('928 adjustment occurrences (742 FDI, 186 DDI); increases add 1,550.3 M USD and 9,766.8 bn VND', () => {
    expect(year.FDI.occurrences + year.DDI.occurrences).toBe(928);
    for (const o of ORIGINS) {
      expect([o, year[o].occurrences]).toEqual([o, RRD.adjustmentOccurrences[o]]);
      expect([o, year[o].increased]).toEqual([o, RRD.increasedCapital[o]]);
      expect(year[o].decreases).toBeGreaterThan(0); // decreases are there, their amounts separate
      expect(year[o].nonCapital).toBeGreaterThan(0);
      expect(year[o].projectsAdjusted).toBeLessThan(year[o].occurrences); // several adjustments of one project
    }
    expect(year.FDI.increased).toBe(155_030_000_000n);
    expect(year.DDI.increased).toBe(9_766_800_000_000n);
  });

  it('valid at 31/12/2016: 2,034 FDI and 1,611 DDI with 41,552.9 M USD and 255,854.2 bn VND', () => {
    for (const o of ORIGINS) expect([o, yearEnd[o].count, yearEnd[o].registered]).toEqual([o, RRD.validAtYearEnd[o].count, RRD.validAtYearEnd[o].capital]);
    expect(yearEnd.FDI.registered).toBe(4_155_290_000_000n);
    expect(yearEnd.DDI.registered).toBe(255_854_200_000_000n);
  });

  it('realized 2,367.4 M USD and 8,849.3 bn VND in 2016, cumulative 23,255.3 M USD (56.0 %) and 117,412.5 bn VND (45.9 %)', () => {
    for (const o of ORIGINS) {
      expect([o, year[o].realized]).toEqual([o, RRD.realizedInYear[o]]);
      expect([o, yearEnd[o].realized, yearEnd[o].ratioPct]).toEqual([o, RRD.cumulativeRealized[o], RRD.realizationRatioPct[o]]);
    }
    // Realized capital of 2016 lies on projects valid at year end, so "of valid projects" and "in the period" agree.
    const in2016 = inRrd.filter((p) => p.acts.some((a) => a.kind === 'realized-capital' && a.on >= '2016-01-01' && a.on <= '2016-12-31'));
    expect(in2016.every((p) => validOn(p, '2016-12-31'))).toBe(true);
    const periods = inRrd.flatMap((p) => p.acts.filter((a) => a.kind === 'realized-capital' && a.on.startsWith('2016')).map((a) => a.period));
    expect(periods.every((period) => period?.startsWith('2016'))).toBe(true);
  });

  it('has history before 2016, terminations before and during 2016, and acts on 31/12/2016 and 01/01/2017', () => {
    const issuedBefore = inRrd.filter((p) => p.issuedOn < '2016-01-01');
    expect(Math.min(...issuedBefore.map((p) => Number(p.issuedOn.slice(0, 4))))).toBeLessThanOrEqual(2006);
    expect(issuedBefore.some((p) => p.acts.some((a) => isAdjustment(a) && a.on < '2016-01-01'))).toBe(true);
    const ends = inRrd.map(terminatedOn).filter((d): d is string => d !== undefined);
    expect(ends.some((d) => d < '2016-01-01')).toBe(true);
    expect(ends.some((d) => d.startsWith('2016'))).toBe(true);
    const on = (d: string) => inRrd.filter((p) => p.issuedOn === d).length + inRrd.flatMap((p) => p.acts.filter((a) => a.on === d && a.kind !== 'realized-capital')).length;
    expect(on('2016-12-31')).toBeGreaterThan(0);
    for (const o of ORIGINS) {
      const jan1 = activity(inRrd, o, '2017-01-01', '2017-01-01');
      expect([o, jan1.newCount > 0 && jan1.increases > 0]).toEqual([o, true]);
    }
    const countries = new Set(inRrd.filter((p) => p.origin === 'FDI').map((p) => p.country));
    expect([...countries]).toEqual(expect.arrayContaining(['KR', 'JP', 'CN', 'TW', 'SG', 'US']));
  });
});

describe('scenario: Northern midlands and mountains 2016 (seed 000), folded without the API', () => {
  const steps = northernMidlands2016();
  const projects = [...fold(steps, reference).values()];
  const board = (id: string) => projects.filter((p) => p.boardId === id);
  const year = (id: string, o: Origin) => activity(board(id), o, '2016-01-01', '2016-12-31');

  it('is deterministic and only in northern midland boards', () => {
    expect(JSON.stringify(northernMidlands2016())).toBe(JSON.stringify(steps));
    const nmm = reference.boardsInRegion('NMM', '2016-12-31');
    expect(projects.every((p) => nmm.includes(p.boardId))).toBe(true);
  });

  it.each(['BQL-BG', 'BQL-PT', 'BQL-YB'] as const)('%s: new certificates and their capital as published', (id) => {
    const f = NMM[id];
    expect([year(id, 'FDI').newCount, year(id, 'DDI').newCount]).toEqual([f.newFDI, f.newDDI]);
    expect([year(id, 'FDI').newCapital, year(id, 'DDI').newCapital]).toEqual([f.newCapitalUSD, f.newCapitalVND]);
  });

  it('Bắc Giang 840.37 M USD, Phú Thọ 4,336.8 bn VND, Yên Bái 1,845 bn VND (exact)', () => {
    expect(year('BQL-BG', 'FDI').newCapital).toBe(84_037_000_000n);
    expect(year('BQL-BG', 'DDI').newCapital).toBe(3_214_700_000_000n);
    expect(year('BQL-PT', 'FDI').newCapital).toBe(13_180_000_000n);
    expect(year('BQL-PT', 'DDI').newCapital).toBe(4_336_800_000_000n);
    expect(year('BQL-YB', 'DDI').newCapital).toBe(1_845_000_000_000n);
  });

  it('Thái Nguyên: 30 new (8 DDI, 22 FDI); 38 projects adjusted, 13 increases, 1 decrease; new + added 1,203.87 bn VND and 150.149 M USD', () => {
    const [fdi, ddi] = [year('BQL-TN', 'FDI'), year('BQL-TN', 'DDI')];
    const f = NMM['BQL-TN'];
    expect([fdi.newCount, ddi.newCount]).toEqual([f.newFDI, f.newDDI]);
    expect(fdi.projectsAdjusted + ddi.projectsAdjusted).toBe(f.projectsAdjusted);
    expect(fdi.increases + ddi.increases).toBe(f.increases);
    expect(fdi.decreases + ddi.decreases).toBe(f.decreases);
    expect(fdi.newCapital + fdi.increased).toBe(f.newAndAddedUSD);
    expect(ddi.newCapital + ddi.increased).toBe(f.newAndAddedVND);
    expect(fdi.newCapital + fdi.increased).toBe(15_014_900_000n);
    expect(ddi.newCapital + ddi.increased).toBe(1_203_870_000_000n);
  });
});

describe('scenarios together (the demo ledger loads both)', () => {
  const all = [...redRiverDelta2016(), ...northernMidlands2016()];

  it('never reuse a project code and fold as one history', () => {
    const codes = all.filter((s) => s.path === '/projects').map((s) => (s.body as { projectCode: string }).projectCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(() => fold(all, reference)).not.toThrow();
  });

  it('are POSTs dated by their body', () => {
    for (const s of all) {
      const body = s.body as Record<string, unknown>;
      expect([s.path, s.method, s.effectiveOn]).toEqual([s.path, 'POST', body.issuedOn ?? body.effectiveOn ?? body.reportedOn]);
    }
  });

  it('date nothing after 31/01/2017', () => {
    const dates = all.flatMap((s) => ['issuedOn', 'effectiveOn', 'reportedOn'].map((k) => (s.body as Record<string, unknown>)[k]).filter((d): d is string => typeof d === 'string'));
    expect(dates.length).toBeGreaterThanOrEqual(all.length);
    expect(dates.every((d) => isDate(d) && d <= LAST_DATE)).toBe(true);
  });

  it('is refused by the reducer when an act precedes its issuance in the list', () => {
    const issue = all.findIndex((s) => s.path === '/projects');
    const code = (all[issue].body as { projectCode: string }).projectCode;
    const act = all.findIndex((s) => s.path.startsWith(`/projects/${code}/`));
    const swapped = [...all];
    [swapped[issue], swapped[act]] = [swapped[act], swapped[issue]];
    expect(() => fold(swapped, reference)).toThrow(/before its issuance/);
  });
});
