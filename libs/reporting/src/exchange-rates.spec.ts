import { RuleViolation } from '@ledger/domain';
import { checkRateTable, rateFor, usdCentsToVnd, vndToUsdCents } from './exchange-rates';

const file = 'config/exchange-rates.json';
const table = checkRateTable(
  {
    source: "approximate annual average, not an official rate: replace with the board's",
    rates: { '2016': '22300', '2016-Q3': '22400' },
    boards: { 'BQL-HN': { source: 'Cục Thống kê Hà Nội', rates: { '2016': '22350' } } },
  },
  file,
);

describe('exchange rates: everyone’s, with their source, and a board’s own where it publishes them', () => {
  it('a quarter’s own rate, else its year’s, stating where the rate comes from', () => {
    expect(rateFor(table, '2016-Q3')).toEqual({ period: '2016-Q3', rateKey: '2016-Q3', vndPerUsd: '22400', source: "approximate annual average, not an official rate: replace with the board's" });
    expect(rateFor(table, '2016-Q1')).toMatchObject({ rateKey: '2016', vndPerUsd: '22300' });
  });

  it('a board’s own rate converts its projects’ figures, named as the board’s; other boards keep everyone’s', () => {
    expect(rateFor(table, '2016', 'BQL-HN')).toEqual({ period: '2016', rateKey: '2016', vndPerUsd: '22350', source: 'Cục Thống kê Hà Nội', boardId: 'BQL-HN' });
    expect(rateFor(table, '2016-Q3', 'BQL-HN')).toMatchObject({ rateKey: '2016', vndPerUsd: '22350', boardId: 'BQL-HN' });
    expect(rateFor(table, '2016', 'BQL-HP')).toMatchObject({ vndPerUsd: '22300', source: table.source });
    expect(rateFor(table, '2016', 'BQL-HP').boardId).toBeUndefined();
  });

  it('a period the board gives no rate for falls back to everyone’s; none at all is EXCHANGE_RATE_MISSING', () => {
    expect(rateFor(checkRateTable({ source: 's', rates: { '2015': '21700' }, boards: { 'BQL-HN': { source: 'b', rates: { '2016': '22350' } } } }, file), '2015', 'BQL-HN')).toMatchObject({ vndPerUsd: '21700', source: 's' });
    expect(() => rateFor(table, '2017')).toThrow(RuleViolation);
  });

  it('converts exactly, half up: 1,000,000 VND at 22,300 = 44.84 USD; 100.00 USD = 2,230,000 VND', () => {
    const rate = rateFor(table, '2016');
    expect(vndToUsdCents(1_000_000n, rate)).toBe(4484n);
    expect(usdCentsToVnd(10_000n, rate)).toBe(2_230_000n);
  });

  it.each([
    [{ rates: { '2016': '22300' } }, /source must say where the rates come from/],
    [{ source: 's', rates: { '2016': 22300 } }, /rate of 2016 must be a positive decimal string/],
    [{ source: 's', rates: {}, boards: { 'BQL-HN': { rates: { '2016': '1' } } } }, /boards\.BQL-HN: source must say/],
  ])('refuses a table that does not say what it is: %j', (json, message) => {
    expect(() => checkRateTable(json as Record<string, unknown>, file)).toThrow(message);
  });
});
