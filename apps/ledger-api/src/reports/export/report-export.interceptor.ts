import { Inject, Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import type { ReferenceData } from '@ledger/reference-data';
import type { RegisterQuery, RegisterSort, ReportFilters } from '@ledger/reporting';
import { CLOCK, type Clock } from '../../store/store.providers';
import { ProjectRegisterQuery } from '../report.queries';
import { ReportsController } from '../reports.controller';
import { REFERENCE_DATA } from '../units.provider';
import { activityTable, peopleViewOf, registerRow, registerTable, timeseriesTable, validProjectsTable, type ExportTable, type Row } from './tables';
import { csvStream, xlsxStream } from './writers';

type ExportKind = 'validProjects' | 'activity' | 'timeseries' | 'register';
const EXPORTABLE = new Set<string>(['validProjects', 'activity', 'timeseries', 'register'] satisfies ExportKind[]);


const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * `?format=csv|xlsx` on the report routes (valid-projects, activity, timeseries) and the project
 * register: the route runs as usual (validation, roles, read-your-writes), and its JSON result is
 * converted here. The register export is not one page: it walks every matching row, page by page,
 * streaming them out.
 */
@Injectable()
export class ReportExportInterceptor implements NestInterceptor {
  /** Rows fetched per page when an export walks the whole register (tests lower it to cross pages). */
  static registerPageSize = 500;

  constructor(
    private readonly queries: QueryBus,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || context.getClass() !== ReportsController || !EXPORTABLE.has(context.getHandler().name)) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const format = request.query?.format;
    if (request.method !== 'GET' || (format !== 'csv' && format !== 'xlsx')) return next.handle();
    const kind = context.getHandler().name as ExportKind;
    return next.handle().pipe(
      map((result) => {
        const table = this.tableOf(kind, result, request);
        const view = peopleViewOf(request.query as Record<string, unknown>);
        const stream = format === 'csv' ? csvStream(table, view) : xlsxStream(table, view);
        return new StreamableFile(stream, { type: CONTENT_TYPE[format], disposition: `attachment; filename="${table.filename}.${format}"` });
      }),
    );
  }

  private tableOf(kind: ExportKind, result: any, request: Request): ExportTable {
    const generatedAt = this.clock().toISOString();
    switch (kind) {
      case 'validProjects':
        return validProjectsTable(result, this.reference, generatedAt);
      case 'activity':
        return activityTable(result, this.reference, generatedAt);
      case 'timeseries':
        return timeseriesTable(result, generatedAt);
      case 'register': {
        const query = this.registerQuery(request.query as Record<string, unknown>);
        return registerTable(query, this.allRegisterRows(query), generatedAt);
      }
    }
  }

  /** The register query of the request (already validated by the route), without paging. */
  private registerQuery(q: Record<string, unknown>): RegisterQuery {
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
      page: 1,
      pageSize: ReportExportInterceptor.registerPageSize,
    };
  }

  private async *allRegisterRows(query: RegisterQuery): AsyncGenerator<Row> {
    for (let page = 1; ; page++) {
      const result = await this.queries.execute<ProjectRegisterQuery, { items: Record<string, unknown>[] }>(new ProjectRegisterQuery({ ...query, page }));
      for (const item of result.items) yield registerRow(item, this.reference);
      if (result.items.length < query.pageSize) return;
    }
  }
}
