import type { Origin } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { ActivityFigures, GroupDimension, RegisterItem, ReportFilters, ValidFigures } from '@ledger/reporting';

/**
 * A report flattened to a table for CSV and XLSX: one row per group × origin with the figures as
 * columns. Cell values stay the exact strings of the JSON report; only the XLSX writer turns them
 * into numbers (with a number format chosen by the column kind).
 */
export type ColumnKind = 'text' | 'int' | 'usd' | 'vnd' | 'money' | 'pct';

export interface Column {
  key: string;
  header: string;
  kind: ColumnKind;
  width?: number;
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
  /** Label/value lines of the XLSX header block: filters, dates, generation time. */
  meta: [string, string][];
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

const KEY_COLUMNS: { dim: string; key: string; header: string; name?: (ref: ReferenceData, id: string) => string | undefined }[] = [
  { dim: 'region', key: 'regionId', header: 'regionId', name: (ref, id) => ref.region(id)?.nameVi },
  { dim: 'province', key: 'provinceId', header: 'provinceId', name: (ref, id) => ref.province(id)?.nameVi },
  { dim: 'board', key: 'boardId', header: 'boardId', name: (ref, id) => ref.board(id)?.nameVi },
  { dim: 'zone', key: 'zoneId', header: 'zoneId', name: (ref, id) => ref.zone(id)?.nameVi },
  { dim: 'country', key: 'country', header: 'country' },
];

function keyColumns(groupBy: string[]): Column[] {
  const columns: Column[] = [];
  for (const k of KEY_COLUMNS) {
    if (!groupBy.includes(k.dim)) continue;
    columns.push({ key: k.key, header: k.header, kind: 'text', width: 16 });
    if (k.name) columns.push({ key: k.key.replace(/Id$/, 'Name'), header: k.key.replace(/Id$/, 'Name'), kind: 'text', width: 36 });
  }
  return columns;
}

function keyCells(key: Record<string, string>, ref: ReferenceData): Row {
  const row: Row = {};
  for (const k of KEY_COLUMNS) {
    const id = key[k.key];
    if (id === undefined) continue;
    row[k.key] = id;
    if (k.name) row[k.key.replace(/Id$/, 'Name')] = k.name(ref, id) ?? '';
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
  for (const origin of ORIGINS) out[origin].push({ [firstColumn]: 'Total / Tổng', origin, currency: origin === 'FDI' ? 'USD' : 'VND', ...figures(origin, report.total[origin]) });
  return out;
}

function originSheets(report: { filters?: ReportFilters }, rows: Record<string, Row[]>, totals: Record<string, Row[]>): Sheet[] {
  return ORIGINS.filter((o) => !report.filters?.origin || report.filters.origin === o).map((o) => ({ name: SHEET_NAME[o], rows: rows[o], totals: totals[o] }));
}

const commonMeta = (report: Pick<Grouped<unknown>, 'filters' | 'groupBy' | 'knownAt' | 'units'>, generatedAt: string): [string, string][] => [
  ['Filters / Bộ lọc', describeFilters(report.filters)],
  ['Group by / Nhóm theo', (report.groupBy ?? []).join(', ') || 'none'],
  ['Known at / Dữ liệu ghi nhận đến', report.knownAt ?? 'latest recorded'],
  ['Units / Đơn vị hành chính', typeof report.units === 'string' ? report.units : report.units ? `${report.units.mode} (as on ${report.units.date})` : ''],
  ['Money / Tiền tệ', 'FDI in USD, DDI in VND'],
  ['Generated at / Thời điểm lập', generatedAt],
];

export function validProjectsTable(report: ValidProjectsReport, ref: ReferenceData, generatedAt: string): ExportTable {
  const groupBy: string[] = report.groupBy ?? [];
  const columns: Column[] = [
    ...keyColumns(groupBy),
    { key: 'origin', header: 'origin', kind: 'text', width: 8 },
    { key: 'currency', header: 'currency', kind: 'text', width: 9 },
    { key: 'validProjects', header: 'validProjects', kind: 'int', width: 14 },
    { key: 'registeredCapital', header: 'registeredCapital', kind: 'money', width: 22 },
    { key: 'realizedCapital', header: 'realizedCapital', kind: 'money', width: 22 },
    { key: 'realizationRatioPct', header: 'realizationRatioPct', kind: 'pct', width: 18 },
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
    meta: [['As of / Đến ngày', report.asOf], ...commonMeta(report, generatedAt)],
    columns,
    sheets: originSheets(report, groupRows(report, ref, figures), totalRows(report, columns[0].key, figures)),
  };
}

const ACTIVITY_FIGURES: { path: string; kind: ColumnKind }[] = [
  { path: 'newCertificates.count', kind: 'int' },
  { path: 'newCertificates.capital', kind: 'money' },
  { path: 'adjustmentOccurrences', kind: 'int' },
  { path: 'projectsAdjusted', kind: 'int' },
  { path: 'increases.count', kind: 'int' },
  { path: 'increases.capital', kind: 'money' },
  { path: 'decreases.count', kind: 'int' },
  { path: 'decreases.capital', kind: 'money' },
  { path: 'terminations.count', kind: 'int' },
  { path: 'terminations.releasedCapital', kind: 'money' },
  { path: 'newAndAddedCapital', kind: 'money' },
  { path: 'netChange', kind: 'money' },
  { path: 'realizedCapital', kind: 'money' },
];

/** The value at a dotted path ("increases.capital") of a plain object. */
const at = (object: object, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), object);
const plainValue = (v: unknown): Cell => (v && typeof v === 'object' && 'amount' in v ? (v as { amount: Cell }).amount : (v as Cell));

export function activityTable(report: ActivityReport, ref: ReferenceData, generatedAt: string): ExportTable {
  const groupBy: string[] = report.groupBy ?? [];
  const columns: Column[] = [
    ...keyColumns(groupBy),
    { key: 'origin', header: 'origin', kind: 'text', width: 8 },
    { key: 'currency', header: 'currency', kind: 'text', width: 9 },
    ...ACTIVITY_FIGURES.map((f) => ({ key: `current.${f.path}`, header: `current.${f.path}`, kind: f.kind, width: f.kind === 'money' ? 20 : 12 })),
    ...ACTIVITY_FIGURES.map((f) => ({ key: `samePeriodLastYear.${f.path}`, header: `samePeriodLastYear.${f.path}`, kind: f.kind, width: f.kind === 'money' ? 20 : 12 })),
    ...ACTIVITY_FIGURES.map((f) => ({ key: `ratioPct.${f.path}`, header: `ratioPct.${f.path}`, kind: 'pct' as const, width: 12 })),
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
      ...commonMeta(report, generatedAt),
    ],
    columns,
    sheets: originSheets(report, groupRows(report, ref, figures), totalRows(report, columns[0].key, figures)),
  };
}

