import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../auth/roles';
import { Exportable } from './export/exportable';
import { CachedReport } from './report-cache.interceptor';
import type { ActivityReport, TimeseriesReport, ValidProjectsReport } from './export/tables';
import { ReportScope } from './report-scope';
import { ActivityReportQuery, ProjectRegisterQuery, TimeseriesReportQuery, ValidProjectsReportQuery } from './report.queries';
import { ActivityQueryDto, RegisterQueryDto, TimeseriesQueryDto, ValidProjectsQueryDto } from './report-query.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Roles(...READERS)
@Controller()
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
  ) {}

  @Get('reports/valid-projects')
  @CachedReport()
  @Exportable('validProjects')
  @ApiOperation({ summary: 'Valid projects as of a date: count, registered and realized capital, realization ratio' })
  async validProjects(@Query() dto: ValidProjectsQueryDto): Promise<ValidProjectsReport> {
    await this.scope.caughtUp(dto);
    const asOf = dto.asOf ?? this.scope.today();
    return this.queries.execute(new ValidProjectsReportQuery({ asOf, knownAt: dto.knownAt, filters: this.scope.filtersOf(dto), groupBy: dto.groupBy ?? [], ...this.scope.unitsFor(dto, asOf) }));
  }

  @Get('reports/activity')
  @CachedReport()
  @Exportable('activity')
  @ApiOperation({ summary: 'Period activity with the same period one year earlier' })
  async activity(@Query() dto: ActivityQueryDto): Promise<ActivityReport> {
    this.scope.requireOrderedPeriod(dto.from, dto.to);
    await this.scope.caughtUp(dto);
    return this.queries.execute(new ActivityReportQuery({ from: dto.from, to: dto.to, knownAt: dto.knownAt, filters: this.scope.filtersOf(dto), groupBy: dto.groupBy ?? [], ...this.scope.unitsFor(dto, dto.to) }));
  }

  @Get('reports/timeseries')
  @CachedReport()
  @Exportable('timeseries')
  @ApiOperation({ summary: 'A metric per month, quarter or year, for charts' })
  async timeseries(@Query() dto: TimeseriesQueryDto): Promise<TimeseriesReport> {
    this.scope.requireOrderedPeriod(dto.from, dto.to);
    await this.scope.caughtUp(dto);
    return this.queries.execute(new TimeseriesReportQuery({ metric: dto.metric, interval: dto.interval, from: dto.from, to: dto.to, knownAt: dto.knownAt, filters: this.scope.filtersOf(dto), units: this.scope.unitsFor(dto, dto.to).units }));
  }

  @Get('projects')
  @CachedReport()
  @Exportable('register')
  @ApiTags('projects')
  @ApiOperation({ summary: 'Register of projects, filtered, searched, sorted and paged' })
  async register(@Query() dto: RegisterQueryDto) {
    await this.scope.caughtUp(dto);
    return this.queries.execute(
      new ProjectRegisterQuery({
        filters: this.scope.filtersOf(dto),
        status: dto.status,
        asOf: dto.asOf,
        search: dto.q,
        sort: dto.sort ?? 'projectCode',
        order: dto.order ?? 'asc',
        page: dto.page ?? 1,
        pageSize: dto.pageSize ?? 50,
      }),
    );
  }
}
