import { fieldOfHeader, parseMapping } from '../columns';
import { countryCodeOf } from '../countries';
import { legalDateOfCell } from '../dates';
import { decimalOf, decimalText, scaled } from '../numbers';

/** Minor units of a cell in a column of a unit (10^shift) and currency (decimals): the importer's exact path. */
const minor = (cell: string | number, shift: number, decimals: number) => scaled(decimalOf(cell), shift, decimals);

describe('register cells are read exactly', () => {
  it.each([
    ['1.234.567', 0, 0, 1234567n],
    ['1.234,5', 9, 0, 1_234_500_000_000n],
    ['3.214,7', 9, 0, 3_214_700_000_000n],
    ['1,234.5', 0, 2, 123450n],
    ['840,37', 6, 2, 84_037_000_000n],
    ['1.234', 0, 0, 1234n],
    ['12.5', 6, 2, 1_250_000_000n],
    [' 250 000 ', 0, 0, 250000n],
    ['12.500.000 USD', 0, 2, 1_250_000_000n],
    ['350.000.000đ', 0, 0, 350_000_000n],
    [840.37, 6, 2, 84_037_000_000n],
    [0.1 + 0.2, 6, 2, 30_000_000n],
    [840.3700000000001, 6, 2, 84_037_000_000n],
    [1.2e-7, 0, 2, undefined],
    [25000000.5, 0, 2, 2_500_000_050n],
  ] as const)('%j in 10^%i units to %i decimals is %s', (cell, shift, decimals, expected) => {
    expect(minor(cell, shift, decimals)).toBe(expected);
  });

  it('refuses a whole number with more digits than a spreadsheet keeps, and text that is not a number', () => {
    expect(() => decimalOf(12345678901234567)).toThrow(/15 significant digits/);
    expect(() => decimalOf('12,3,4.5x')).toThrow(/not a number/);
  });

  it('writes rates back as plain decimals', () => {
    expect(decimalText({ units: 223700000n, scale: 4 })).toBe('22370');
    expect(decimalText({ units: 223705000n, scale: 4 })).toBe('22370.5');
  });

  it.each([
    ['15/03/2016', '2016-03-15'],
    ['5/3/2016', '2016-03-05'],
    ['15-03-2016', '2016-03-15'],
    ['2016-03-15', '2016-03-15'],
    [42444, '2016-03-15'],
    [new Date(Date.UTC(2016, 2, 15)), '2016-03-15'],
  ] as const)('reads the date %j as %s', (cell, expected) => {
    expect(legalDateOfCell(cell)).toBe(expected);
  });

  it('refuses dates that do not exist', () => {
    expect(() => legalDateOfCell('31/02/2016')).toThrow(/not a date that exists/);
    expect(() => legalDateOfCell('March 2016')).toThrow(/not a date/);
  });

  it.each([
    ['Mã số dự án', 'projectCode'],
    ['MÃ SỐ  DỰ ÁN ', 'projectCode'],
    ['Số GCNĐKĐT', 'certificateNo'],
    ['Vốn đầu tư đăng ký (USD)', 'capitalUsd'],
    ['Vốn đầu tư đăng ký (triệu USD)', 'capitalMillionUsd'],
    ['(triệu USD)', 'capitalMillionUsd'],
    ['Vốn đầu tư đăng ký (tỷ đồng)', 'capitalBillionVnd'],
    ['Tỷ giá (VND/USD)', 'exchangeRate'],
    ['Ngày cấp', 'issuedOn'],
    ['Ngày điều chỉnh', 'adjustedOn'],
    ['Lần điều chỉnh', 'adjustmentNo'],
    ['Tình trạng', 'status'],
    ['Ngày chấm dứt', 'terminatedOn'],
    ['KCN', 'zone'],
    ['Diện tích (ha)', 'landAreaHa'],
  ])('recognises the header %j as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('leaves unknown headers to a mapping file, which names only known fields', () => {
    expect(fieldOfHeader('Ghi chú')).toBeUndefined();
    expect(parseMapping({ columns: { 'Vốn ĐK quy đổi': 'capitalUsd' } }).columns).toEqual({ 'von dk quy doi': 'capitalUsd' });
    expect(() => parseMapping({ columns: { X: 'capital' } })).toThrow(/not one of/);
  });

  it('turns country names into ISO codes, accents or not', () => {
    expect(['Hàn Quốc', 'han quoc', 'Nhật Bản', 'Đài Loan (Trung Quốc)', 'Quần đảo Virgin thuộc Anh', 'Việt Nam', 'KR'].map(countryCodeOf)).toEqual(['KR', 'KR', 'JP', 'TW', 'VG', 'VN', 'KR']);
    expect(countryCodeOf('Atlantis')).toBeUndefined();
  });
});
