import { BadRequestException, Body, Controller, Get, HttpCode, Inject, applyDecorators, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles';
import type { Request, Response } from 'express';
import { currentReadingOf, isLegalDate, vietnamDateOf, projectCode as parseProjectCode, streamIdOf, type ProjectCommandType, type ProjectState } from '@ledger/domain';
import type { CommandOutcome, ProjectAct } from '@ledger/ledger';
import { type Clock } from '../store/store.providers';
import { problem } from '../http/problem';
import { requestContextOf } from '../http/request-context';
import { RecordProjectActCommand } from './commands/record-project-act';
import { DOSSIER_ID_PATTERN } from '../dossiers/dossier.dto';
import { validateCorrectedData } from './dto/corrected-data';
import { AdjustCertificateDto, CapitalChangeDto, CorrectionDto, OperationStartDto, RealizedCapitalDto, ResumptionDto, SuspensionDto, TerminationDto } from './dto/acts.dto';
import { IssueCertificateDto } from './dto/certificate.dto';
import { ProjectEventsQueryDto } from './dto/events-page.dto';
import { GetProjectEventsQuery, GetProjectQuery, projectViewOf } from './queries/project.queries';
import { GetCertificatePdfQuery } from './certificate/certificate.query';
import { CachedReport } from '../reports/report-cache.interceptor';
import { CLOCK } from '../tokens';

/** Plain JSON of a validated DTO: class instances never reach the event store. */
const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto));

/** A write endpoint: officers (and admin) only; `?dryRun=true` decides and checks without appending. */
const WriteEndpoint = (summary: string) =>
  applyDecorators(Roles('officer'), ApiOperation({ summary }), ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'true: answer 200 with the events and the certificate the act would produce; nothing is recorded' }),
    ApiQuery({ name: 'dossierId', required: false, description: 'the dossier this act resolves: recorded in the act\'s metadata' }),
  );

