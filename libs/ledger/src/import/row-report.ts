import { excel } from './excel';
import { stringify } from 'csv-stringify/sync';
import type { ImportPlan } from './import-register';
import type { Lang, RowIssue } from './issues';

const HEADERS: Record<Lang, string[]> = {
  vi: ['Dòng', 'Cột', 'Tiêu đề cột', 'Mã lỗi', 'Mức độ', 'Nội dung'],
  en: ['Row', 'Column', 'Header', 'Code', 'Severity', 'Problem'],
};
const SEVERITY: Record<Lang, Record<RowIssue['severity'], string>> = { vi: { error: 'lỗi', warning: 'cảnh báo' }, en: { error: 'error', warning: 'warning' } };

/** Headers and messages quote the uploaded sheet: text a spreadsheet would run as a formula is kept as text. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const cellsOf = (issue: RowIssue, lang: Lang) => [issue.row === 0 ? '' : issue.row, issue.column ?? '', inert(issue.header ?? ''), issue.code, SEVERITY[lang][issue.severity], inert(issue.message)];

/** The row report as CSV: UTF-8 with BOM so Excel shows Vietnamese, CRLF line ends. */
export function rowReportCsv(issues: readonly RowIssue[], lang: Lang): string {
  return `\ufeff${stringify([HEADERS[lang], ...issues.map((i) => cellsOf(i, lang))], { record_delimiter: '\r\n' })}`;
}

/** The row report as a workbook, one line per problem. */
export async function rowReportXlsx(issues: readonly RowIssue[], lang: Lang): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Kiểm tra' : 'Check');
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  for (const issue of issues) sheet.addRow(cellsOf(issue, lang));
  sheet.columns.forEach((column, i) => (column.width = [8, 8, 30, 28, 10, 90][i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan as JSON for people and clients: no bigint, no events (those are what a commit appends). */
export function importReportOf(plan: ImportPlan) {
  const { entries, ...rest } = plan;
  return { ...rest, streams: entries.length, events: entries.reduce((n, e) => n + e.events.length, 0), valid: plan.errors === 0 };
}
