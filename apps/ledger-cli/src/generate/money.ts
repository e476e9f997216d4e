import type { Prng } from './prng';

/** Realistic amounts as decimal strings: FDI in USD (with the VND equivalent at the year's rate), DDI in VND. */

/** Approximate VND per USD by year, as printed on certificates. */
export function exchangeRateOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Math.min(25_400, Math.max(15_900, 15_900 + (year - 2008) * 520));
}

/** A log-uniform draw between 10^lo and 10^hi, rounded to `step`. */
function logUniform(rng: Prng, lo: number, hi: number, step: number): bigint {
  const value = Math.pow(10, lo + rng.next() * (hi - lo));
  return BigInt(Math.max(1, Math.round(value / step))) * BigInt(step);
}

export interface Amount {
  vnd: string;
  usd?: string;
  exchangeRate?: string;
}

/** FDI: whole USD (10^lo..10^hi) and its VND equivalent; DDI: VND (10^lo..10^hi) in millions. */
export function fdiAmount(usdWhole: bigint, date: string, withRate: boolean): Amount {
  const rate = BigInt(exchangeRateOf(date));
  return { vnd: (usdWhole * rate).toString(), usd: `${usdWhole}.00`, ...(withRate ? { exchangeRate: rate.toString() } : {}) };
}

export function registeredCapital(rng: Prng, origin: 'FDI' | 'DDI', date: string): Amount {
  return origin === 'FDI' ? fdiAmount(logUniform(rng, 5.5, 8.4, 1000), date, true) : { vnd: logUniform(rng, 9.7, 12.6, 1_000_000).toString() };
}

/** A share (0..1) of a registered amount, at least one unit of `step`. */
export function shareOf(total: bigint, share: number, step: bigint): bigint {
  const part = (total * BigInt(Math.round(share * 10_000))) / 10_000n;
  const rounded = (part / step) * step;
  return rounded > 0n ? rounded : step;
}