@ApiTags('projects')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body returns the first result and appends nothing' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the project version you hold; 409 if it changed' })
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One act through the write path; `?dryRun=true` answers 200 with the events and certificate it would produce. */
  private async run(type: ProjectCommandType, code: string, body: unknown, req: Request, res: Response): Promise<Record<string, unknown>> {
    const projectCode = parseProjectCode(code);
    const act = { type, projectCode, data: plain(body) } as ProjectAct;
    const context = requestContextOf(req, this.clock());
    // The act a dossier produced names it (`?dossierId=`), so resolving the dossier can link exactly this act.
    const dossierId = req.query.dossierId;
    if (dossierId !== undefined && (typeof dossierId !== 'string' || !DOSSIER_ID_PATTERN.test(dossierId))) {
      throw new BadRequestException(problem(400, 'DOSSIER_ID_INVALID', 'The request is invalid', 'dossierId is 1–64 letters, digits, dots, dashes or underscores'));
    }
    const outcome = await this.commands.execute<RecordProjectActCommand, CommandOutcome<ProjectState>>(new RecordProjectActCommand(act, dossierId ? { ...context, metadata: { dossierId } } : context));
    const summary = { projectCode, streamVersion: Number(outcome.streamVersion), events: outcome.events.map(summaryOf) };
    if (outcome.dryRun) {
      res.status(200);
      return { ...summary, dryRun: true, events: outcome.events, certificate: projectViewOf(outcome.state, Number(outcome.streamVersion)) };
    }
    res.locals.ledger = { command: type, stream: streamIdOf(projectCode), position: outcome.position.toString() };
    res.setHeader('ETag', `"${outcome.streamVersion}"`);
    res.setHeader('Location', `/api/v1/projects/${encodeURIComponent(projectCode)}`);
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return { ...summary, position: outcome.position.toString(), replayed: outcome.replayed };
  }

  @Post()
  @WriteEndpoint('Issue an Investment Registration Certificate (starts the project stream)')
  issue(@Body() dto: IssueCertificateDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('IssueCertificate', dto.projectCode, dto, req, res);
  }

  @Post(':code/capital-increases')
  @WriteEndpoint('Increase registered capital (an adjustment; numbered by the ledger)')
  increase(@Param('code') code: string, @Body() dto: CapitalChangeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('IncreaseCapital', code, dto, req, res);
  }

  @Post(':code/capital-decreases')
  @WriteEndpoint('Decrease registered capital (must stay above zero)')
  decrease(@Param('code') code: string, @Body() dto: CapitalChangeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('DecreaseCapital', code, dto, req, res);
  }

  @Post(':code/adjustments')
  @WriteEndpoint('Adjust non-capital content of the certificate')
  adjust(@Param('code') code: string, @Body() dto: AdjustCertificateDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('AdjustCertificate', code, dto, req, res);
  }

  @Post(':code/realized-capital')
  @WriteEndpoint('Record capital realized (disbursed) in a period')
  realize(@Param('code') code: string, @Body() dto: RealizedCapitalDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('RecordRealizedCapital', code, dto, req, res);
  }

  @Post(':code/suspension')
  @WriteEndpoint('Suspend the project (art. 47); it stays valid')
  suspend(@Param('code') code: string, @Body() dto: SuspensionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('SuspendProject', code, dto, req, res);
  }

  @Post(':code/resumption')
  @WriteEndpoint('Resume a suspended project')
  resume(@Param('code') code: string, @Body() dto: ResumptionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('ResumeProject', code, dto, req, res);
  }

  @Post(':code/operation-start')
  @WriteEndpoint("Record the day the project started operating (the investor's notice); once per project")
  startOperation(@Param('code') code: string, @Body() dto: OperationStartDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('StartOperation', code, dto, req, res);
  }

  @Post(':code/termination')
  @HttpCode(201)
  @WriteEndpoint('Terminate the project (art. 48); revokes the certificate')
  terminate(@Param('code') code: string, @Body() dto: TerminationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run('TerminateProject', code, dto, req, res);
  }

  @Post(':code/corrections')
  @WriteEndpoint('Correct a recorded act (new values or revoked); nothing is edited, an EventCorrected is appended')
  async correct(@Param('code') code: string, @Body() dto: CorrectionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (dto.correctedData) {
      const history = await this.queries.execute(new GetProjectEventsQuery(parseProjectCode(code)));
      const target = history.events[dto.correctsVersion - 1];
      // Only the changed fields are sent; the act as corrected must still be a valid act of its kind.
      if (target) validateCorrectedData(target.type, currentReadingOf(history.events, dto.correctsVersion), dto.correctedData);
    }
    return this.run('CorrectEvent', code, dto, req, res);
  }

  @Get(':code')
  @Roles('officer', 'auditor')
  @CachedReport({ fromLog: true })
  @ApiOperation({ summary: 'The certificate as in force on a legal date (asOf), as known at a system time (knownAt)' })
  @ApiQuery({ name: 'asOf', required: false, example: '2016-12-31' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO 8601 instant, e.g. 2026-12-01T09:00:00+07:00' })
  async get(@Param('code') code: string, @Query('asOf') asOf: string | undefined, @Query('knownAt') knownAt: string | undefined, @Res({ passthrough: true }) res: Response) {
    if (asOf !== undefined && !isLegalDate(asOf)) throw new BadRequestException(problem(400, 'INVALID_AS_OF', 'The request is invalid', 'asOf must be an existing date YYYY-MM-DD'));
    if (knownAt !== undefined && Number.isNaN(Date.parse(knownAt))) throw new BadRequestException(problem(400, 'INVALID_KNOWN_AT', 'The request is invalid', 'knownAt must be an ISO 8601 timestamp'));
    const view = await this.queries.execute(new GetProjectQuery(parseProjectCode(code), { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}) }));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':code/certificate.pdf')
  @Roles('officer', 'auditor')
  @ApiOperation({ summary: 'The Giấy chứng nhận đăng ký đầu tư as in force on a legal date (asOf, default today), as a PDF' })
  @ApiQuery({ name: 'asOf', required: false, example: '2016-12-31' })
  @ApiProduces('application/pdf')
  async certificate(@Param('code') code: string, @Query('asOf') asOf: string | undefined, @Res({ passthrough: true }) res: Response) {
    if (asOf !== undefined && !isLegalDate(asOf)) throw new BadRequestException(problem(400, 'INVALID_AS_OF', 'The request is invalid', 'asOf must be an existing date YYYY-MM-DD'));
    const projectCode = parseProjectCode(code);
    const pdf = await this.queries.execute<GetCertificatePdfQuery, Buffer>(new GetCertificatePdfQuery(projectCode, asOf ?? vietnamDateOf(this.clock())));
    res.type('application/pdf').setHeader('Content-Disposition', `attachment; filename="GCNDKDT-${projectCode.replace(/[^\w-]/g, '_')}.pdf"`);
    return new StreamableFile(pdf);
  }

  @Get(':code/events')
  @Roles('officer', 'auditor')
  @CachedReport({ fromLog: true })
  @ApiOperation({ summary: 'History of the project with metadata (who, when, decision), paged by stream version; `next` links the following page' })
  events(@Param('code') code: string, @Query() page: ProjectEventsQueryDto) {
    return this.queries.execute(new GetProjectEventsQuery(parseProjectCode(code), { after: page.after ?? 0, limit: page.limit ?? 1000 }));
  }
}

function summaryOf(event: { type: string; data: unknown }): { type: string; adjustmentNo?: number } {
  const adjustmentNo = (event.data as { adjustmentNo?: unknown }).adjustmentNo;
  return typeof adjustmentNo === 'number' ? { type: event.type, adjustmentNo } : { type: event.type };
}
