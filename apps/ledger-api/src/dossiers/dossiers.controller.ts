import { BadRequestException, Body, Controller, ForbiddenException, Get, Inject, InternalServerErrorException, NotFoundException, Param, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { streamIdOf, vietnamDateOf, type ActToLink, type DossierCommand, type ProcedureTerms } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { DossierConfig, ReferenceData } from '@ledger/reference-data';
import type { dossierReport } from '@ledger/reporting';
import { TemplateError } from '../reports/narrative/narrative';
import { dossierSentence } from './dossier-narrative';
import type { Actor } from '../auth/roles';
import { READERS, Roles } from '../auth/roles';
import { problem } from '../http/problem';
import { requestContextOf } from '../http/request-context';
import { ReportScope } from '../reports/report-scope';
import { type Clock } from '../store/store.providers';
import { DossierExportInterceptor } from './dossier-export';
import { DossierInboxListQuery, DossierReportQuery, DossierViewQuery } from './dossier.queries';
import { DOSSIER_ID_PATTERN, DelayDto, DossierNarrativeQueryDto, DossierReadDto, DossierReportQueryDto, InboxQueryDto, ReceiveDossierDto, ResolutionDto, SupplementDto, SupplementRequestDto, TransferDto, WithdrawalDto } from './dossier.dto';
import { DossierWriter, type CommandBuilder } from './dossier-writer';
import { ResponseFormats } from '../reports/export/exportable';
import { CLOCK, DOSSIER_CONFIG, EVENT_STORE, REFERENCE_DATA } from '../tokens';
import { CachedReport } from '../reports/report-cache.interceptor';

/** Plain JSON of a validated DTO: class instances never reach the event store. */
const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto));

function dossierIdOf(id: string): string {
  if (!DOSSIER_ID_PATTERN.test(id)) throw new BadRequestException(problem(400, 'DOSSIER_ID_INVALID', 'The request is invalid', 'a dossier id is 1–64 letters, digits, dots, dashes or underscores'));
  return id;
}

