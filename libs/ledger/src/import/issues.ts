import { RuleCode } from '@ledger/domain';
import { AuthorityCode } from '../errors';

export type Lang = 'vi' | 'en';

/** What the importer itself finds wrong with a sheet, before or beside the decider's rules. */
export const ImportCode = {
  SHEET_NOT_FOUND: 'SHEET_NOT_FOUND',
  HEADER_NOT_FOUND: 'HEADER_NOT_FOUND',
  COLUMN_MISSING: 'COLUMN_MISSING',
  MAPPING_INVALID: 'MAPPING_INVALID',
  VALUE_MISSING: 'VALUE_MISSING',
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  AMOUNT_TOO_PRECISE: 'AMOUNT_TOO_PRECISE',
  NOT_A_DATE: 'NOT_A_DATE',
  COUNTRY_UNKNOWN: 'COUNTRY_UNKNOWN',
  ZONE_NOT_FOUND: 'ZONE_NOT_FOUND',
  ORIGIN_UNKNOWN: 'ORIGIN_UNKNOWN',
  STATUS_UNKNOWN: 'STATUS_UNKNOWN',
  TERMINATION_DATE_MISSING: 'TERMINATION_DATE_MISSING',
  USD_MISSING: 'USD_MISSING',
  NO_RATE_FOR_YEAR: 'NO_RATE_FOR_YEAR',
  DUPLICATE_PROJECT: 'DUPLICATE_PROJECT',
  DUPLICATE_VERSION: 'DUPLICATE_VERSION',
  ISSUANCE_MISSING: 'ISSUANCE_MISSING',
  TOTALS_MISMATCH: 'TOTALS_MISMATCH',
  NOTHING_TO_RECORD: 'NOTHING_TO_RECORD',
  ALREADY_IMPORTED: 'ALREADY_IMPORTED',
} as const;
export type ImportCode = (typeof ImportCode)[keyof typeof ImportCode];

