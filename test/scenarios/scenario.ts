/**
 * Deterministic scenario builders: licensing histories, sent through the public HTTP API, whose
 * aggregates equal figures that boards published. Pure data, no clock, no Math.random.
 */
import { projectNames } from './names';

export interface ScenarioStep {
  method: 'POST';
  /** Path under /api/v1. */
  path: string;
  body: Record<string, unknown>;
  /** The act's date: issuedOn, effectiveOn, or for realized capital reportedOn. */
  effectiveOn: string;
  /** Board whose officer records the act (the token's board). */
  boardId: string;
}

/** A POST of `body` to `path` by an officer of `boardId`; the step's date is read from the body. */
export function post(path: string, boardId: string, body: Record<string, unknown>): ScenarioStep {
  const effectiveOn = body.issuedOn ?? body.effectiveOn ?? body.reportedOn;
  if (typeof effectiveOn !== 'string') throw new Error(`scenario step ${path} has no date`);
  return { method: 'POST', path, body, effectiveOn, boardId };
}

/** mulberry32: tiny, seedable, good enough to spread amounts and dates. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const between = (rng: () => number, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Splits an exact total into n positive parts with varied sizes; the parts sum to the total exactly. */
export function split(total: bigint, n: number, rng: () => number, unit = 1n): bigint[] {
  if (n === 0) return [];
  const weights = Array.from({ length: n }, () => BigInt(between(rng, 1, 9)));
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => ((total * w) / sum / unit) * unit);
  parts[n - 1] += total - parts.reduce((a, b) => a + b, 0n);
  if (parts.some((p) => p <= 0n)) throw new Error(`cannot split ${total} into ${n} positive parts`);
  return parts;
}

/** A day between two dates (inclusive), as YYYY-MM-DD. */
export function dayBetween(rng: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rng() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

export const laterOf = (a: string, b: string) => (a > b ? a : b);

/** 2016 exchange rate used on the certificates of these scenarios: 22,300 VND per USD. */
export const RATE = 223n; // VND per US cent

export function money(origin: 'FDI' | 'DDI', minor: bigint): { vnd: string; usd?: string } {
  if (origin === 'DDI') return { vnd: minor.toString() };
  return { vnd: (minor * RATE).toString(), usd: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}` };
}

const COUNTRIES = ['KR', 'JP', 'CN', 'TW', 'SG', 'US', 'DE', 'HK', 'TH', 'MY'];

export function certificate(rng: () => number, p: { code: string; boardId: string; zoneId: string; origin: 'FDI' | 'DDI'; capital: bigint; issuedOn: string }) {
  const country = p.origin === 'FDI' ? pick(rng, COUNTRIES) : 'VN';
  const names = projectNames(p.code, p.origin, country);
  return {
    projectCode: p.code,
    boardId: p.boardId,
    zoneId: p.zoneId,
    projectName: names.projectName,
    investors: [{ name: names.investorName, country }],
    origin: p.origin,
    registeredCapital: { ...money(p.origin, p.capital), ...(p.origin === 'FDI' ? { exchangeRate: '22300' } : {}) },
    objectives: `Sản xuất, gia công ${names.product}`,
    durationYears: 50,
    issuedOn: p.issuedOn,
  };
}
