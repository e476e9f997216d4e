import type { Origin } from '@ledger/domain';
import { formatPeriod, labelOf, STATUS_LABELS, type Labelled, type Lang } from '@ledger/labels';
import type { ReferenceData } from '@ledger/reference-data';
import type { ActivityFigures, GroupDimension, RegisterItem, ReportFilters, ValidFigures } from '@ledger/reporting';
import { FILTER_LABELS } from '../filters-in-words';

/**
 * A report flattened to a table for CSV and XLSX: one row per group × origin with the figures as
 * columns. Cell values stay the exact strings of the JSON report; only the XLSX writer turns them
 * into numbers (with a number format chosen by the column kind).
 */
export type ColumnKind = 'text' | 'int' | 'usd' | 'vnd' | 'money' | 'pct' | 'date';

export interface Column {
  key: string;
  /** The machine name (?format=csv and ?format=xlsx without lang): stable for programs. */
  header: string;
  kind: ColumnKind;
  width?: number;
  /** The boards' term for people (?lang=vi|en, ?locale=vi); a money column gets its currency added per sheet. */
  label?: Labelled;
  /** The published tables' grouping of the column (new, adjusted, terminated, …): the XLSX's first header row. */
  section?: Labelled;
  /** Only in the machine or only in the people view; both when absent. */
  audience?: 'machine' | 'people';
  /** The cell people read (a status in words, a name in their language); the raw value otherwise. */
  show?: (row: Row, lang: Lang) => Cell;
}

/** Who an export is for: programs (machine names, exact strings) or people (their language and number conventions). */
export interface PeopleView {
  lang: Lang;
  /** `;` between fields and a decimal comma (?locale=vi), as a Vietnamese-locale spreadsheet reads CSV. */
  decimalComma: boolean;
}

export type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

export interface Sheet {
  name: string;
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** Rows written after the table in XLSX only (totals), bold. */
  totals?: Row[];
}

export interface ExportTable {
  /** File name without extension. */
  filename: string;
  title: string;
  /** Label/value lines of the XLSX header block: filters, dates (the generation time is added by the writer). */
  meta: [string, string][];
  /** When the export was made (an ISO instant); people read it in Vietnam time. */
  generatedAt: string;
  columns: Column[];
  sheets: Sheet[];
}

/** The parts of each report that its export reads: what the report routes return. */
interface Grouped<F> {
  filters?: ReportFilters;
  groupBy?: GroupDimension[];
  knownAt?: string;
  units?: string | { mode: string; date: string };
  total: Record<Origin, F>;
  groups: ({ key: Record<string, string> } & Record<Origin, F>)[];
}

export interface ValidProjectsReport extends Grouped<ValidFigures> {
  asOf: string;
}

export interface ActivityEntry {
  current: ActivityFigures;
  samePeriodLastYear: ActivityFigures;
  ratioPct: Record<string, string | null>;
}

export interface ActivityReport extends Grouped<ActivityEntry> {
  from: string;
  to: string;
  samePeriodLastYear: { from: string; to: string };
}

export interface TimeseriesReport {
  metric: string;
  interval: string;
  from: string;
  to: string;
  filters?: ReportFilters;
  knownAt?: string;
  units?: string;
  unit: Record<Origin, string>;
  series: ({ period: string; from: string; to: string } & Partial<Record<Origin, Cell>>)[];
}

/** The register query an export describes in its header block. */
export interface RegisterExportHeader {
  filters: ReportFilters;
  status?: string;
  asOf?: string;
  search?: string;
  sort: string;
  order: string;
}
/** `?lang=vi|en` or `?locale=vi` ask for the people's view (`locale=vi`: `;` and decimal commas); neither: the machine view. */
export function peopleViewOf(query: Record<string, unknown>): PeopleView | undefined {
  const lang = query.lang === 'en' || query.lang === 'vi' ? query.lang : undefined;
  const decimalComma = query.locale === 'vi';
  return lang || decimalComma ? { lang: lang ?? 'vi', decimalComma } : undefined;
}


type Unit = { name: string; nameVi: string } | undefined;

