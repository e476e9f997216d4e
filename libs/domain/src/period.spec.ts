import { addDays } from './legal-date';
import { monthEndOf, periodRange } from './period';

describe('periodRange and monthEndOf', () => {
  it('ends every month, quarter and half on its last day by the calendar (leap years included)', () => {
    for (const year of [1900, 2000, 2016, 2023, 2024]) {
      for (let month = 1; month <= 12; month++) {
        const mm = String(month).padStart(2, '0');
        const nextStart = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
        expect(periodRange(`${year}-${mm}`)).toEqual({ from: `${year}-${mm}-01`, to: addDays(nextStart, -1) });
        expect(monthEndOf(`${year}-${mm}-15`)).toBe(addDays(nextStart, -1));
      }
    }
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange('2016-H1')).toEqual({ from: '2016-01-01', to: '2016-06-30' });
    expect(periodRange('2016-Q3')).toEqual({ from: '2016-07-01', to: '2016-09-30' });
    expect(periodRange('2016')).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(periodRange('1900-02').to).toBe('1900-02-28');
    expect(periodRange('2000-02').to).toBe('2000-02-29');
  });

  it('rejects what is not a period', () => {
    expect(() => periodRange('2016-13')).toThrow(/period must look like/);
  });
});
