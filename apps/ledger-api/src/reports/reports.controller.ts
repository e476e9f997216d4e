import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../auth/roles';
import { vietnamDateOf } from '@ledger/domain';
import type { ProjectionRunner } from '@ledger/projections';
import type { ReportFilters } from '@ledger/reporting';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { problem } from '../http/problem';
import { PROJECTION_RUNNER } from '../read-models/read-models.providers';
import { CLOCK, type Clock } from '../store/store.providers';
import type { ReferenceData } from '@ledger/reference-data';
import { REFERENCE_DATA } from './units.provider';
import { ActivityReportQuery, ProjectRegisterQuery, TimeseriesReportQuery, ValidProjectsReportQuery } from './report.queries';
import { ActivityQueryDto, RegisterQueryDto, TimeseriesQueryDto, ValidProjectsQueryDto, type ReportFiltersDto } from './report-query.dto';

const filtersOf = (dto: ReportFiltersDto): ReportFilters => {
  const { regionId, provinceId, boardId, zoneId, origin } = dto;
  return JSON.parse(JSON.stringify({ regionId, provinceId, boardId, zoneId, origin }));
};

function requireOrderedPeriod(from: string, to: string): void {
  if (from > to) throw new BadRequestException(problem(400, 'INVALID_PERIOD', 'The request is invalid', `from ${from} is after to ${to}`));
}

@ApiTags('reports')
@ApiBearerAuth()
@Roles(...READERS)
@Controller()
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  /** Historical units for a report wholly before the first succession (1 July 2025), current otherwise. */
  private unitsFor(dto: ReportFiltersDto, reportDate: string): { units: 'historical' | 'current'; today: string } {
    const change = this.reference.firstSuccessionDate();
    return { units: dto.units ?? (change && reportDate < change ? 'historical' : 'current'), today: vietnamDateOf(this.clock()) };
  }

  /** Read-your-writes: wait (bounded) until the read models include the caller's last write. */
  private async caughtUp(dto: ReportFiltersDto): Promise<void> {
    if (dto.minPosition !== undefined) await this.runner.waitFor(BigInt(dto.minPosition), this.config.readYourWritesTimeoutMs);
  }

  @Get('reports/valid-projects')
  @ApiOperation({ summary: 'Valid projects as of a date: count, registered and realized capital, realization ratio' })
  async validProjects(@Query() dto: ValidProjectsQueryDto) {
    await this.caughtUp(dto);
    const asOf = dto.asOf ?? vietnamDateOf(this.clock());
    return this.queries.execute(new ValidProjectsReportQuery({ asOf, knownAt: dto.knownAt, filters: filtersOf(dto), groupBy: dto.groupBy ?? [], ...this.unitsFor(dto, asOf) }));
  }

  @Get('reports/activity')
  @ApiOperation({ summary: 'Period activity with the same period one year earlier' })
  async activity(@Query() dto: ActivityQueryDto) {
    requireOrderedPeriod(dto.from, dto.to);
    await this.caughtUp(dto);
    return this.queries.execute(new ActivityReportQuery({ from: dto.from, to: dto.to, knownAt: dto.knownAt, filters: filtersOf(dto), groupBy: dto.groupBy ?? [], ...this.unitsFor(dto, dto.to) }));
  }

  @Get('reports/timeseries')
  @ApiOperation({ summary: 'A metric per month, quarter or year, for charts' })
  async timeseries(@Query() dto: TimeseriesQueryDto) {
    requireOrderedPeriod(dto.from, dto.to);
    await this.caughtUp(dto);
    return this.queries.execute(new TimeseriesReportQuery({ metric: dto.metric, interval: dto.interval, from: dto.from, to: dto.to, knownAt: dto.knownAt, filters: filtersOf(dto), units: this.unitsFor(dto, dto.to).units }));
  }

  @Get('projects')
  @ApiTags('projects')
  @ApiOperation({ summary: 'Register of projects, filtered, searched, sorted and paged' })
  async register(@Query() dto: RegisterQueryDto) {
    await this.caughtUp(dto);
    return this.queries.execute(
      new ProjectRegisterQuery({
        filters: filtersOf(dto),
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