@ApiTags('dossiers')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body returns the first result and appends nothing' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the dossier version you hold; 409 if it changed' })
@Controller()
export class DossiersController {
  constructor(
    private readonly writer: DossierWriter,
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOSSIER_CONFIG) private readonly config: DossierConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  private async run(id: string, type: DossierCommand['type'], dto: object, req: Request, res: Response, build: CommandBuilder) {
    const dossierId = dossierIdOf(id);
    const result = await this.writer.execute(dossierId, type, plain(dto), requestContextOf(req, this.clock()), build);
    res.locals.ledger = { command: type, stream: `dossier-${dossierId}`, position: result.position };
    res.setHeader('ETag', `"${result.streamVersion}"`);
    res.setHeader('Location', `/api/v1/dossiers/${encodeURIComponent(dossierId)}`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result;
  }

  /** The catalogue's terms of a procedure, or undefined: the decider refuses an unknown one. */
  private terms(code: string): ProcedureTerms | undefined {
    const p = this.config.procedures.get(code);
    return p && { code: p.code, statutoryDays: p.statutoryDays, unit: p.unit, committedDays: p.committedDays, actTypes: p.actTypes };
  }

  private clockContext() {
    return { calendar: this.config.calendar, officeClosesAt: this.config.officeClosesAt };
  }

  @Post('dossiers')
  @Roles('officer')
  @ApiOperation({ summary: 'Receive a dossier at the one-stop desk (starts its stream and its clock)' })
  receive(@Body() dto: ReceiveDossierDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(dto.dossierId, 'ReceiveDossier', dto, req, res, (_state, now) => ({ type: 'ReceiveDossier', now: now.toISOString(), ...this.clockContext(), procedure: this.terms(dto.procedureCode), data: plain(dto) }));
  }

  @Post('dossiers/:id/supplement-requests')
  @Roles('officer')
  @ApiOperation({ summary: 'Ask the applicant for missing documents (stops the clock)' })
  requestSupplement(@Param('id') id: string, @Body() dto: SupplementRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(id, 'RequestSupplement', dto, req, res, (_state, now) => ({ type: 'RequestSupplement', now: now.toISOString(), data: plain(dto) }));
  }

  @Post('dossiers/:id/supplements')
  @Roles('officer')
  @ApiOperation({ summary: 'Record the supplied documents (the clock restarts from this day)' })
  supplement(@Param('id') id: string, @Body() dto: SupplementDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(id, 'SupplementDossier', dto, req, res, (_state, now) => ({ type: 'SupplementDossier', now: now.toISOString(), ...this.clockContext(), data: plain(dto) }));
  }

  @Post('dossiers/:id/resolution')
  @Roles('officer')
  @ApiOperation({ summary: 'Resolve: approved (linking the ledger acts it produced) or refused with the reason in writing' })
  resolve(@Param('id') id: string, @Body() dto: ResolutionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(id, 'ResolveDossier', dto, req, res, async (_state, now) => ({
      type: 'ResolveDossier',
      now: now.toISOString(),
      data: { resolvedAt: dto.resolvedAt, outcome: dto.outcome, ...(dto.reason !== undefined ? { reason: dto.reason } : {}), acts: await Promise.all((dto.acts ?? []).map((a) => this.actAt(a.projectCode, a.version))) },
    }));
  }

  /** What the decider needs to know about a linked act: its type, recording board and dossier. */
  private async actAt(projectCode: string, version: number): Promise<ActToLink> {
    const streamId = streamIdOf(projectCode);
    const event = (await this.store.readStream(streamId))[version - 1];
    if (!event) return { streamId, version };
    const { boardId, dossierId } = event.metadata as { boardId: string; dossierId?: string };
    return { streamId, version, found: { type: event.type, boardId, projectCode, ...(dossierId ? { dossierId } : {}) } };
  }

  @Post('dossiers/:id/delays')
  @Roles('officer')
  @ApiOperation({ summary: 'Record a delay: the written apology and the new appointment date' })
  delay(@Param('id') id: string, @Body() dto: DelayDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(id, 'DelayDossier', dto, req, res, (_state, now) => ({ type: 'DelayDossier', now: now.toISOString(), data: plain(dto) }));
  }

  @Post('dossiers/:id/withdrawal')
  @Roles('officer')
  @ApiOperation({ summary: 'The applicant withdraws the dossier' })
  withdraw(@Param('id') id: string, @Body() dto: WithdrawalDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(id, 'WithdrawDossier', dto, req, res, (_state, now) => ({ type: 'WithdrawDossier', now: now.toISOString(), data: plain(dto) }));
  }

  @Post('dossiers/:id/transfer')
  @Roles('officer')
  @ApiOperation({ summary: 'Transfer the dossier to another agency' })
  transfer(@Param('id') id: string, @Body() dto: TransferDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(id, 'TransferDossier', dto, req, res, (_state, now) => ({ type: 'TransferDossier', now: now.toISOString(), data: plain(dto) }));
  }

  @Get('dossiers/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A dossier: status, due dates, flags and its steps' })
  async get(@Param('id') id: string, @Query() dto: DossierReadDto, @Res({ passthrough: true }) res: Response) {
    await this.scope.caughtUp({ minPosition: dto.minPosition });
    const view = await this.queries.execute(new DossierViewQuery(dossierIdOf(id), vietnamDateOf(this.clock())));
    if (!view) throw new NotFoundException(problem(404, 'DOSSIER_NOT_FOUND', 'Dossier not found', `no dossier ${id} has been received`));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get('dossier-procedures')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The procedure catalogue (config/procedures.json): statutory and committed times, the acts an approval links' })
  procedures() {
    return { procedures: [...this.config.procedures.values()] };
  }

  @Get('dossiers')
  @Roles(...READERS)
  @ApiOperation({ summary: "A board's dossier inbox, soonest due first, with overdue and due-soon flags" })
  async inbox(@Query() dto: InboxQueryDto, @Req() req: Request) {
    const actor = (req as Request & { user: Actor }).user;
    if (actor.role === 'officer' && dto.boardId !== undefined && dto.boardId !== actor.boardId) {
      throw new ForbiddenException(problem(403, 'OUTSIDE_JURISDICTION', 'Outside your board', `your token acts for ${actor.boardId}, not ${dto.boardId}`));
    }
    await this.scope.caughtUp({ minPosition: dto.minPosition });
    const boardId = actor.role === 'officer' ? actor.boardId : dto.boardId;
    return this.queries.execute(new DossierInboxListQuery({ boardId, status: dto.status, today: vietnamDateOf(this.clock()), limit: dto.limit ?? 200 }));
  }

  @Get('reports/dossiers')
  @CachedReport()
  @ResponseFormats('json', 'csv', 'xlsx')
  @Roles(...READERS)
  @UseInterceptors(DossierExportInterceptor)
  @ApiTags('reports')
  @ApiOperation({ summary: 'Dossiers of a period: received, carried over, resolved ahead/on time/late, withdrawn, transferred, in process; processing times' })
  async report(@Query() dto: DossierReportQueryDto): Promise<ReturnType<typeof dossierReport>> {
    this.scope.requireOrderedPeriod(dto.from, dto.to);
    await this.scope.caughtUp({ minPosition: dto.minPosition });
    const { regionId, provinceId, boardId, procedureCode } = dto;
    return this.queries.execute(
      new DossierReportQuery({ from: dto.from, to: dto.to, knownAt: dto.knownAt, filters: JSON.parse(JSON.stringify({ regionId, provinceId, boardId, procedureCode })), groupBy: dto.groupBy ?? [] }),
    );
  }

  @Get('reports/dossiers/narrative')
  @ResponseFormats('json', 'text')
  @Roles(...READERS)
  @ApiTags('reports')
  @ApiOperation({ summary: 'The sentence boards publish on their dossiers (vi/en), from config/narrative/dossiers.<lang>.txt' })
  async narrative(@Query() dto: DossierNarrativeQueryDto, @Res({ passthrough: true }) res: Response) {
    const { lang = 'vi', format, ...query } = dto;
    const report = await this.report(query as DossierReportQueryDto);
    let text: string;
    try {
      text = dossierSentence(lang, dto.from, dto.to, dto.boardId, report.total.current, this.reference);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new InternalServerErrorException(problem(500, 'NARRATIVE_TEMPLATE_INVALID', 'The narrative template cannot be used', error.message));
    }
    if (format === 'text') {
      res.type('text/plain; charset=utf-8');
      return `${text}\n`;
    }
    return { text, lang, from: dto.from, to: dto.to, filters: report.filters, ...(dto.knownAt ? { knownAt: dto.knownAt } : {}), figures: report.total.current };
  }
}