export interface RowIssue {
  /** Row number as the spreadsheet shows it (1-based); 0 for the sheet as a whole. */
  row: number;
  /** Column letter and header as in the sheet, when one column is at fault. */
  column?: string;
  header?: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

type Params = Record<string, string | number>;
const TEXT: Record<ImportCode, { vi: string; en: string }> = {
  SHEET_NOT_FOUND: { vi: 'Không có trang tính "{sheet}" trong tệp', en: 'the workbook has no sheet "{sheet}"' },
  HEADER_NOT_FOUND: { vi: 'Không nhận ra dòng tiêu đề (cần ít nhất cột mã số dự án và cột vốn đăng ký); hãy dùng tệp ánh xạ cột', en: 'no header row recognised (need at least a project code column and a registered-capital column); use a mapping file' },
  COLUMN_MISSING: { vi: 'Thiếu cột {field}', en: 'column {field} is missing' },
  MAPPING_INVALID: { vi: 'Tệp ánh xạ không hợp lệ: {detail}', en: 'the mapping file is invalid: {detail}' },
  VALUE_MISSING: { vi: 'Ô trống: cần {field}', en: '{field} is empty' },
  NOT_A_NUMBER: { vi: '"{value}" không phải là số', en: '"{value}" is not a number' },
  AMOUNT_TOO_PRECISE: { vi: '"{value}" lẻ hơn đơn vị nhỏ nhất ({unit})', en: '"{value}" is finer than the smallest unit ({unit})' },
  NOT_A_DATE: { vi: '"{value}" không phải là ngày (dd/mm/yyyy)', en: '"{value}" is not a date (dd/mm/yyyy)' },
  COUNTRY_UNKNOWN: { vi: 'Không nhận ra quốc tịch "{value}" (ghi tên nước hoặc mã ISO 2 chữ)', en: 'country "{value}" not recognised (write the country name or its ISO two-letter code)' },
  ZONE_NOT_FOUND: { vi: 'Không có KCN "{value}" thuộc {board} (các khu của Ban: {zones})', en: 'no zone "{value}" of {board} (its zones: {zones})' },
  ORIGIN_UNKNOWN: { vi: 'Không xác định được dự án FDI hay DDI ("{value}")', en: 'cannot tell whether the project is FDI or DDI ("{value}")' },
  STATUS_UNKNOWN: { vi: 'Không nhận ra tình trạng "{value}"', en: 'status "{value}" not recognised' },
  TERMINATION_DATE_MISSING: { vi: 'Dự án đã chấm dứt nhưng không có ngày chấm dứt', en: 'the project is terminated but has no termination date' },
  USD_MISSING: { vi: 'Dự án FDI cần vốn bằng USD (hoặc tỷ giá để quy đổi)', en: 'an FDI project needs its capital in USD (or a rate to convert it)' },
  NO_RATE_FOR_YEAR: { vi: 'Không có tỷ giá cho năm {year}: ghi cột tỷ giá hoặc cấu hình tỷ giá năm', en: 'no exchange rate for {year}: fill the rate column or configure a rate for the year' },
  DUPLICATE_PROJECT: { vi: 'Mã số dự án {value} đã có ở dòng {first}', en: 'project code {value} already appears on row {first}' },
  DUPLICATE_VERSION: { vi: 'Lần điều chỉnh {value} của dự án đã có ở dòng {first}', en: 'adjustment {value} of this project already appears on row {first}' },
  ISSUANCE_MISSING: { vi: 'Dự án {value} không có dòng cấp mới (lần 0)', en: 'project {value} has no issuance row (version 0)' },
  TOTALS_MISMATCH: { vi: 'Dòng tổng ghi {stated}, các dòng trên cộng lại {computed}', en: 'the totals row says {stated}; the rows above add up to {computed}' },
  NOTHING_TO_RECORD: { vi: 'Lần điều chỉnh này không thay đổi nội dung nào sổ cái ghi được; bỏ qua', en: 'this version changes nothing the ledger records; skipped' },
  ALREADY_IMPORTED: { vi: 'Tệp này đã được nhập lúc {at}; không ghi thêm gì', en: 'this file was already imported at {at}; nothing appended' },
};

/** Vietnamese wording of the decider's and the write path's rule codes; the English is the rule's own message. */
const RULE_VI: Partial<Record<string, string>> = {
  [RuleCode.PROJECT_ALREADY_ISSUED]: 'Mã số dự án {code} đã được cấp trong sổ cái',
  [RuleCode.PROJECT_TERMINATED]: 'Dự án đã chấm dứt ngày {terminatedOn}; không ghi thêm được',
  [RuleCode.PROJECT_CODE_INVALID]: 'Mã số dự án không hợp lệ (10 chữ số, 12 chữ số hoặc dạng 123/GP)',
  [RuleCode.AMOUNT_NOT_POSITIVE]: 'Số vốn phải lớn hơn 0',
  [RuleCode.AMOUNT_INVALID]: 'Số vốn không hợp lệ',
  [RuleCode.CAPITAL_WOULD_BE_NON_POSITIVE]: 'Giảm vốn làm vốn đăng ký bằng 0 hoặc âm',
  [RuleCode.USD_REQUIRED_FOR_FDI]: 'Dự án FDI cần vốn bằng USD',
  [RuleCode.EXCHANGE_RATE_REQUIRED_FOR_FDI]: 'Dự án FDI cần tỷ giá',
  [RuleCode.EXCHANGE_RATE_MISMATCH]: 'Vốn VND, USD và tỷ giá không khớp (lệch quá 1 USD)',
  [RuleCode.DATE_INVALID]: 'Ngày không hợp lệ',
  [RuleCode.FUTURE_DATED]: 'Ngày {date} ở tương lai (hôm nay là {today})',
  [RuleCode.EFFECTIVE_BEFORE_ISSUANCE]: 'Ngày {date} trước ngày cấp GCNĐKĐT {issuedOn}',
  [RuleCode.EFFECTIVE_BEFORE_LAST_ACT]: 'Ngày {date} trước một lần điều chỉnh đã ghi có hiệu lực ngày {lastOn}',
  [RuleCode.DATE_TOO_EARLY]: 'Ngày trước Luật Đầu tư nước ngoài 1987',
  [RuleCode.NO_CHANGES]: 'Lần điều chỉnh không thay đổi nội dung nào',
  [RuleCode.ZONE_UNKNOWN]: 'KCN không có trong dữ liệu tham chiếu',
  [RuleCode.ZONE_NOT_IN_BOARD]: 'KCN không thuộc Ban Quản lý vào ngày {date}',
  [RuleCode.BOARD_UNKNOWN]: 'Ban Quản lý không có trong dữ liệu tham chiếu',
  [RuleCode.BOARD_NOT_IN_FORCE]: 'Ban Quản lý chưa thành lập hoặc đã giải thể vào ngày {date}',
  [AuthorityCode.OUTSIDE_JURISDICTION]: 'Dự án không thuộc thẩm quyền của Ban',
  [AuthorityCode.BOARD_DISSOLVED]: 'Ban Quản lý đã giải thể; dự án do Ban kế nhiệm quản lý',
  [AuthorityCode.ACTOR_BOARD_UNKNOWN]: 'Ban Quản lý của người nhập không có trong dữ liệu tham chiếu',
};

const fill = (template: string, params: Params) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function importMessage(code: ImportCode, params: Params, lang: Lang): string {
  return fill(TEXT[code][lang], params);
}

/** A decider or authority rejection in the report's language: the rule's own (English) message, or the Vietnamese wording filled from the act. */
export function ruleMessage(code: string, detail: string, lang: Lang, params: Params): string {
  return lang === 'en' ? detail : RULE_VI[code] ? fill(RULE_VI[code], params) : detail;
}

/** A legal date as people read it: 01/04/2016. */
export const viDate = (date: string | undefined) => (date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '');
