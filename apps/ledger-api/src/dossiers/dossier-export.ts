import { Inject, Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import type { ReferenceData } from '@ledger/reference-data';
import type { DossierFigures, dossierReport } from '@ledger/reporting';
import type { Column, ColumnKind, ExportTable, Row } from '../reports/export/tables';
import { csvStream, xlsxStream } from '../reports/export/writers';
import { type Clock } from '../store/store.providers';
import { CLOCK, REFERENCE_DATA } from '../tokens';

type Report = ReturnType<typeof dossierReport>;

const FIGURES: { path: string; kind: ColumnKind }[] = [
  ...['total', 'DESK', 'POST', 'ONLINE_PARTIAL', 'ONLINE_FULL'].map((k) => ({ path: `received.${k}`, kind: 'int' as const })),
  { path: 'carriedOver', kind: 'int' },
  ...['total', 'approved', 'refused', 'aheadOfTime', 'onTime', 'late', 'lateWithApology', 'withinStatutoryTime'].map((k) => ({ path: `resolved.${k}`, kind: 'int' as const })),
  { path: 'withdrawn', kind: 'int' },
  { path: 'transferred', kind: 'int' },
  ...['total', 'withinDeadline', 'awaitingSupplement', 'overdue'].map((k) => ({ path: `inProcess.${k}`, kind: 'int' as const })),
  // Averages and medians keep their exact one-decimal strings.
  ...['processingDays', 'statutoryDays', 'committedDays'].flatMap((k) => ['average', 'median'].map((m) => ({ path: `${k}.${m}`, kind: 'text' as const }))),
  { path: 'processingPctOfStatutory', kind: 'pct' },
  { path: 'processingPctOfCommitted', kind: 'pct' },
];

const valueAt = (figures: DossierFigures, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], figures) as string | number | null;

/** The dossier report as one table: a row per group and period (current, same period last year). */
export function dossierTable(report: Report, ref: ReferenceData, generatedAt: string): ExportTable {
  const byBoard = report.groupBy.includes('board');
  const byProcedure = report.groupBy.includes('procedure');
  const columns: Column[] = [
    ...(byBoard ? [{ key: 'boardId', header: 'boardId', kind: 'text' as const, width: 14 }, { key: 'boardName', header: 'boardName', kind: 'text' as const, width: 36 }] : []),
    ...(byProcedure ? [{ key: 'procedureCode', header: 'procedureCode', kind: 'text' as const, width: 24 }] : []),
    { key: 'period', header: 'period', kind: 'text', width: 24 },
    ...FIGURES.map((f) => ({ key: f.path, header: f.path, kind: f.kind, width: 14 })),
  ];
  const rowsOf = (key: Record<string, string>, entry: { current: DossierFigures; samePeriodLastYear: DossierFigures }): Row[] =>
    (['current', 'samePeriodLastYear'] as const).map((period) => ({
      ...(byBoard ? { boardId: key.boardId, boardName: ref.board(key.boardId)?.nameVi ?? '' } : {}),
      ...(byProcedure ? { procedureCode: key.procedureCode } : {}),
      period: period === 'current' ? `${report.from}..${report.to}` : `${report.samePeriodLastYear.from}..${report.samePeriodLastYear.to}`,
      ...Object.fromEntries(FIGURES.map((f) => [f.path, valueAt(entry[period], f.path)])),
    }));
  const first = columns[0].key;
  return {
    filename: `dossiers_${report.from}_${report.to}`,
    generatedAt,
    title: `Dossiers ${report.from} – ${report.to} / Hồ sơ thủ tục hành chính từ ${report.from} đến ${report.to}`,
    meta: [
      ['Filters / Bộ lọc', Object.entries(report.filters).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join('; ') || 'none'],
      ['Group by / Nhóm theo', report.groupBy.join(', ') || 'none'],
      ['Known at / Dữ liệu ghi nhận đến', report.knownAt ?? 'latest recorded'],
    ],
    columns,
    sheets: [
      {
        name: 'Hồ sơ TTHC',
        rows: report.groupBy.length ? report.groups.flatMap((g) => rowsOf(g.key, g)) : rowsOf({}, report.total),
        totals: report.groupBy.length ? rowsOf({}, report.total).map((r) => ({ ...r, [first]: 'Total / Tổng' })) : undefined,
      },
    ],
  };
}

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** `?format=csv|xlsx` on the dossier report, with the writers of the other reports. */
@Injectable()
export class DossierExportInterceptor implements NestInterceptor {
  constructor(
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const format = context.switchToHttp().getRequest<Request>().query?.format;
    if (format !== 'csv' && format !== 'xlsx') return next.handle();
    return next.handle().pipe(
      map((report: Report) => {
        const table = dossierTable(report, this.reference, this.clock().toISOString());
        return new StreamableFile(format === 'csv' ? csvStream(table) : xlsxStream(table), { type: CONTENT_TYPE[format], disposition: `attachment; filename="${table.filename}.${format}"` });
      }),
    );
  }
}