const KEY_COLUMNS: { dim: string; key: string; header: string; label: Labelled; unit?: (ref: ReferenceData, id: string) => Unit }[] = [
  { dim: 'region', key: 'regionId', header: 'regionId', label: FILTER_LABELS.regionId, unit: (ref, id) => ref.region(id) },
  { dim: 'province', key: 'provinceId', header: 'provinceId', label: FILTER_LABELS.provinceId, unit: (ref, id) => ref.province(id) },
  { dim: 'board', key: 'boardId', header: 'boardId', label: FILTER_LABELS.boardId, unit: (ref, id) => ref.board(id) },
  { dim: 'zone', key: 'zoneId', header: 'zoneId', label: FILTER_LABELS.zoneId, unit: (ref, id) => ref.zone(id) },
  { dim: 'country', key: 'country', header: 'country', label: { vi: 'Quốc gia, vùng lãnh thổ', en: 'Country or territory' } },
];

/** A unit's name in the reader's language; the Vietnamese one is the machine view's (as before). */
const nameColumn = (key: string, label: Labelled, width = 36): Column => ({
  key: `${key}Name`,
  header: `${key}Name`,
  kind: 'text',
  width,
  label,
  show: (row, lang) => (lang === 'vi' ? row[`${key}Name`] : row[`${key}NameEn`]) ?? row[`${key}Name`],
});

function keyColumns(groupBy: string[]): Column[] {
  const columns: Column[] = [];
  for (const k of KEY_COLUMNS) {
    if (!groupBy.includes(k.dim)) continue;
    columns.push({ key: k.key, header: k.header, kind: 'text', width: 16, ...(k.unit ? { audience: 'machine' as const } : { label: k.label }) });
    if (k.unit) columns.push(nameColumn(k.key.replace(/Id$/, ''), k.label));
  }
  return columns;
}

function unitCells(prefix: string, unit: Unit, id: string): Row {
  return { [`${prefix}Name`]: unit?.nameVi ?? '', [`${prefix}NameEn`]: unit?.name ?? id };
}

function keyCells(key: Record<string, string>, ref: ReferenceData): Row {
  const row: Row = {};
  for (const k of KEY_COLUMNS) {
    const id = key[k.key];
    if (id === undefined) continue;
    row[k.key] = id;
    if (k.unit) Object.assign(row, unitCells(k.key.replace(/Id$/, ''), k.unit(ref, id), id));
  }
  return row;
}