export function timeseriesTable(report: TimeseriesReport, generatedAt: string): ExportTable {
  const kindOf = (unit: string): ColumnKind => (unit === 'USD' ? 'usd' : unit === 'VND' ? 'vnd' : 'int');
  const origins = ORIGINS.filter((o) => !report.filters?.origin || report.filters.origin === o);
  const columns: Column[] = [
    { key: 'period', header: 'period', kind: 'text', width: 10 },
    { key: 'from', header: 'from', kind: 'text', width: 12 },
    { key: 'to', header: 'to', kind: 'text', width: 12 },
    ...origins.map((o) => ({ key: o, header: `${o} (${report.unit[o]})`, kind: kindOf(report.unit[o]), width: 22 })),
  ];
  return {
    filename: `timeseries_${report.metric}_${report.interval}_${report.from}_${report.to}`,
    title: `${report.metric} per ${report.interval}, ${report.from} – ${report.to}`,
    meta: [['Metric / Chỉ tiêu', report.metric], ['Interval / Kỳ', report.interval], ['Period / Kỳ báo cáo', `${report.from} – ${report.to}`], ...commonMeta(report, generatedAt)],
    columns,
    sheets: [{ name: report.metric.slice(0, 31), rows: report.series.map((p) => ({ period: p.period, from: p.from, to: p.to, ...Object.fromEntries(origins.map((o) => [o, p[o]])) })) }],
  };
}

export const REGISTER_COLUMNS: Column[] = [
  { key: 'projectCode', header: 'projectCode', kind: 'text', width: 16 },
  { key: 'projectName', header: 'projectName', kind: 'text', width: 40 },
  { key: 'boardId', header: 'boardId', kind: 'text', width: 12 },
  { key: 'zoneId', header: 'zoneId', kind: 'text', width: 22 },
  { key: 'origin', header: 'origin', kind: 'text', width: 8 },
  { key: 'mainInvestorCountry', header: 'mainInvestorCountry', kind: 'text', width: 10 },
  { key: 'issuedOn', header: 'issuedOn', kind: 'text', width: 12 },
  { key: 'status', header: 'status', kind: 'text', width: 12 },
  { key: 'suspended', header: 'suspended', kind: 'text', width: 10 },
  { key: 'terminatedOn', header: 'terminatedOn', kind: 'text', width: 12 },
  { key: 'adjustmentNo', header: 'adjustmentNo', kind: 'int', width: 12 },
  { key: 'registeredCapital.vnd', header: 'registeredCapital.vnd', kind: 'vnd', width: 22 },
  { key: 'registeredCapital.usd', header: 'registeredCapital.usd', kind: 'usd', width: 20 },
  { key: 'realizedCapital.vnd', header: 'realizedCapital.vnd', kind: 'vnd', width: 22 },
  { key: 'realizedCapital.usd', header: 'realizedCapital.usd', kind: 'usd', width: 20 },
  { key: 'version', header: 'version', kind: 'int', width: 8 },
];

export function registerRow(item: RegisterItem): Row {
  return Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, at(item, c.key) as Cell])) as Row;
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
      ['Generated at / Thời điểm lập', generatedAt],
    ],
    columns: REGISTER_COLUMNS,
    sheets: [{ name: 'Register', rows }],
  };
}
