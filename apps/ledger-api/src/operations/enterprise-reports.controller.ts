import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { projectCode as parseProjectCode, type EnterpriseReportState } from '@ledger/domain';
import type { CommandOutcome } from '@ledger/ledger';
import { Roles } from '../auth/roles';
import { requestContextOf } from '../http/request-context';
import { CLOCK, type Clock } from '../store/store.providers';
import { EnterpriseReportDto } from './enterprise-report.dto';
import { RecordEnterpriseReportCommand } from './record-enterprise-report.handler';

@ApiTags('operations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('enterprise-reports')
export class EnterpriseReportsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Record an enterprise’s periodic report (quarter or year); filing again for the period supersedes the earlier filing' })
  async file(@Body() dto: EnterpriseReportDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const filing = { ...JSON.parse(JSON.stringify(dto)), projectCode: parseProjectCode(dto.projectCode) };
    const outcome = await this.commands.execute<RecordEnterpriseReportCommand, CommandOutcome<EnterpriseReportState>>(new RecordEnterpriseReportCommand(filing, requestContextOf(req, this.clock())));
    const revision = outcome.state.filings.length;
    if (!outcome.dryRun) res.locals.ledger = { command: 'FileEnterpriseReport', stream: outcome.streamId, position: outcome.position.toString() };
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    if (outcome.dryRun) res.status(200);
    return { projectCode: filing.projectCode, period: filing.period, revision, streamVersion: Number(outcome.streamVersion), position: outcome.position.toString(), replayed: outcome.replayed, dryRun: outcome.dryRun };
  }
}
