import { RuleCode, RuleViolation, minorUnitsOf } from '@ledger/domain';

/** VND per USD by reporting period: `2016-Q3` where a quarter has its own rate, else the year's (`2016`). */
export type ExchangeRates = Readonly<Record<string, string>>;

export interface RateUsed {
  period: string;
  /** The key of the configured rate that applied (the quarter's, or its year's). */
  rateKey: string;
  vndPerUsd: string;
}

const RATE = /^[1-9]\d{0,7}(\.\d{1,4})?$/;

/** The rate scaled by 10^4 (rates have at most 4 decimals), so conversions stay in bigint. */
const scaled = (rate: string) => minorUnitsOf(rate, 4);

const halfUp = (value: bigint, divisor: bigint) => (value * 2n + divisor) / (2n * divisor);

export function checkExchangeRates(rates: unknown, source: string): ExchangeRates {
  if (typeof rates !== 'object' || rates === null) throw new Error(`${source}: rates must be an object of period → VND per USD`);
  for (const [period, rate] of Object.entries(rates)) {
    if (!/^\d{4}(-Q[1-4])?$/.test(period)) throw new Error(`${source}: ${period} is not a year or a quarter (2016, 2016-Q3)`);
    if (typeof rate !== 'string' || !RATE.test(rate)) throw new Error(`${source}: rate of ${period} must be a positive decimal string, got ${JSON.stringify(rate)}`);
  }
  return rates as ExchangeRates;
}

export function rateFor(rates: ExchangeRates, period: string): RateUsed {
  const rateKey = rates[period] !== undefined ? period : period.slice(0, 4);
  const vndPerUsd = rates[rateKey];
  if (vndPerUsd === undefined) throw new RuleViolation(RuleCode.EXCHANGE_RATE_MISSING, `no exchange rate for ${period} in config/exchange-rates.json: add "${period.slice(0, 4)}" (or "${period}") to convert the figures filed in one currency only`);
  return { period, rateKey, vndPerUsd };
}

/** VND → US cents at the rate, rounded half up to the cent. */
export const vndToUsdCents = (vnd: bigint, rate: RateUsed) => halfUp(vnd * 1_000_000n, scaled(rate.vndPerUsd));
/** US cents → VND at the rate, rounded half up to the đồng. */
export const usdCentsToVnd = (cents: bigint, rate: RateUsed) => halfUp(cents * scaled(rate.vndPerUsd), 1_000_000n);