const describeFilters = (filters: ReportFilters | undefined) => {
  const entries = Object.entries(filters ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join('; ') : 'none (all boards, zones and origins)';
};

const ORIGINS = ['FDI', 'DDI'] as const;
const SHEET_NAME: Record<string, string> = { FDI: 'FDI (USD)', DDI: 'DDI (VND)' };

/** Rows of a grouped report, one per group × origin (a group keyed by origin only has that origin's row). */
function groupRows<F>(report: Grouped<F>, ref: ReferenceData, figures: (origin: Origin, entry: F) => Row): Record<string, Row[]> {
  const groupBy: string[] = report.groupBy ?? [];
  const groups = groupBy.length ? report.groups : [{ key: {} as Record<string, string>, ...report.total }];
  const out: Record<string, Row[]> = { FDI: [], DDI: [] };
  for (const group of groups) {
    for (const origin of ORIGINS) {
      if (group.key.origin !== undefined && group.key.origin !== origin) continue;
      if (report.filters?.origin && report.filters.origin !== origin) continue;
      out[origin].push({ ...keyCells(group.key, ref), origin, currency: origin === 'FDI' ? 'USD' : 'VND', ...figures(origin, group[origin]) });
    }
  }
  return out;
}

function totalRows<F>(report: Grouped<F>, firstColumn: string, figures: (origin: Origin, entry: F) => Row): Record<string, Row[]> {
  const out: Record<string, Row[]> = { FDI: [], DDI: [] };
  if (!(report.groupBy ?? []).length) return out;
  for (const origin of ORIGINS) out[origin].push({ [firstColumn]: 'Total / Tổng', [`${firstColumn.replace(/Id$/, '')}Name`]: 'Tổng', [`${firstColumn.replace(/Id$/, '')}NameEn`]: 'Total', origin, currency: origin === 'FDI' ? 'USD' : 'VND', ...figures(origin, report.total[origin]) });
  return out;
}

function originSheets(report: { filters?: ReportFilters }, rows: Record<string, Row[]>, totals: Record<string, Row[]>): Sheet[] {
  return ORIGINS.filter((o) => !report.filters?.origin || report.filters.origin === o).map((o) => ({ name: SHEET_NAME[o], rows: rows[o], totals: totals[o] }));
}

const commonMeta = (report: Pick<Grouped<unknown>, 'filters' | 'groupBy' | 'knownAt' | 'units'>): [string, string][] => [
  ['Filters / Bộ lọc', describeFilters(report.filters)],
  ['Group by / Nhóm theo', (report.groupBy ?? []).join(', ') || 'none'],
  ['Known at / Dữ liệu ghi nhận đến', report.knownAt ?? 'latest recorded'],
  ['Units / Đơn vị hành chính', typeof report.units === 'string' ? report.units : report.units ? `${report.units.mode} (as on ${report.units.date})` : ''],
  ['Money / Tiền tệ', 'FDI in USD, DDI in VND'],
];

const ORIGIN_COLUMNS: Column[] = [
  { key: 'origin', header: 'origin', kind: 'text', width: 8, label: { vi: 'Loại dự án', en: 'Origin' } },
  { key: 'currency', header: 'currency', kind: 'text', width: 9, label: { vi: 'Đơn vị tiền', en: 'Currency' } },
];

export function validProjectsTable(report: ValidProjectsReport, ref: ReferenceData, generatedAt: string): ExportTable {
  const groupBy: string[] = report.groupBy ?? [];
  const columns: Column[] = [
    ...keyColumns(groupBy),
    ...ORIGIN_COLUMNS,
    { key: 'validProjects', header: 'validProjects', kind: 'int', width: 14, label: { vi: 'Số dự án còn hiệu lực', en: 'Valid projects' } },
    { key: 'registeredCapital', header: 'registeredCapital', kind: 'money', width: 22, label: { vi: 'Tổng vốn đăng ký', en: 'Registered capital' } },
    { key: 'realizedCapital', header: 'realizedCapital', kind: 'money', width: 22, label: { vi: 'Vốn thực hiện lũy kế', en: 'Realized capital (cumulative)' } },
    { key: 'realizationRatioPct', header: 'realizationRatioPct', kind: 'pct', width: 18, label: { vi: 'Tỷ lệ vốn thực hiện (%)', en: 'Realization ratio (%)' } },
  ];
  const figures = (_: Origin, f: ValidFigures): Row => ({
    validProjects: f.validProjects,
    registeredCapital: f.registeredCapital.amount,
    realizedCapital: f.realizedCapital.amount,
    realizationRatioPct: f.realizationRatioPct,
  });
  return {
    filename: `valid-projects_${report.asOf}`,
    title: `Valid projects as of ${report.asOf} / Dự án còn hiệu lực đến ngày ${report.asOf}`,
    meta: [['As of / Đến ngày', report.asOf], ...commonMeta(report)],
    generatedAt,
    columns,
    sheets: originSheets(report, groupRows(report, ref, figures), totalRows(report, columns[0].key, figures)),
  };
}

const SECTION = {
  new: { vi: 'Cấp mới', en: 'New certificates' },
  adjusted: { vi: 'Điều chỉnh', en: 'Adjustments' },
  terminated: { vi: 'Chấm dứt', en: 'Terminations' },
  total: { vi: 'Tổng vốn cấp mới và điều chỉnh', en: 'New and adjusted capital' },
  realized: { vi: 'Vốn thực hiện', en: 'Realized capital' },
} satisfies Record<string, Labelled>;

/** The activity figures as the boards' tables name and group them. */
const ACTIVITY_FIGURES: { path: string; kind: ColumnKind; section: Labelled; label: Labelled }[] = [
  { path: 'newCertificates.count', kind: 'int', section: SECTION.new, label: { vi: 'Số dự án cấp mới', en: 'New projects' } },
  { path: 'newCertificates.capital', kind: 'money', section: SECTION.new, label: { vi: 'Vốn đăng ký cấp mới', en: 'Registered capital of new projects' } },
  { path: 'adjustmentOccurrences', kind: 'int', section: SECTION.adjusted, label: { vi: 'Số lượt điều chỉnh', en: 'Adjustment occurrences' } },
  { path: 'projectsAdjusted', kind: 'int', section: SECTION.adjusted, label: { vi: 'Số dự án điều chỉnh', en: 'Projects adjusted' } },
  { path: 'increases.count', kind: 'int', section: SECTION.adjusted, label: { vi: 'Số lượt tăng vốn', en: 'Capital increases' } },
  { path: 'increases.capital', kind: 'money', section: SECTION.adjusted, label: { vi: 'Vốn tăng thêm', en: 'Capital added' } },
  { path: 'decreases.count', kind: 'int', section: SECTION.adjusted, label: { vi: 'Số lượt giảm vốn', en: 'Capital decreases' } },
  { path: 'decreases.capital', kind: 'money', section: SECTION.adjusted, label: { vi: 'Vốn giảm', en: 'Capital reduced' } },
  { path: 'terminations.count', kind: 'int', section: SECTION.terminated, label: { vi: 'Số dự án chấm dứt', en: 'Projects terminated' } },
  { path: 'terminations.releasedCapital', kind: 'money', section: SECTION.terminated, label: { vi: 'Vốn đăng ký của dự án chấm dứt', en: 'Registered capital of terminated projects' } },
  { path: 'newAndAddedCapital', kind: 'money', section: SECTION.total, label: { vi: 'Vốn đăng ký cấp mới và tăng thêm', en: 'New and added registered capital' } },
  { path: 'netChange', kind: 'money', section: SECTION.total, label: { vi: 'Thay đổi thuần vốn đăng ký', en: 'Net change in registered capital' } },
  { path: 'realizedCapital', kind: 'money', section: SECTION.realized, label: { vi: 'Vốn thực hiện trong kỳ', en: 'Capital realized in the period' } },
];
const SAME_PERIOD: Labelled = { vi: 'cùng kỳ năm trước', en: 'same period last year' };
const RATIO: Labelled = { vi: 'tỷ lệ so với cùng kỳ (%)', en: 'ratio to same period (%)' };
const suffixed = (label: Labelled, suffix: Labelled): Labelled => ({ vi: `${label.vi} — ${suffix.vi}`, en: `${label.en} — ${suffix.en}` });

/** The value at a dotted path ("increases.capital") of a plain object. */
const at = (object: object, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), object);
const plainValue = (v: unknown): Cell => (v && typeof v === 'object' && 'amount' in v ? (v as { amount: Cell }).amount : (v as Cell));

