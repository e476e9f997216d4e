import type ExcelJS from 'exceljs';
import { excel } from './excel';
import { CAPITAL_FIELDS, fieldOfHeader, type ColumnMapping, type Field } from './columns';
import { cleanText, keyOf } from './text';

/** A cell as the importer reads it: text (trimmed), a number, a date, or nothing. */
export type CellValue = string | number | Date | undefined;

export interface SheetColumn {
  index: number;
  letter: string;
  /** The header as the sheet shows it (a merged block's texts joined with " / "). */
  header: string;
  field: Field;
}

export interface SheetRow {
  row: number;
  cells: Map<Field, CellValue>;
  /** Every non-empty cell's text, for telling a totals or heading row from a project row. */
  texts: string[];
}

export interface RegisterSheet {
  name: string;
  headerRow: number;
  columns: SheetColumn[];
  rows: SheetRow[];
  /** The row whose first words are "Tổng", "Cộng" or "Total", after the project rows. */
  totals?: SheetRow;
}

const HEADER_SCAN_ROWS = 30;
/** How many rows a merged header block may span. */
const HEADER_DEPTH = 3;
const TOTALS = /^(tong|cong|total)\b/;

export function cellValueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value === 'number') return value;
  if (typeof value === 'string') return cleanText(value) || undefined;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return cleanText(value.richText.map((r) => r.text).join('')) || undefined;
  if ('result' in value) return cellValueOf((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return cleanText(String(value.text)) || undefined;
  return undefined;
}

const textOf = (value: CellValue) => (value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

export class WorkbookUnreadableError extends Error {}

/** Reads a workbook from its bytes (exceljs); anything but an .xlsx is refused with one line. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookUnreadableError(`the file is not an Excel workbook (.xlsx): ${(error as Error).message}`);
  }
  return workbook;
}

interface HeaderGuess {
  headerRow: number;
  columns: SheetColumn[];
}

/** The columns a header block ending on `row` names: each column's texts down the block, then its last text alone. */
function headerEndingAt(sheet: ExcelJS.Worksheet, row: number, columnCount: number, mapping?: ColumnMapping): SheetColumn[] {
  const columns: SheetColumn[] = [];
  const taken = new Set<Field>();
  for (let c = 1; c <= columnCount; c++) {
    const texts: string[] = [];
    for (let r = Math.max(1, row - HEADER_DEPTH + 1); r <= row; r++) {
      // A merged cell reads its master's value in every cell it covers, so a block's parts repeat: keep one.
      const text = textOf(cellValueOf(sheet.getCell(r, c).value));
      if (text && texts[texts.length - 1] !== text) texts.push(text);
    }
    if (texts.length === 0) continue;
    const candidates = [texts.join(' '), ...texts.slice(1).map((_, i) => texts.slice(i + 1).join(' '))];
    let field: Field | undefined;
    for (const candidate of candidates) {
      field = mapping?.columns[keyOf(candidate)] ?? fieldOfHeader(candidate);
      if (field) break;
    }
    if (!field || taken.has(field)) continue;
    taken.add(field);
    columns.push({ index: c, letter: sheet.getColumn(c).letter, header: texts.join(' / '), field });
  }
  return columns;
}

function guessHeader(sheet: ExcelJS.Worksheet, mapping?: ColumnMapping): HeaderGuess | undefined {
  let best: HeaderGuess | undefined;
  // exceljs counts columns by walking every row: count them once.
  const columnCount = sheet.columnCount;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
    const columns = headerEndingAt(sheet, r, columnCount, mapping);
    // Ties go to the later row: a block merged down two rows scores the same on both.
    if (columns.length > 0 && (!best || columns.length >= best.columns.length)) best = { headerRow: r, columns };
  }
  const fields = new Set(best?.columns.map((c) => c.field));
  const hasCode = fields.has('projectCode') || fields.has('certificateNo');
  const hasCapital = CAPITAL_FIELDS.some((f) => fields.has(f));
  return best && hasCode && hasCapital && best.columns.length >= 3 ? best : undefined;
}

function rowOf(sheet: ExcelJS.Worksheet, r: number, columns: readonly SheetColumn[]): SheetRow {
  const row = sheet.getRow(r);
  const cells = new Map<Field, CellValue>();
  for (const column of columns) {
    const value = cellValueOf(row.getCell(column.index).value);
    if (value !== undefined) cells.set(column.field, value);
  }
  const texts: string[] = [];
  row.eachCell((cell) => {
    const text = textOf(cellValueOf(cell.value));
    if (text) texts.push(text);
  });
  return { row: r, cells, texts };
}

/**
 * The register on a sheet: the header block (found by the usual headers or the mapping), then every
 * non-blank row below it up to a totals row; what follows a totals row (notes, signatures) is not read.
 */
export function readRegisterSheet(sheet: ExcelJS.Worksheet, mapping?: ColumnMapping): RegisterSheet | undefined {
  const header = guessHeader(sheet, mapping);
  if (!header) return undefined;
  const rows: SheetRow[] = [];
  let totals: SheetRow | undefined;
  const rowCount = sheet.rowCount;
  for (let r = header.headerRow + 1; r <= rowCount; r++) {
    const row = rowOf(sheet, r, header.columns);
    if (row.texts.length === 0) continue;
    // "Tổng cộng" may stand in any column, the code column included; a row with a code-like value is a project.
    const codes = [row.cells.get('projectCode'), row.cells.get('certificateNo')].filter((v) => v !== undefined).map(textOf);
    if (!codes.some((c) => /\d/.test(c)) && row.texts.some((t) => TOTALS.test(keyOf(t)))) {
      totals = row;
      break;
    }
    rows.push(row);
  }
  return { name: sheet.name, headerRow: header.headerRow, columns: header.columns, rows, totals };
}

/** The named sheet, or the first one on which a register is recognised. */
export function findRegisterSheet(workbook: ExcelJS.Workbook, mapping: ColumnMapping | undefined, name?: string): RegisterSheet | { missing: string } | undefined {
  if (name !== undefined) {
    const sheet = workbook.getWorksheet(name);
    return sheet ? readRegisterSheet(sheet, mapping) : { missing: name };
  }
  for (const sheet of workbook.worksheets) {
    const found = readRegisterSheet(sheet, mapping);
    if (found) return found;
  }
  return undefined;
}
