import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles';
import type { Request, Response } from 'express';
import { isLegalDate, projectCode as parseProjectCode, streamIdOf } from '@ledger/domain';
import { problem } from '../http/problem';
import { requestContextOf } from '../http/request-context';
import {
  AdjustCertificateCommand,
  CorrectEventCommand,
  DecreaseCapitalCommand,
  IncreaseCapitalCommand,
  IssueCertificateCommand,
  RecordRealizedCapitalCommand,
  ResumeProjectCommand,
  SuspendProjectCommand,
  TerminateProjectCommand,
  type AnyProjectCommand,
  type CommandResult,
} from './commands/project-commands';
import { validateCorrectedData } from './dto/corrected-data';
import { AdjustCertificateDto, CapitalChangeDto, CorrectionDto, RealizedCapitalDto, ResumptionDto, SuspensionDto, TerminationDto } from './dto/acts.dto';
import { IssueCertificateDto } from './dto/certificate.dto';
import { ProjectEventsQueryDto } from './dto/events-page.dto';
import { GetProjectEventsQuery, GetProjectQuery } from './queries/project.queries';

type CommandClass = new (code: string, data: never, context: ReturnType<typeof requestContextOf>) => AnyProjectCommand;

/** Plain JSON of a validated DTO: class instances never reach the event store. */
const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto));

@ApiTags('projects')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body returns the first result and appends nothing' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the project version you hold; 409 if it changed' })
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async run(Command: CommandClass, code: string, body: unknown, req: Request, res: Response): Promise<Record<string, unknown>> {
    const projectCode = parseProjectCode(code);
    const result = await this.commands.execute<AnyProjectCommand, CommandResult>(new Command(projectCode, plain(body) as never, requestContextOf(req)));
    res.locals.ledger = { command: Command.name.replace(/Command$/, ''), stream: streamIdOf(projectCode), position: result.position.toString() };
    res.setHeader('ETag', `"${result.streamVersion}"`);
    res.setHeader('Location', `/api/v1/projects/${encodeURIComponent(projectCode)}`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return { ...result, streamVersion: Number(result.streamVersion), position: result.position.toString() };
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Issue an Investment Registration Certificate (starts the project stream)' })
  issue(@Body() dto: IssueCertificateDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(IssueCertificateCommand, dto.projectCode, dto, req, res);
  }

  @Post(':code/capital-increases')
  @Roles('officer')
  @ApiOperation({ summary: 'Increase registered capital (an adjustment; numbered by the ledger)' })
  increase(@Param('code') code: string, @Body() dto: CapitalChangeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(IncreaseCapitalCommand, code, dto, req, res);
  }

  @Post(':code/capital-decreases')
  @Roles('officer')
  @ApiOperation({ summary: 'Decrease registered capital (must stay above zero)' })
  decrease(@Param('code') code: string, @Body() dto: CapitalChangeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(DecreaseCapitalCommand, code, dto, req, res);
  }

  @Post(':code/adjustments')
  @Roles('officer')
  @ApiOperation({ summary: 'Adjust non-capital content of the certificate' })
  adjust(@Param('code') code: string, @Body() dto: AdjustCertificateDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(AdjustCertificateCommand, code, dto, req, res);
  }

  @Post(':code/realized-capital')
  @Roles('officer')
  @ApiOperation({ summary: 'Record capital realized (disbursed) in a period' })
  realize(@Param('code') code: string, @Body() dto: RealizedCapitalDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(RecordRealizedCapitalCommand, code, dto, req, res);
  }

  @Post(':code/suspension')
  @Roles('officer')
  @ApiOperation({ summary: 'Suspend the project (art. 47); it stays valid' })
  suspend(@Param('code') code: string, @Body() dto: SuspensionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(SuspendProjectCommand, code, dto, req, res);
  }

  @Post(':code/resumption')
  @Roles('officer')
  @ApiOperation({ summary: 'Resume a suspended project' })
  resume(@Param('code') code: string, @Body() dto: ResumptionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(ResumeProjectCommand, code, dto, req, res);
  }

  @Post(':code/termination')
  @Roles('officer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Terminate the project (art. 48); revokes the certificate' })
  terminate(@Param('code') code: string, @Body() dto: TerminationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(TerminateProjectCommand, code, dto, req, res);
  }

  @Post(':code/corrections')
  @Roles('officer')
  @ApiOperation({ summary: 'Correct a recorded act (new values or revoked); nothing is edited, an EventCorrected is appended' })
  async correct(@Param('code') code: string, @Body() dto: CorrectionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (dto.correctedData) {
      const history = await this.queries.execute(new GetProjectEventsQuery(parseProjectCode(code)));
      const target = history.events[dto.correctsVersion - 1];
      if (target) dto.correctedData = validateCorrectedData(target.type, dto.correctedData);
    }
    return this.run(CorrectEventCommand, code, dto, req, res);
  }

  @Get(':code')
  @Roles('officer', 'auditor')
  @ApiOperation({ summary: 'The certificate as in force on a legal date (asOf), as known at a system time (knownAt)' })
  @ApiQuery({ name: 'asOf', required: false, example: '2016-12-31' })
  @ApiQuery({ name: 'knownAt', required: false, example: '2017-03-15T00:00:00Z' })
  async get(@Param('code') code: string, @Query('asOf') asOf: string | undefined, @Query('knownAt') knownAt: string | undefined, @Res({ passthrough: true }) res: Response) {
    if (asOf !== undefined && !isLegalDate(asOf)) throw new BadRequestException(problem(400, 'INVALID_AS_OF', 'The request is invalid', 'asOf must be an existing date YYYY-MM-DD'));
    if (knownAt !== undefined && Number.isNaN(Date.parse(knownAt))) throw new BadRequestException(problem(400, 'INVALID_KNOWN_AT', 'The request is invalid', 'knownAt must be an ISO 8601 timestamp'));
    const view = await this.queries.execute(new GetProjectQuery(parseProjectCode(code), { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}) }));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':code/events')
  @Roles('officer', 'auditor')
  @ApiOperation({ summary: 'History of the project with metadata (who, when, decision), paged by stream version; `next` links the following page' })
  events(@Param('code') code: string, @Query() page: ProjectEventsQueryDto) {
    return this.queries.execute(new GetProjectEventsQuery(parseProjectCode(code), { after: page.after ?? 0, limit: page.limit ?? 1000 }));
  }
}
