import { completeFdiAmount, parseDateInput, parseRateInput, parseUsdInput, parseVndInput } from './money-input';

describe('money as officers type it', () => {
  it('reads Vietnamese and English grouping exactly', () => {
    expect(parseVndInput('1.250.000.000', 'vi')).toBe('1250000000');
    expect(parseVndInput('1.250.000.000 đ', 'vi')).toBe('1250000000');
    expect(parseVndInput('1,250,000,000', 'en')).toBe('1250000000');
    expect(parseVndInput('1.25', 'vi')).toBeUndefined();
    expect(parseUsdInput('400.000,00', 'vi')).toBe('400000.00');
    expect(parseUsdInput('400.000,5', 'vi')).toBe('400000.50');
    expect(parseUsdInput('400,000.50', 'en')).toBe('400000.50');
    expect(parseUsdInput('1,005', 'vi')).toBeUndefined();
    expect(parseRateInput('23.500', 'vi')).toBe('23500');
    expect(parseRateInput('25.085,5', 'vi')).toBe('25085.5');
  });

  it('any two of VND, USD and the rate give the third, as the certificate prints it', () => {
    expect(completeFdiAmount({ vnd: '20000000000', exchangeRate: '23500' }, 'usd').usd).toBe('851063.83');
    expect(completeFdiAmount({ usd: '1000000.00', exchangeRate: '23500' }, 'vnd').vnd).toBe('23500000000');
    expect(completeFdiAmount({ vnd: '25085500000', usd: '1000000.00' }, 'exchangeRate').exchangeRate).toBe('25085.5');
  });

  it('reads dd/mm/yyyy and refuses dates that do not exist', () => {
    expect(parseDateInput('31/12/2016')).toBe('2016-12-31');
    expect(parseDateInput('2016-12-31')).toBe('2016-12-31');
    expect(parseDateInput('30/02/2016')).toBeUndefined();
  });
});
