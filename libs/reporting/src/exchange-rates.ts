import { RuleCode, RuleViolation, minorUnitsOf } from '@ledger/domain';

/** VND per USD by reporting period: `2016-Q3` where a quarter has its own rate, else the year's (`2016`). */
export type ExchangeRates = Readonly<Record<string, string>>;

/**
 * The configured rates with where they come from (`source`, stated beside every conversion so that a
 * reader cannot take an approximate rate for an official one), and a board's own rates where it
 * publishes them: those convert its projects' figures.
 */
export interface RateTable {
  source: string;
  rates: ExchangeRates;
  boards: Readonly<Record<string, { source: string; rates: ExchangeRates }>>;
}

export interface RateUsed {
  period: string;
  /** The key of the configured rate that applied (the quarter's, or its year's). */
  rateKey: string;
  vndPerUsd: string;
  source: string;
  /** Set when the rate is the board's own. */
  boardId?: string;
}

const RATE = /^[1-9]\d{0,7}(\.\d{1,4})?$/;

/** The rate scaled by 10^4 (rates have at most 4 decimals), so conversions stay in bigint. */
const scaled = (rate: string) => minorUnitsOf(rate, 4);

const halfUp = (value: bigint, divisor: bigint) => (value * 2n + divisor) / (2n * divisor);

function checkExchangeRates(rates: unknown, source: string): ExchangeRates {
  if (typeof rates !== 'object' || rates === null) throw new Error(`${source}: rates must be an object of period → VND per USD`);
  for (const [period, rate] of Object.entries(rates)) {
    if (!/^\d{4}(-Q[1-4])?$/.test(period)) throw new Error(`${source}: ${period} is not a year or a quarter (2016, 2016-Q3)`);
    if (typeof rate !== 'string' || !RATE.test(rate)) throw new Error(`${source}: rate of ${period} must be a positive decimal string, got ${JSON.stringify(rate)}`);
  }
  return rates as ExchangeRates;
}

function checkSource(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: source must say where the rates come from (e.g. "approximate annual average, replace with the board's")`);
  return value;
}

/** `{source, rates, boards?: {<boardId>: {source, rates}}}` as in config/exchange-rates.json; anything else is an error naming the file. */
export function checkRateTable(json: Record<string, unknown>, file: string): RateTable {
  const boards = (json.boards ?? {}) as Record<string, { source?: unknown; rates?: unknown }>;
  if (typeof boards !== 'object' || boards === null) throw new Error(`${file}: boards must be an object of board id → {source, rates}`);
  return {
    source: checkSource(json.source, file),
    rates: checkExchangeRates(json.rates, file),
    boards: Object.fromEntries(Object.entries(boards).map(([id, b]) => [id, { source: checkSource(b?.source, `${file} boards.${id}`), rates: checkExchangeRates(b?.rates, `${file} boards.${id}`) }])),
  };
}

const keyIn = (rates: ExchangeRates, period: string) => (rates[period] !== undefined ? period : rates[period.slice(0, 4)] !== undefined ? period.slice(0, 4) : undefined);

/** The rate of a period (its quarter's, else its year's): the board's own where it has one for the period, else everyone's. */
export function rateFor(table: RateTable, period: string, boardId?: string): RateUsed {
  const own = boardId === undefined ? undefined : table.boards[boardId];
  const ownKey = own && keyIn(own.rates, period);
  if (own && ownKey) return { period, rateKey: ownKey, vndPerUsd: own.rates[ownKey], source: own.source, boardId };
  const rateKey = keyIn(table.rates, period);
  if (rateKey === undefined) throw new RuleViolation(RuleCode.EXCHANGE_RATE_MISSING, `no exchange rate for ${period} in config/exchange-rates.json: add "${period.slice(0, 4)}" (or "${period}") to convert the figures filed in one currency only`);
  return { period, rateKey, vndPerUsd: table.rates[rateKey], source: table.source };
}

/** VND → US cents at the rate, rounded half up to the cent. */
export const vndToUsdCents = (vnd: bigint, rate: RateUsed) => halfUp(vnd * 1_000_000n, scaled(rate.vndPerUsd));
/** US cents → VND at the rate, rounded half up to the đồng. */
export const usdCentsToVnd = (cents: bigint, rate: RateUsed) => halfUp(cents * scaled(rate.vndPerUsd), 1_000_000n);

