import { BadRequestException, Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { recordPlanAct, type PlanAct } from '@ledger/ledger';
import { READERS, Roles } from '../auth/roles';
import { problem } from '../http/problem';
import { ReportScope } from '../reports/report-scope';
import { exported, planTable } from './export';
import { IndicatorActualDto, PlanParamsDto, PlanQueryDto, PlanTargetsDto } from './plan.dto';
import { LedgerWriteController } from './ledger-write';
import { narrativeOf, planNarrative } from './narrative';
import { PlanReportQuery } from './report-queries';
import { ResponseFormats } from '../reports/export/exportable';
import { CachedReport } from '../reports/report-cache.interceptor';

const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto));

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController extends LedgerWriteController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
  ) {
    super();
  }

  private async run(act: PlanAct, req: Request, res: Response) {
    return (await this.write(act.type, (deps, context) => recordPlanAct(deps, act, context), req, res)).reply;
  }

  @Post('plans/:boardId/:year/targets')
  @Roles('officer')
  @ApiOperation({ summary: 'Set (or revise) a board’s plan targets for a year' })
  setTargets(@Param() params: PlanParamsDto, @Body() dto: PlanTargetsDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { decisionRef, ...targets } = plain(dto);
    return this.run({ type: 'SetPlanTargets', data: { boardId: params.boardId, year: Number(params.year), targets, ...(decisionRef ? { decisionRef } : {}) } }, req, res);
  }

  @Post('plans/:boardId/:year/actuals')
  @Roles('officer')
  @ApiOperation({ summary: 'Enter the board’s own actual of one of its plan indicators for a month or quarter' })
  recordActual(@Param() params: PlanParamsDto, @Body() dto: IndicatorActualDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'RecordIndicatorActual', data: { boardId: params.boardId, year: Number(params.year), ...plain(dto) } }, req, res);
  }

  @Get('reports/plan')
  @CachedReport({ worded: true })
  @ResponseFormats('json', 'csv', 'xlsx')
  @Roles(...READERS)
  @ApiTags('reports')
  @ApiOperation({ summary: 'Year-to-date actuals against the board’s plan for the year (% of plan), with the same period last year' })
  async report(@Query() dto: PlanQueryDto) {
    if (!dto.boardId) throw new BadRequestException(problem(400, 'VALIDATION_FAILED', 'The request is invalid', 'boardId: a plan belongs to one board; give boardId', { errors: [{ field: 'boardId', messages: ['boardId is required'] }] }));
    const year = Number(dto.year);
    const today = this.scope.today();
    const to = dto.to ?? (today < `${year}-12-31` ? today : `${year}-12-31`);
    if (to < `${year}-01-01` || to > `${year}-12-31`) throw new BadRequestException(problem(400, 'INVALID_PERIOD', 'The request is invalid', `to ${to} is not in ${year}`));
    await this.scope.caughtUp(dto);
    const report = await this.queries.execute(new PlanReportQuery({ boardId: dto.boardId, year, to, knownAt: dto.knownAt, ...this.scope.unitsFor(dto, to) }));
    const lang = dto.lang ?? 'vi';
    const full = { ...report, narrative: narrativeOf(lang, () => planNarrative(report.lines, lang)) };
    return exported(dto.format, () => planTable(full, this.clock().toISOString())) ?? full;
  }
}
