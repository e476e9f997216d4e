import { formatDecimal, formatPeriod, formatVietnamTime } from './figure-format';

describe('reporting periods and instants as people read them', () => {
  it.each([
    ['2016-Q3', 'Quý III/2016', 'Q3 2016'],
    ['2016-H1', '6 tháng đầu năm 2016', 'H1 2016'],
    ['2016-07', 'Tháng 7/2016', '07/2016'],
    ['2016', 'Năm 2016', '2016'],
  ])('%s reads "%s" in Vietnamese and "%s" in English', (period, vi, en) => {
    expect(formatPeriod(period, 'vi')).toBe(vi);
    expect(formatPeriod(period, 'en')).toBe(en);
  });

  it('leaves what is not a period unchanged', () => expect(formatPeriod('Q3', 'vi')).toBe('Q3'));

  it('writes an instant in Vietnam time, day first and 24-hour, whatever the language', () => {
    expect(formatVietnamTime('2016-12-31T17:30:00Z')).toBe('01/01/2017 00:30');
    expect(formatVietnamTime('2016-06-01T02:05:09.123Z')).toBe('01/06/2016 09:05');
  });
});

describe('decimal strings as people read them (plan indicators, percentages of plan)', () => {
  it.each([
    ['115.7500', 'vi', undefined, '115,75'],
    ['115.7500', 'en', undefined, '115.75'],
    ['12000.0000', 'vi', undefined, '12.000'],
    ['52.1', 'vi', 2, '52,10'],
    ['1234.5', 'en', 2, '1,234.50'],
    ['-0.25', 'vi', undefined, '-0,25'],
  ] as const)('%s (%s, %p decimals) → %s', (decimal, lang, decimals, text) => expect(formatDecimal(decimal, lang, decimals)).toBe(text));
});