export function activityTable(report: ActivityReport, ref: ReferenceData, generatedAt: string): ExportTable {
  const groupBy: string[] = report.groupBy ?? [];
  const columns: Column[] = [
    ...keyColumns(groupBy),
    ...ORIGIN_COLUMNS,
    // Machine order (unchanged): every current figure, then the same period, then the ratios.
    ...ACTIVITY_FIGURES.map((f) => ({ key: `current.${f.path}`, header: `current.${f.path}`, kind: f.kind, width: f.kind === 'money' ? 20 : 12, audience: 'machine' as const })),
    ...ACTIVITY_FIGURES.map((f) => ({ key: `samePeriodLastYear.${f.path}`, header: `samePeriodLastYear.${f.path}`, kind: f.kind, width: f.kind === 'money' ? 20 : 12, audience: 'machine' as const })),
    ...ACTIVITY_FIGURES.map((f) => ({ key: `ratioPct.${f.path}`, header: `ratioPct.${f.path}`, kind: 'pct' as const, width: 12, audience: 'machine' as const })),
    // People's order, as the published tables: each figure beside its same period and the ratio, grouped by section.
    ...ACTIVITY_FIGURES.flatMap((f): Column[] => [
      { key: `current.${f.path}`, header: `current.${f.path}`, kind: f.kind, width: f.kind === 'money' ? 20 : 14, section: f.section, label: f.label, audience: 'people' },
      { key: `samePeriodLastYear.${f.path}`, header: `samePeriodLastYear.${f.path}`, kind: f.kind, width: f.kind === 'money' ? 20 : 14, section: f.section, label: suffixed(f.label, SAME_PERIOD), audience: 'people' },
      { key: `ratioPct.${f.path}`, header: `ratioPct.${f.path}`, kind: 'pct', width: 14, section: f.section, label: suffixed(f.label, RATIO), audience: 'people' },
    ]),
  ];
  const figures = (_: Origin, entry: ActivityEntry): Row => {
    const row: Row = {};
    for (const f of ACTIVITY_FIGURES) {
      row[`current.${f.path}`] = plainValue(at(entry.current, f.path));
      row[`samePeriodLastYear.${f.path}`] = plainValue(at(entry.samePeriodLastYear, f.path));
      row[`ratioPct.${f.path}`] = entry.ratioPct[f.path] ?? null;
    }
    return row;
  };
  return {
    filename: `activity_${report.from}_${report.to}`,
    title: `Period activity ${report.from} – ${report.to} / Kết quả thu hút đầu tư từ ${report.from} đến ${report.to}`,
    meta: [
      ['Period / Kỳ báo cáo', `${report.from} – ${report.to}`],
      ['Same period last year / Cùng kỳ', `${report.samePeriodLastYear.from} – ${report.samePeriodLastYear.to}`],
      ...commonMeta(report),
    ],
    generatedAt,
    columns,
    sheets: originSheets(report, groupRows(report, ref, figures), totalRows(report, columns[0].key, figures)),
  };
}

