import { keyOf } from './text';

/** What a register column can hold; a mapping file names these. */
export const FIELDS = [
  'sequence', 'projectCode', 'certificateNo', 'projectName', 'investor', 'country', 'origin', 'zone',
  'capitalUsd', 'capitalMillionUsd', 'capitalVnd', 'capitalMillionVnd', 'capitalBillionVnd', 'exchangeRate',
  'issuedOn', 'adjustmentNo', 'adjustedOn', 'status', 'terminatedOn', 'terminationGround', 'decisionRef',
  'landAreaM2', 'landAreaHa', 'objectives', 'durationYears',
] as const;
export type Field = (typeof FIELDS)[number];

/** The registered-capital columns, one per unit: amounts are summed by the totals check and mark a project row. */
export const CAPITAL_FIELDS: readonly Field[] = ['capitalUsd', 'capitalMillionUsd', 'capitalVnd', 'capitalMillionVnd', 'capitalBillionVnd'];

type Match = 'exact' | 'prefix' | 'suffix';

/**
 * The usual Vietnamese (and English) headers of board registers, compared by keyOf (no accents, case
 * or punctuation). Capital columns are recognised by their unit at the end, whatever precedes it
 * ("Vốn đầu tư đăng ký (triệu USD)", "Tổng vốn ĐT (USD)", or "(triệu USD)" under a merged "Vốn đầu tư").
 * Exact matches are tried first, then prefixes, then suffixes; longer phrases before shorter ones.
 */
export const HEADER_SYNONYMS: ReadonlyArray<{ field: Field; match: Match; phrases: readonly string[] }> = [
  { field: 'sequence', match: 'exact', phrases: ['STT', 'TT', 'Số TT', 'No.', 'No'] },
  { field: 'projectCode', match: 'exact', phrases: ['Mã số dự án', 'Mã dự án', 'Mã số', 'Project code', 'Project ID'] },
  { field: 'certificateNo', match: 'exact', phrases: ['Số GCNĐKĐT', 'Số GCNĐT', 'Số GCN', 'Số giấy chứng nhận đăng ký đầu tư', 'Số giấy chứng nhận đầu tư', 'Số giấy phép', 'Số GP', 'Certificate No', 'Certificate number'] },
  { field: 'projectName', match: 'exact', phrases: ['Tên dự án', 'Tên dự án đầu tư', 'Dự án', 'Project', 'Project name'] },
  { field: 'investor', match: 'exact', phrases: ['Nhà đầu tư', 'Tên nhà đầu tư', 'Chủ đầu tư', 'Doanh nghiệp', 'Tên doanh nghiệp', 'Investor', 'Investors'] },
  { field: 'country', match: 'exact', phrases: ['Quốc tịch', 'Quốc tịch nhà đầu tư', 'Quốc gia', 'Quốc gia/vùng lãnh thổ', 'Nước đầu tư', 'Đối tác', 'Country', 'Nationality'] },
  { field: 'origin', match: 'exact', phrases: ['Loại hình', 'Loại dự án', 'Nguồn vốn', 'FDI/DDI', 'Origin'] },
  { field: 'zone', match: 'exact', phrases: ['KCN', 'Khu công nghiệp', 'KCN/KKT', 'KCN, KKT', 'Địa điểm', 'Địa điểm thực hiện', 'Địa điểm thực hiện dự án', 'Zone', 'Industrial zone'] },
  { field: 'exchangeRate', match: 'prefix', phrases: ['Tỷ giá', 'Exchange rate'] },
  { field: 'capitalMillionUsd', match: 'suffix', phrases: ['triệu USD', 'Tr USD', 'Tr.USD', 'million USD', 'USD million'] },
  { field: 'capitalUsd', match: 'suffix', phrases: ['USD'] },
  { field: 'capitalBillionVnd', match: 'suffix', phrases: ['tỷ đồng', 'tỷ VND', 'tỷ VNĐ', 'billion VND'] },
  { field: 'capitalMillionVnd', match: 'suffix', phrases: ['triệu đồng', 'triệu VND', 'million VND'] },
  { field: 'capitalVnd', match: 'suffix', phrases: ['VND', 'VNĐ', 'đồng'] },
  { field: 'issuedOn', match: 'exact', phrases: ['Ngày cấp', 'Ngày cấp GCNĐKĐT', 'Ngày cấp lần đầu', 'Ngày cấp phép', 'Ngày cấp mới', 'Issued on', 'Issue date'] },
  { field: 'adjustmentNo', match: 'exact', phrases: ['Lần điều chỉnh', 'Lần thay đổi', 'Điều chỉnh lần', 'Số lần điều chỉnh', 'Chứng nhận thay đổi lần thứ', 'Adjustment No', 'Version'] },
  { field: 'adjustedOn', match: 'exact', phrases: ['Ngày điều chỉnh', 'Ngày cấp điều chỉnh', 'Ngày thay đổi', 'Ngày cấp thay đổi', 'Adjusted on', 'Adjustment date'] },
  { field: 'status', match: 'exact', phrases: ['Tình trạng', 'Tình trạng dự án', 'Trạng thái', 'Hiện trạng', 'Status'] },
  { field: 'terminatedOn', match: 'exact', phrases: ['Ngày chấm dứt', 'Ngày chấm dứt hoạt động', 'Ngày thu hồi', 'Ngày thu hồi GCNĐKĐT', 'Terminated on', 'Termination date'] },
  { field: 'terminationGround', match: 'exact', phrases: ['Căn cứ chấm dứt', 'Lý do chấm dứt', 'Termination ground'] },
  { field: 'decisionRef', match: 'exact', phrases: ['Số quyết định', 'Số quyết định chấm dứt', 'Quyết định chấm dứt', 'Decision No'] },
  { field: 'landAreaHa', match: 'suffix', phrases: ['ha'] },
  { field: 'landAreaM2', match: 'suffix', phrases: ['m2', 'm²'] },
  { field: 'objectives', match: 'exact', phrases: ['Mục tiêu', 'Mục tiêu dự án', 'Mục tiêu hoạt động', 'Ngành nghề', 'Objectives'] },
  { field: 'durationYears', match: 'exact', phrases: ['Thời hạn', 'Thời hạn hoạt động', 'Thời hạn hoạt động (năm)', 'Thời hạn (năm)', 'Duration', 'Duration (years)'] },
];

