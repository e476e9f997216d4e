import { RuleCode, RuleViolation } from './errors';

/**
 * Money as printed on a certificate: VND always; for FDI also the USD equivalent.
 * In code both are bigint minor units (1 đồng; 1 US cent); on the wire decimal strings.
 */
export interface Money {
  readonly vnd: bigint;
  readonly usdCents?: bigint;
}

export interface MoneyJson {
  vnd: string;
  usd?: string;
}

const VND_PATTERN = /^(0|[1-9]\d{0,18})$/;
const USD_PATTERN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
const RATE_PATTERN = /^[1-9]\d{0,7}(\.\d{1,4})?$/;

export const MONEY_PATTERNS = { vnd: VND_PATTERN, usd: USD_PATTERN, exchangeRate: RATE_PATTERN };

export function parseVnd(text: string, field = 'vnd'): bigint {
  if (!VND_PATTERN.test(text)) {
    throw new RuleViolation(RuleCode.AMOUNT_INVALID, `${field} must be a whole number of đồng as a decimal string, got ${JSON.stringify(text)}`);
  }
  return BigInt(text);
}

export function parseUsdCents(text: string, field = 'usd'): bigint {
  const m = USD_PATTERN.exec(text);
  if (!m) {
    throw new RuleViolation(RuleCode.AMOUNT_INVALID, `${field} must be a decimal string with at most 2 decimals, got ${JSON.stringify(text)}`);
  }
  const cents = (m[2] ?? '.').slice(1).padEnd(2, '0');
  return BigInt(m[1]) * 100n + BigInt(cents);
}

export function formatUsdCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function moneyFromJson(json: MoneyJson, field = 'amount'): Money {
  const vnd = parseVnd(json.vnd, `${field}.vnd`);
  return json.usd === undefined ? { vnd } : { vnd, usdCents: parseUsdCents(json.usd, `${field}.usd`) };
}

export function moneyToJson(money: Money): MoneyJson {
  const json: MoneyJson = { vnd: money.vnd.toString() };
  if (money.usdCents !== undefined) json.usd = formatUsdCents(money.usdCents);
  return json;
}

export const ZERO: Money = { vnd: 0n };

export function addMoney(a: Money, b: Money): Money {
  const usd = a.usdCents === undefined && b.usdCents === undefined ? undefined : (a.usdCents ?? 0n) + (b.usdCents ?? 0n);
  return usd === undefined ? { vnd: a.vnd + b.vnd } : { vnd: a.vnd + b.vnd, usdCents: usd };
}

export function negateMoney(a: Money): Money {
  return a.usdCents === undefined ? { vnd: -a.vnd } : { vnd: -a.vnd, usdCents: -a.usdCents };
}

export function isPositive(m: Money): boolean {
  return m.vnd > 0n && (m.usdCents === undefined || m.usdCents > 0n);
}
