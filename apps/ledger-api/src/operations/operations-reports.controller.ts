import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { vietnamDateOf } from '@ledger/domain';
import { READERS, Roles } from '../auth/roles';
import { ReportScope } from '../reports/report-scope';
import { type Clock } from '../store/store.providers';
import { exported, operationsTable } from './export';
import { OperationsQueryDto } from './operations-query.dto';
import { narrativeOf, operationsNarrative } from './narrative';
import { OperationsReportQuery } from './report-queries';
import { ResponseFormats } from '../reports/export/exportable';
import { CachedReport } from '../reports/report-cache.interceptor';
import { CLOCK } from '../tokens';

@ApiTags('reports')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('reports')
export class OperationsReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('operations')
  @CachedReport({ worded: true })
  @ResponseFormats('json', 'csv', 'xlsx')
  @ApiOperation({ summary: 'Operating results of the enterprises (revenue, exports, imports, budget, workers) with the same period last year and who has not reported' })
  async operations(@Query() dto: OperationsQueryDto) {
    this.scope.requireOrderedPeriod(dto.from, dto.to);
    await this.scope.caughtUp(dto);
    const asOf = dto.knownAt ? vietnamDateOf(new Date(dto.knownAt)) : this.scope.today();
    const report = await this.queries.execute(
      new OperationsReportQuery(
        { from: dto.from, to: dto.to, knownAt: dto.knownAt, filters: this.scope.filtersOf(dto), groupBy: dto.groupBy ?? [], presentation: dto.presentation ?? 'byOrigin', ...this.scope.unitsFor(dto, dto.to) },
        asOf,
      ),
    );
    const lang = dto.lang ?? 'vi';
    const full = { ...report, narrative: narrativeOf(lang, () => operationsNarrative(report.total, lang)) };
    return exported(dto.format, () => operationsTable(full, this.clock().toISOString())) ?? full;
  }
}