export function timeseriesTable(report: TimeseriesReport, generatedAt: string): ExportTable {
  const kindOf = (unit: string): ColumnKind => (unit === 'USD' ? 'usd' : unit === 'VND' ? 'vnd' : 'int');
  const origins = ORIGINS.filter((o) => !report.filters?.origin || report.filters.origin === o);
  const columns: Column[] = [
    { key: 'period', header: 'period', kind: 'text', width: 16, label: { vi: 'Kỳ', en: 'Period' }, show: (row, lang) => formatPeriod(String(row.period), lang) },
    { key: 'from', header: 'from', kind: 'date', width: 12, label: { vi: 'Từ ngày', en: 'From' } },
    { key: 'to', header: 'to', kind: 'date', width: 12, label: { vi: 'Đến ngày', en: 'To' } },
    ...origins.map((o) => ({ key: o, header: `${o} (${report.unit[o]})`, kind: kindOf(report.unit[o]), width: 22, label: { vi: `${o} (${report.unit[o] === 'projects' ? 'dự án' : report.unit[o]})`, en: `${o} (${report.unit[o]})` } })),
  ];
  return {
    filename: `timeseries_${report.metric}_${report.interval}_${report.from}_${report.to}`,
    title: `${report.metric} per ${report.interval}, ${report.from} – ${report.to}`,
    meta: [['Metric / Chỉ tiêu', report.metric], ['Interval / Kỳ', report.interval], ['Period / Kỳ báo cáo', `${report.from} – ${report.to}`], ...commonMeta(report)],
    generatedAt,
    columns,
    sheets: [{ name: report.metric.slice(0, 31), rows: report.series.map((p) => ({ period: p.period, from: p.from, to: p.to, ...Object.fromEntries(origins.map((o) => [o, p[o]])) })) }],
  };
}

const YES_NO = { vi: ['Có', 'Không'], en: ['Yes', 'No'] } as const;

