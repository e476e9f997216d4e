import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { formatDate, formatVietnamTime, type Lang } from '@ledger/labels';
import type { Cell, Column, ExportTable, PeopleView, Row, Sheet } from './tables';

/** exceljs, loaded with the first workbook export: loading it added 0.2 s to every start. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;

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

/** The columns of a view: machine names for programs, the boards' terms (in their order) for people. */
export const columnsOf = (table: ExportTable, view?: PeopleView): Column[] => table.columns.filter((c) => c.audience !== (view ? 'machine' : 'people'));

const CURRENCY_LABEL: Record<Lang, Record<string, string>> = { vi: { USD: 'USD', VND: 'đồng' }, en: { USD: 'USD', VND: 'VND' } };

/** A column's header for people; a money column names the sheet's currency when the sheet has one. */
export const labelOf = (c: Column, lang: Lang, currency?: string): string =>
  `${c.label?.[lang] ?? c.header}${c.kind === 'money' && currency ? ` (${CURRENCY_LABEL[lang][currency] ?? currency})` : ''}`;

/** The value people read in a cell: shown in words where the column says so, else the exact value. */
const peopleValue = (c: Column, row: Row, lang: Lang): Cell => (c.show ? c.show(row, lang) : row[c.key]);

/** A decimal string with a decimal comma (no grouping, so a Vietnamese-locale spreadsheet reads a number); dates day first. */
function localeCell(c: Column, value: Cell, decimalComma: boolean): Cell {
  if (value === null || value === undefined || value === '') return value;
  if (c.kind === 'date') return formatDate(String(value));
  if (c.kind !== 'text' && decimalComma) return String(value).replace('.', ',');
  return value;
}

/**
 * RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel shows Vietnamese. For programs: machine
 * names, `,`, the exact JSON strings. For people: their headers, and with `decimalComma` `;` between
 * fields and decimal commas, as a Vietnamese-locale spreadsheet expects.
 */
export function csvStream(table: ExportTable, view?: PeopleView): Readable {
  const columns = columnsOf(table, view);
  const stringifier = stringify({
    bom: true,
    header: true,
    delimiter: view?.decimalComma ? ';' : ',',
    record_delimiter: 'windows',
    columns: columns.map((c) => ({ key: c.key, header: view ? labelOf(c, view.lang) : c.header })),
    cast: { boolean: (v) => String(v), number: (v) => String(v) },
  });
  const source = Readable.from(
    (async function* () {
      for await (const row of rowsOf(table.sheets)) {
        // Object keys contain dots ("registeredCapital.vnd"): hand csv-stringify arrays, not paths.
        yield columns.map((c) => {
          const value = view ? localeCell(c, peopleValue(c, row, view.lang), view.decimalComma) : row[c.key];
          return (c.kind === 'text' ? neutralised(value) : value) ?? null;
        });
      }
    })(),
  );
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}

const NUMBER_FORMAT: Record<'int' | 'usd' | 'vnd' | 'pct' | 'date', string> = { int: '#,##0', usd: '#,##0.00', vnd: '#,##0', pct: '0.0"%"', date: 'dd/mm/yyyy' };

/** A legal date (2016-12-31) as a spreadsheet date: midnight UTC, which Excel and Calc show as that day. */
const dateCell = (value: Cell): Date | null => (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? new Date(`${value}T00:00:00Z`) : null);

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

const GENERATED: Record<Lang, string> = { vi: 'Thời điểm lập (giờ Việt Nam)', en: 'Generated at (Vietnam time)' };

/** The Excel header/footer text of a value: `&` doubled, so a name such as "A & B" is not read as a code. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * Streams the workbook: a header block (report, filters, dates, generation time), then the table
 * with typed numeric cells, real dates and number formats; one sheet per table sheet (e.g. per
 * origin). Printable: autofilter on the table, landscape, one page wide, the header rows repeated on
 * every page, title and filters in the page header. For people (`view`): the boards' terms under
 * their section (new, adjusted, terminated…), names and statuses in words, Vietnam time.
 */
export function xlsxStream(table: ExportTable, view?: PeopleView): Readable {
  const out = new PassThrough();
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out as unknown as Writable, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Investment Registration Ledger';
  const columns = columnsOf(table, view);
  const sections = view && columns.some((c) => c.section);
  const filters = table.meta.find(([label]) => label.startsWith('Filters'))?.[1] ?? '';
  const write = async () => {
    for (const sheet of table.sheets) {
      const firstHeaderRow = table.meta.length + 4; // title, meta lines, generated at, blank line
      const lastHeaderRow = firstHeaderRow + (sections ? 1 : 0);
      const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
        views: [{ state: 'frozen', ySplit: lastHeaderRow }],
        pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${firstHeaderRow}:${lastHeaderRow}` },
        headerFooter: { oddHeader: `&L&B${headerText(table.title)}&R${headerText(filters)}`, oddFooter: '&C&P / &N' },
      });
      ws.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
      const title = ws.addRow([table.title]);
      title.font = { bold: true, size: 14 };
      title.commit();
      const generated: [string, string] = view ? [GENERATED[view.lang], formatVietnamTime(table.generatedAt)] : ['Generated at / Thời điểm lập', table.generatedAt];
      for (const [label, value] of [...table.meta, generated]) {
        const line = ws.addRow([label, value]);
        line.getCell(1).font = { bold: true };
        line.commit();
      }
      ws.addRow([]).commit();
      const currency = firstRowOf(sheet)?.currency as string | undefined;
      const headerRow = (values: string[]) => {
        const header = ws.addRow(values);
        header.font = { bold: true };
        header.alignment = { wrapText: true, vertical: 'middle' };
        header.height = 45; // three wrapped lines: a streamed sheet cannot fit rows to their text later
        header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } }));
        header.commit();
      };
      if (sections) {
        // A section's name over its first column, the rest of its span left blank (merging is not streamable here).
        headerRow(columns.map((c, i) => (c.section && c.section !== columns[i - 1]?.section ? c.section[view.lang] : '')));
      }
      headerRow(columns.map((c) => (view ? labelOf(c, view.lang, currency) : c.header)));
      ws.autoFilter = { from: { row: lastHeaderRow, column: 1 }, to: { row: lastHeaderRow, column: columns.length } };
      const put = (row: Row, bold: boolean) => {
        const line = ws.addRow(
          columns.map((c) => {
            const value = view ? peopleValue(c, row, view.lang) : row[c.key];
            if (c.kind === 'date') return dateCell(value);
            return c.kind === 'text' ? (value === undefined || value === null ? null : String(value)) : numeric(value);
          }),
        );
        columns.forEach((c, i) => {
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

/** The currency of a sheet's rows (each origin's sheet has one), read from its first row when the rows are a list. */
function firstRowOf(sheet: Sheet): Row | undefined {
  return Array.isArray(sheet.rows) ? (sheet.rows as Row[])[0] : undefined;
}
