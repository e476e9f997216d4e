import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Cell, Column, ExportTable, Row, Sheet } from './tables';

async function* rowsOf(sheets: Sheet[]): AsyncGenerator<Row> {
  for (const sheet of sheets) for await (const row of sheet.rows) yield row;
}

/**
 * OWASP's CSV-injection rule: a text cell that a spreadsheet would run as a formula gets a leading
 * single quote. Only text columns: numeric columns hold the exact decimal strings of the report,
 * and a negative amount such as `-123.45` is data, kept as it is.
 */
function neutralised(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel shows Vietnamese; values are the exact JSON strings. */
export function csvStream(table: ExportTable): Readable {
  const stringifier = stringify({
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: table.columns.map((c) => ({ key: c.key, header: c.header })),
    cast: { boolean: (v) => String(v), number: (v) => String(v) },
  });
  const source = Readable.from(
    (async function* () {
      for await (const row of rowsOf(table.sheets)) {
        // Object keys contain dots ("registeredCapital.vnd"): hand csv-stringify arrays, not paths.
        yield table.columns.map((c) => (c.kind === 'text' ? neutralised(row[c.key]) : row[c.key]) ?? null);
      }
    })(),
  );
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}

const NUMBER_FORMAT: Record<'int' | 'usd' | 'vnd' | 'pct', string> = { int: '#,##0', usd: '#,##0.00', vnd: '#,##0', pct: '0.0"%"' };

/** A decimal string as an Excel number when a double holds it exactly enough (≤ 15 significant digits); text otherwise. */
function numeric(value: Cell): number | string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  if (/^-?\d+(\.\d+)?$/.test(text) && text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <= 15) return Number(text);
  return text;
}

function formatOf(column: Column, row: Row): string | undefined {
  if (column.kind === 'text') return undefined;
  if (column.kind === 'money') return row.currency === 'USD' ? NUMBER_FORMAT.usd : NUMBER_FORMAT.vnd;
  return NUMBER_FORMAT[column.kind];
}

/**
 * Streams the workbook: a header block (report, filters, dates, generation time), then the table
 * with typed numeric cells and number formats; one sheet per table sheet (e.g. per origin).
 */
export function xlsxStream(table: ExportTable): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Writable, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Investment Registration Ledger';
  const write = async () => {
    for (const sheet of table.sheets) {
      const headerRowNo = table.meta.length + 3;
      const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRowNo }] });
      ws.columns = table.columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
      const title = ws.addRow([table.title]);
      title.font = { bold: true, size: 14 };
      title.commit();
      for (const [label, value] of table.meta) {
        const line = ws.addRow([label, value]);
        line.getCell(1).font = { bold: true };
        line.commit();
      }
      ws.addRow([]).commit();
      const header = ws.addRow(table.columns.map((c) => c.header));
      header.font = { bold: true };
      header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } }));
      header.commit();
      const put = (row: Row, bold: boolean) => {
        const line = ws.addRow(table.columns.map((c) => (c.kind === 'text' ? (row[c.key] === undefined || row[c.key] === null ? null : String(row[c.key])) : numeric(row[c.key]))));
        table.columns.forEach((c, i) => {
          const fmt = formatOf(c, row);
          if (fmt) line.getCell(i + 1).numFmt = fmt;
        });
        if (bold) line.font = { bold: true };
        line.commit();
      };
      for await (const row of sheet.rows) put(row, false);
      for (const row of sheet.totals ?? []) put(row, true);
      ws.commit();
    }
    await workbook.commit();
  };
  write().catch((error) => out.destroy(error as Error));
  return out;
}