export const REGISTER_COLUMNS: Column[] = [
  { key: 'projectCode', header: 'projectCode', kind: 'text', width: 14, label: { vi: 'Mã số dự án', en: 'Project code' } },
  { key: 'projectName', header: 'projectName', kind: 'text', width: 44, label: { vi: 'Tên dự án', en: 'Project name' } },
  { key: 'mainInvestorName', header: 'mainInvestorName', kind: 'text', width: 32, label: { vi: 'Nhà đầu tư chính', en: 'Main investor' }, audience: 'people' },
  { key: 'boardId', header: 'boardId', kind: 'text', width: 12, audience: 'machine' },
  { ...nameColumn('board', FILTER_LABELS.boardId, 34), audience: 'people' },
  { key: 'zoneId', header: 'zoneId', kind: 'text', width: 22, audience: 'machine' },
  { ...nameColumn('zone', FILTER_LABELS.zoneId, 26), audience: 'people' },
  { key: 'origin', header: 'origin', kind: 'text', width: 8, label: { vi: 'Loại dự án', en: 'Origin' } },
  { key: 'mainInvestorCountry', header: 'mainInvestorCountry', kind: 'text', width: 10, label: { vi: 'Quốc tịch nhà đầu tư', en: 'Investor country' } },
  { key: 'issuedOn', header: 'issuedOn', kind: 'date', width: 12, label: { vi: 'Ngày cấp', en: 'Issued on' } },
  { key: 'status', header: 'status', kind: 'text', width: 14, label: { vi: 'Tình trạng', en: 'Status' }, show: (row, lang) => labelOf(STATUS_LABELS, String(row.status), lang) },
  { key: 'suspended', header: 'suspended', kind: 'text', width: 10, label: { vi: 'Đang ngừng hoạt động', en: 'Suspended' }, show: (row, lang) => YES_NO[lang][row.suspended ? 0 : 1] },
  { key: 'terminatedOn', header: 'terminatedOn', kind: 'date', width: 12, label: { vi: 'Ngày chấm dứt', en: 'Terminated on' } },
  { key: 'adjustmentNo', header: 'adjustmentNo', kind: 'int', width: 10, label: { vi: 'Lần điều chỉnh', en: 'Adjustment no.' } },
  { key: 'registeredCapital.vnd', header: 'registeredCapital.vnd', kind: 'vnd', width: 22, label: { vi: 'Vốn đăng ký (đồng)', en: 'Registered capital (VND)' } },
  { key: 'registeredCapital.usd', header: 'registeredCapital.usd', kind: 'usd', width: 18, label: { vi: 'Vốn đăng ký (USD)', en: 'Registered capital (USD)' } },
  { key: 'realizedCapital.vnd', header: 'realizedCapital.vnd', kind: 'vnd', width: 22, label: { vi: 'Vốn thực hiện (đồng)', en: 'Realized capital (VND)' } },
  { key: 'realizedCapital.usd', header: 'realizedCapital.usd', kind: 'usd', width: 18, label: { vi: 'Vốn thực hiện (USD)', en: 'Realized capital (USD)' } },
  { key: 'version', header: 'version', kind: 'int', width: 8, audience: 'machine' },
];

/** One register item as a row: its own fields, and the board's and zone's names from the reference data. */
export function registerRow(item: RegisterItem, ref: ReferenceData): Row {
  const row = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, at(item, c.key) as Cell])) as Row;
  return { ...row, ...unitCells('board', ref.board(String(item.boardId)), String(item.boardId)), ...unitCells('zone', ref.zone(String(item.zoneId)), String(item.zoneId)) };
}

/** The register export's file name (without extension): dated as of the query, or the day it was made. */
export const registerFilename = (query: Pick<RegisterExportHeader, 'asOf'>, generatedAt: string) => `projects_${query.asOf ?? generatedAt.slice(0, 10)}`;

export function registerTable(query: RegisterExportHeader, rows: Iterable<Row> | AsyncIterable<Row>, generatedAt: string): ExportTable {
  return {
    filename: registerFilename(query, generatedAt),
    title: `Project register / Danh mục dự án${query.asOf ? ` as of ${query.asOf}` : ''}`,
    meta: [
      ['Filters / Bộ lọc', describeFilters(query.filters)],
      ['Status / Trạng thái', query.status ?? 'all'],
      ['As of / Đến ngày', query.asOf ?? 'today (latest state)'],
      ['Search / Tìm kiếm', query.search ?? ''],
      ['Sort / Sắp xếp', `${query.sort} ${query.order}`],
      ['Money / Tiền tệ', 'registered and realized capital in VND; FDI also in USD'],
    ],
    generatedAt,
    columns: REGISTER_COLUMNS,
    sheets: [{ name: 'Register', rows }],
  };
}
