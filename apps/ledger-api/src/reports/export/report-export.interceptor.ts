import { Inject, Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { map, type Observable } from 'rxjs';
import type { ReferenceData } from '@ledger/reference-data';
import type { RegisterSort, ReportFilters } from '@ledger/reporting';
import type { ExportFormat, RegisterExportQuery } from '../../read-workers/read-jobs';
import type { ReadWorkerPool } from '../../read-workers/read-worker-pool';
import { type Clock } from '../../store/store.providers';
import { EXPORT_KIND, type ExportKind, type ExportedReports } from './exportable';
import { activityTable, peopleViewOf, registerFilename, timeseriesTable, validProjectsTable, type ExportTable } from './tables';
import { csvStream, xlsxStream } from './writers';
import { CLOCK, READ_WORKERS, REFERENCE_DATA } from '../../tokens';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * `?format=csv|xlsx` on the routes registered with `@Exportable(kind)`: the route runs as usual
 * (validation, roles, read-your-writes), and its JSON result is converted here. The register export
 * is not one page: a read worker walks every matching row and streams the file back, so a 100k-row
 * export never holds the request thread.
 */
@Injectable()
export class ReportExportInterceptor implements NestInterceptor {
  /** Rows per keyset page when an export walks the whole register (tests lower it to cross pages). */
  static registerPageSize = 1000;

  constructor(
    private readonly reflector: Reflector,
    @Inject(READ_WORKERS) private readonly workers: ReadWorkerPool,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = context.getType() === 'http' ? this.reflector.get<ExportKind | undefined>(EXPORT_KIND, context.getHandler()) : undefined;
    if (!kind) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const format = request.query?.format;
    if (request.method !== 'GET' || (format !== 'csv' && format !== 'xlsx')) return next.handle();
    return next.handle().pipe(
      map((result) => {
        const { filename, stream } = this.exportOf(kind, result, request, format);
        return new StreamableFile(stream, { type: CONTENT_TYPE[format], disposition: `attachment; filename="${filename}.${format}"` });
      }),
    );
  }

  private exportOf(kind: ExportKind, result: unknown, request: Request, format: ExportFormat): { filename: string; stream: Readable } {
    const generatedAt = this.clock().toISOString();
    // `lang`/`locale`: the people's view (labels, Vietnamese numbers); neither: the machine view.
    const view = peopleViewOf(request.query as Record<string, unknown>);
    if (kind === 'register') {
      const query = registerExportQuery(request.query as Record<string, unknown>);
      return { filename: registerFilename(query, generatedAt), stream: this.workers.stream({ kind: 'registerExport', query, format, generatedAt, view, pageSize: ReportExportInterceptor.registerPageSize }) };
    }
    const table = this.tableOf(kind, result as ExportedReports[typeof kind], generatedAt);
    return { filename: table.filename, stream: format === 'csv' ? csvStream(table, view) : xlsxStream(table, view) };
  }

  private tableOf<K extends Exclude<ExportKind, 'register'>>(kind: K, result: ExportedReports[K], generatedAt: string): ExportTable {
    switch (kind) {
      case 'validProjects':
        return validProjectsTable(result as ExportedReports['validProjects'], this.reference, generatedAt);
      case 'activity':
        return activityTable(result as ExportedReports['activity'], this.reference, generatedAt);
      default:
        return timeseriesTable(result as ExportedReports['timeseries'], generatedAt);
    }
  }
}

/** The register query of the request (already validated by the route), without paging. */
function registerExportQuery(q: Record<string, unknown>): RegisterExportQuery {
  const filters: ReportFilters = {};
  for (const k of ['regionId', 'provinceId', 'boardId', 'zoneId'] as const) if (str(q[k])) filters[k] = str(q[k]);
  if (q.origin === 'FDI' || q.origin === 'DDI') filters.origin = q.origin;
  return {
    filters,
    status: q.status === 'VALID' || q.status === 'TERMINATED' ? q.status : undefined,
    asOf: str(q.asOf),
    search: str(q.q),
    sort: (str(q.sort) as RegisterSort | undefined) ?? 'projectCode',
    order: q.order === 'desc' ? 'desc' : 'asc',
  };
}
