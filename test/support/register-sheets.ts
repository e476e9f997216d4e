import { workbookOf, type Cell, type SheetSpec } from '../../apps/ledger-cli/src/register/workbook';

/** An Excel serial day number (1900 system), as a register cell typed as a plain number holds it. */
export const serialOf = (date: string) => (Date.parse(date) - Date.UTC(1899, 11, 30)) / 86_400_000;
/** A real date cell. */
export const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** The columns of the version register below (row 3–4 header block). */
export const V = { code: 'B', name: 'C', zone: 'F', version: 'G', issuedOn: 'H', adjustedOn: 'I', musd: 'J', bnvnd: 'K', rate: 'L', status: 'M', terminatedOn: 'N' } as const;

/** A version register as boards keep it: title, a two-row merged header with units under "Vốn đầu tư đăng ký". */
export function versionSheet(rows: Cell[][], totals?: Cell[]): SheetSpec {
  return {
    name: 'DS du an',
    rows: [
      ['DANH SÁCH CÁC DỰ ÁN ĐẦU TƯ VÀO CÁC KCN TỈNH BẮC GIANG'],
      ['(Kèm theo báo cáo của Ban Quản lý các KCN)'],
      ['STT', 'Mã số dự án', 'Tên dự án ', 'Nhà đầu tư', 'Quốc tịch', 'KCN', 'Chứng nhận thay đổi lần thứ', 'Ngày cấp', 'Ngày điều chỉnh', 'Vốn đầu tư đăng ký', null, 'Tỷ giá (VND/USD)', 'Tình trạng', 'Ngày chấm dứt'],
      [null, null, null, null, null, null, null, null, null, '(triệu USD)', '(tỷ đồng)'],
      ...rows,
      ...(totals ? [totals, [], [null, null, 'Người lập biểu']] : []),
    ],
    merges: ['A1:N1', 'J3:K3', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N'].map((c) => `${c}3:${c}4`)],
  };
}

/** The columns of the project register below (one header row). */
export const P = { code: 'B', name: 'C', country: 'E', zone: 'F', issuedOn: 'G', usd: 'H', bnvnd: 'I', status: 'J', terminatedOn: 'K' } as const;

/** One row per project with its current figures. */
export function projectSheet(rows: Cell[][], totals?: Cell[]): SheetSpec {
  return {
    name: 'Sheet1',
    rows: [
      ['TT', 'Số GCNĐKĐT', 'Tên dự án', 'Tên nhà đầu tư', 'Quốc tịch', 'Khu công nghiệp', 'Ngày cấp GCNĐKĐT', 'Vốn đầu tư đăng ký (USD)', 'Vốn đầu tư đăng ký (tỷ đồng)', 'Tình trạng dự án', 'Ngày chấm dứt'],
      ...rows,
      ...(totals ? [totals] : []),
    ],
  };
}

export const xlsxOf = (sheet: SheetSpec) => workbookOf([sheet]);
