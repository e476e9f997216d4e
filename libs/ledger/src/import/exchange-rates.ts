import { readFileSync } from 'node:fs';
import { MONEY_PATTERNS } from '@ledger/domain';

export const DEFAULT_EXCHANGE_RATES_FILE = 'config/import/exchange-rates.json';

/** `{"2016": "22370", …}` (other keys, such as a note, ignored); a bad rate stops with one line naming it. */
export function loadExchangeRates(path = DEFAULT_EXCHANGE_RATES_FILE): Record<string, string> {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const rates: Record<string, string> = {};
  for (const [year, rate] of Object.entries(json)) {
    if (!/^\d{4}$/.test(year)) continue;
    if (typeof rate !== 'string' || !MONEY_PATTERNS.exchangeRate.test(rate)) throw new Error(`${path}: the rate of ${year} must be a decimal string such as "22370", got ${JSON.stringify(rate)}`);
    rates[year] = rate;
  }
  return rates;
}
