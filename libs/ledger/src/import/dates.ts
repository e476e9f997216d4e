import { isLegalDate, type LegalDate } from '@ledger/domain';

export class DateFormatError extends Error {}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Excel's day zero in the 1900 date system (serial 1 = 1900-01-01, counting the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: string | number) => String(n).padStart(2, '0');

function checked(y: string | number, m: string | number, d: string | number, raw: unknown): LegalDate {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (!isLegalDate(date)) throw new DateFormatError(`${JSON.stringify(raw)} is not a date that exists`);
  return date;
}

/**
 * A legal date from a cell: `dd/mm/yyyy` text (also with `-` or `.`), ISO `yyyy-mm-dd`, an Excel
 * serial number, or a real date cell (exceljs gives midnight UTC of the day shown, so the UTC day is read).
 */
export function legalDateOfCell(value: string | number | Date): LegalDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DateFormatError('the date cell holds no date');
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 61) throw new DateFormatError(`${value} is not an Excel date serial (whole days after 1900-02-28)`);
    return new Date(EXCEL_EPOCH_MS + value * 86_400_000).toISOString().slice(0, 10);
  }
  const text = value.trim();
  const dmy = DMY.exec(text);
  if (dmy) return checked(dmy[3], dmy[2], dmy[1], value);
  const ymd = YMD.exec(text);
  if (ymd) return checked(ymd[1], ymd[2], ymd[3], value);
  if (/^\d{5}$/.test(text)) return legalDateOfCell(Number(text));
  throw new DateFormatError(`${JSON.stringify(value)} is not a date (dd/mm/yyyy)`);
}
