import { BadRequestException, Controller, HttpCode, Inject, NotImplementedException, Post, Query, Req, Res, StreamableFile, UnprocessableEntityException, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ImportRejectedError,
  WorkbookUnreadableError,
  canAppendBatch,
  commitImport,
  importReportOf,
  loadExchangeRates,
  planImport,
  rowReportCsv,
  rowReportXlsx,
  type Actor,
  type BatchAppender,
  type ImportPlan,
  type Lang,
  type Layout,
  type ProjectWriteDeps,
  type RegisterImportOptions,
} from '@ledger/ledger';
import { SqliteEventStore } from '@ledger/event-store';
import { Roles } from '../auth/roles';
import { problem } from '../http/problem';
import { type Clock } from '../store/store.providers';
import { planOnWorker } from './plan-job';
import { REGISTER_UPLOAD_LIMIT_BYTES, rawBodyOf } from './upload';
import { ResponseFormats } from '../reports/export/exportable';
import { CLOCK, WRITE_DEPS } from '../tokens';

interface RegisterImportQuery {
  boardId?: string;
  dryRun?: string;
  format?: string;
  lang?: string;
  layout?: string;
  sheet?: string;
  fileName?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new BadRequestException(problem(400, 'IMPORT_QUERY_INVALID', 'The request is invalid', `${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`));
  return value as T;
}

/**
 * A board's Excel register, uploaded: the same importer as `ledger-cli import-register` (every act decided
 * through the write path), a dry run by default; `dryRun=false` appends everything or nothing.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  private readonly exchangeRates = loadExchangeRates();

  constructor(
    @Inject(WRITE_DEPS) private readonly deps: ProjectWriteDeps,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** On a SQLite log the plan is made on a thread of its own; other stores plan here. */
  private plan(bytes: Buffer, options: RegisterImportOptions, actor: Actor): Promise<ImportPlan> {
    const now = this.clock();
    const { store, reference, referenceDataVersion } = this.deps;
    const logPath = store instanceof SqliteEventStore ? store.db.name : undefined;
    if (logPath && logPath !== ':memory:') return planOnWorker({ bytes, options, actor, now: now.toISOString(), logPath, referenceDataVersion });
    return planImport(bytes, options, { reference, referenceDataVersion, store }, { actor, now });
  }

  @Post('register')
  @ResponseFormats('json', 'csv', 'xlsx')
  @HttpCode(200)
  @Roles('officer')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: REGISTER_UPLOAD_LIMIT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', XLSX)
  @ApiOperation({ summary: "Import a board's register (.xlsx): dry-run report by default, dryRun=false to append all or nothing; format=csv|xlsx returns the row report" })
  @ApiQuery({ name: 'boardId', required: true })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'] })
  @ApiQuery({ name: 'layout', required: false, enum: ['projects', 'versions'] })
  async register(@Query() query: RegisterImportQuery, @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (!query.boardId) throw new BadRequestException(problem(400, 'IMPORT_QUERY_INVALID', 'The request is invalid', 'boardId is required: the board whose register this is'));
    const dryRun = choice('dryRun', query.dryRun, ['true', 'false'], 'true') === 'true';
    const format = choice('format', query.format, ['json', 'csv', 'xlsx'], 'json');
    const lang = choice<Lang>('lang', query.lang, ['vi', 'en'], 'vi');
    if (format !== 'json' && !dryRun) throw new BadRequestException(problem(400, 'IMPORT_QUERY_INVALID', 'The request is invalid', 'the row report (format=csv|xlsx) comes from a dry run; commit with format=json'));
    const layout = query.layout === undefined ? undefined : choice<Layout>('layout', query.layout, ['projects', 'versions'], 'projects');
    const bytes = file?.buffer ?? (await rawBodyOf(req));
    const fileName = file?.originalname ?? query.fileName ?? 'register.xlsx';
    const actor = (req as Request & { user: Actor }).user;
    const batch = canAppendBatch(this.deps.store) ? this.deps.store : undefined;
    if (!dryRun && !batch) {
      throw new NotImplementedException(problem(501, 'IMPORT_NEEDS_BATCH_STORE', 'Import not available on this store', 'an import appends every row in one transaction, which the SQLite store does; run a dry run, or import with ledger-cli on the SQLite log'));
    }
    let plan: ImportPlan;
    try {
      plan = await this.plan(bytes, { boardId: query.boardId, fileName, sheet: query.sheet, layout, lang, exchangeRates: this.exchangeRates }, actor);
    } catch (error) {
      if (error instanceof WorkbookUnreadableError) throw new BadRequestException(problem(400, 'IMPORT_FILE_UNREADABLE', 'Not a workbook', error.message));
      throw error;
    }
    if (format === 'csv') return new StreamableFile(Buffer.from(rowReportCsv(plan.issues, lang)), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="register-check.csv"' });
    if (format === 'xlsx') return new StreamableFile(await rowReportXlsx(plan.issues, lang), { type: XLSX, disposition: 'attachment; filename="register-check.xlsx"' });
    const report = importReportOf(plan);
    if (dryRun) return { ...report, dryRun: true };
    try {
      const result = commitImport(plan, batch as BatchAppender);
      res.status(plan.alreadyImportedAt ? 200 : 201);
      return { ...report, dryRun: false, appended: result.appended, ...(result.position !== undefined ? { position: result.position.toString() } : {}) };
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      throw new UnprocessableEntityException(problem(422, 'IMPORT_HAS_ERRORS', 'The register has errors', `${plan.errors} row problem(s); nothing was appended — see report.issues`, { report }));
    }
  }
}
