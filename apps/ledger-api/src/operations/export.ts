import { StreamableFile } from '@nestjs/common';
import type { Column, ColumnKind, ExportTable, Row } from '../reports/export/tables';
import { csvStream, xlsxStream } from '../reports/export/writers';

type Json = Record<string, any>;

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** `?format=csv|xlsx`: the report's table through the existing writers (RFC 4180 + BOM, streamed XLSX); JSON otherwise. */
export function exported(format: string | undefined, table: () => ExportTable): StreamableFile | undefined {
  if (format !== 'csv' && format !== 'xlsx') return undefined;
  const t = table();
  return new StreamableFile(format === 'csv' ? csvStream(t) : xlsxStream(t), { type: CONTENT_TYPE[format], disposition: `attachment; filename="${t.filename}.${format}"` });
}

const KEYS = ['regionId', 'provinceId', 'boardId', 'zoneId', 'origin'];
const keyColumns = (groups: Json[]): Column[] => KEYS.filter((k) => groups.some((g) => g.key?.[k] !== undefined)).map((key) => ({ key, header: key, kind: 'text' as const, width: 16 }));
const meta = (report: Json): [string, string][] => [
  ['Filters / Bộ lọc', Object.entries(report.filters ?? {}).map(([k, v]) => `${k}=${v}`).join('; ') || 'none'],
  ['Known at / Dữ liệu ghi nhận đến', report.knownAt ?? 'latest recorded'],
];

const FIGURES = ['startedOperating', 'reportingProjects', 'revenue', 'exportValue', 'importValue', 'budgetPaid', 'employees', 'foreignEmployees', 'newJobs'];
const SECTION_NAME: Record<string, string> = { FDI: 'FDI (USD)', DDI: 'DDI (VND)', all: 'All' };

/** Operating results: one sheet per section (FDI, DDI, or all), one row per group, current / same period / ratio. */
export function operationsTable(report: Json, generatedAt: string): ExportTable {
  const groups: Json[] = report.groupBy?.length ? report.groups : [{ key: {}, ...report.total }];
  const sections = Object.keys(report.total).filter((k) => k !== 'key');
  const kindOf = (value: unknown): ColumnKind => (typeof value === 'object' && value !== null ? ((value as Json).currency === 'USD' ? 'usd' : 'vnd') : 'int');
  const sample = report.total[sections[0]].current;
  const columns: Column[] = [
    ...keyColumns(groups),
    ...FIGURES.map((f) => ({ key: `current.${f}`, header: `current.${f}${typeof sample[f] === 'object' ? ` (${sample[f].currency})` : ''}`, kind: kindOf(sample[f]), width: 20 })),
    ...FIGURES.map((f) => ({ key: `samePeriodLastYear.${f}`, header: `samePeriodLastYear.${f}`, kind: kindOf(sample[f]), width: 20 })),
    ...FIGURES.map((f) => ({ key: `ratioPct.${f}`, header: `ratioPct.${f}`, kind: 'pct' as const, width: 12 })),
  ];
  const value = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Json).amount : (v as number));
  const rowOf = (key: Json, entry: Json): Row => {
    const row: Row = { ...key };
    for (const f of FIGURES) [row[`current.${f}`], row[`samePeriodLastYear.${f}`], row[`ratioPct.${f}`]] = [value(entry.current[f]), value(entry.samePeriodLastYear[f]), entry.ratioPct[f]];
    return row;
  };
  return {
    generatedAt,
    filename: `operations_${report.from}_${report.to}`,
    title: `Operating results ${report.from} – ${report.to} / Kết quả sản xuất kinh doanh từ ${report.from} đến ${report.to}`,
    meta: [
      ['Period / Kỳ báo cáo', `${report.from} – ${report.to}`],
      ['Presentation / Cách trình bày', `${report.presentation}: ${JSON.stringify(report.currencies)}`],
      ['Conversions / Quy đổi', report.conversions.map((c: Json) => `${c.period} ${c.from}→${c.to} at ${c.vndPerUsd}${c.boardId ? ` (${c.boardId})` : ''} (${c.figures}; ${c.source})`).join('; ') || 'none'],
      ...meta(report),
    ],
    columns,
    sheets: sections.map((s) => ({ name: SECTION_NAME[s] ?? s, rows: groups.map((g) => rowOf(g.key, g[s])) })),
  };
}

/** Plan attainment: one row per line (decimal strings kept exact). */
export function planTable(report: Json, generatedAt: string): ExportTable {
  const text = (key: string, width = 16): Column => ({ key, header: key, kind: 'text', width });
  return {
    generatedAt,
    filename: `plan_${report.boardId}_${report.year}_${report.to}`,
    title: `Plan ${report.year} of ${report.boardId}, to ${report.to} / Kết quả thực hiện kế hoạch năm ${report.year}`,
    meta: [['Plan revision / Lần điều chỉnh kế hoạch', report.plan ? String(report.plan.revision) : 'no plan'], ...meta(report)],
    columns: [text('indicator', 26), text('label', 30), text('unit', 10), text('actual', 20), text('target', 20), text('pctOfPlan', 12), text('samePeriodLastYear', 20), { key: 'ratioPct', header: 'ratioPct', kind: 'pct', width: 12 }],
    sheets: [{ name: 'Plan', rows: report.lines.map((l: Json) => ({ ...l, label: l.label ?? '' })) }],
  };
}

/** Zones: one row per zone as of the date. */
export function zonesTable(report: Json, generatedAt: string): ExportTable {
  const text = (key: string, width = 16): Column => ({ key, header: key, kind: 'text', width });
  return {
    generatedAt,
    filename: `zones_${report.asOf}`,
    title: `Zones as of ${report.asOf} / Tình hình các KCN đến ngày ${report.asOf}`,
    meta: [['Occupancy / Tỷ lệ lấp đầy', report.occupancyDefinition], ...meta(report)],
    columns: [
      text('zoneId', 24),
      text('boardId'),
      text('nameVi', 30),
      text('status', 12),
      text('statusSince', 12),
      text('naturalAreaHa'),
      text('leasableLandHa'),
      text('leasedLandHa'),
      { key: 'occupancyPct', header: 'occupancyPct', kind: 'pct', width: 12 },
      text('wastewaterPlantSince', 14),
      { key: 'projects', header: 'projects', kind: 'int', width: 10 },
    ],
    sheets: [{ name: 'Zones', rows: report.zones }],
  };
}
