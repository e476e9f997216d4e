import type ExcelJS from 'exceljs';

/** exceljs, loaded when a workbook is first read or written: loading it added 0.2 s to every start of the API and the CLI. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
