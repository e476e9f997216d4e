import { parse } from 'csv-parse/sync';
import { rowReportCsv } from '../row-report';

describe('the row report', () => {
  it('is CSV with a BOM, one line per problem, and keeps sheet text that looks like a formula inert', () => {
    const csv = rowReportCsv([{ row: 7, column: 'E', header: '=HYPERLINK("x")', code: 'COUNTRY_UNKNOWN', severity: 'error', message: '-1+1' }], 'en');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(parse(csv.slice(1))).toEqual([
      ['Row', 'Column', 'Header', 'Code', 'Severity', 'Problem'],
      ['7', 'E', `'=HYPERLINK("x")`, 'COUNTRY_UNKNOWN', 'error', "'-1+1"],
    ]);
  });
});
