import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null | undefined;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Ranges such as `A1:N1` merged into one cell (header blocks). */
  merges?: string[];
}

/** A workbook of plain cells: strings stay text, numbers numeric, dates real date cells. */
export async function workbookOf(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 1);
      cells.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
