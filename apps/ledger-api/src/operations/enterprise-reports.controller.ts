import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { projectCode as parseProjectCode } from '@ledger/domain';
import { recordEnterpriseReport, type EnterpriseReportFiling } from '@ledger/ledger';
import { Roles } from '../auth/roles';
import { EnterpriseReportDto } from './enterprise-report.dto';
import { LedgerWriteController } from './ledger-write';

@ApiTags('operations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('enterprise-reports')
export class EnterpriseReportsController extends LedgerWriteController {
  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Record an enterprise’s periodic report (quarter or year); filing again for the period supersedes the earlier filing' })
  async file(@Body() dto: EnterpriseReportDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const filing: EnterpriseReportFiling = { ...JSON.parse(JSON.stringify(dto)), projectCode: parseProjectCode(dto.projectCode) };
    const { outcome, reply } = await this.write('FileEnterpriseReport', (deps, context) => recordEnterpriseReport(deps, filing, context), req, res);
    return { projectCode: filing.projectCode, period: filing.period, revision: outcome.state.filings.length, ...reply };
  }
}