const ORDERED = (['exact', 'prefix', 'suffix'] as const).flatMap((match) =>
  HEADER_SYNONYMS.filter((s) => s.match === match)
    .flatMap((s) => s.phrases.map((p) => ({ field: s.field, match, key: keyOf(p) })))
    .sort((a, b) => b.key.length - a.key.length),
);

/** The field a header names, if it is one of the usual ones. Capital and area columns must name a unit. */
export function fieldOfHeader(header: string): Field | undefined {
  const key = keyOf(header);
  if (key === '') return undefined;
  for (const s of ORDERED) {
    if (s.match === 'exact' ? key === s.key : s.match === 'prefix' ? key === s.key || key.startsWith(`${s.key} `) : key === s.key || key.endsWith(` ${s.key}`)) {
      // "Diện tích (ha)" names an area; a lone "ha" elsewhere is not a header.
      if ((s.field === 'landAreaHa' || s.field === 'landAreaM2') && !key.startsWith('dien tich') && !key.startsWith('area')) continue;
      return s.field;
    }
  }
  return undefined;
}

/** A mapping file: `{"columns": {"<header as in the sheet>": "<field>"}}`, for headers the table does not know. */
export interface ColumnMapping {
  columns: Record<string, Field>;
}

export function parseMapping(json: unknown): ColumnMapping {
  const columns = (json as { columns?: unknown } | null)?.columns;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) throw new Error('expected {"columns": {"<header>": "<field>"}}');
  const out: Record<string, Field> = {};
  for (const [header, field] of Object.entries(columns)) {
    if (!(FIELDS as readonly string[]).includes(field as string)) throw new Error(`"${header}" maps to ${JSON.stringify(field)}, which is not one of ${FIELDS.join(', ')}`);
    out[keyOf(header)] = field as Field;
  }
  return { columns: out };
}
