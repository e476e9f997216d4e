import { Inject, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor, type Provider } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, of, type Observable } from 'rxjs';
import { vietnamDateOf } from '@ledger/domain';
import { marksWrites, type EventStore } from '@ledger/event-store';
import type { ReadModelRunner } from '@ledger/projections';
import { generationOf, ReportCache } from '@ledger/reporting';
import type { Actor } from '../auth/roles';
import type { LedgerConfig } from '../config/ledger-config';
import type { Clock } from '../store/store.providers';
import { narrativeDir } from './narrative/narrative';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG, LOG_ANSWERS, PROJECTION_RUNNER, REPORT_CACHE } from '../tokens';

const CACHED_REPORT = 'ledger:cached-report';

interface CachedReportOptions {
  /** The answer carries a narrative worded from config/narrative: the templates' files are then part of the key. */
  worded?: boolean;
  /** The answer is read from the log itself (a project's certificate, its history), not from the read models: kept until anything is appended. */
  fromLog?: boolean;
}

/**
 * Marks a GET route whose JSON answer is a pure function of its query, the caller's scope, today's
 * date and the read models (or, `fromLog`, the log): its answers are kept until the read models'
 * checkpoint moves (or anything is appended).
 */
export const CachedReport = (options: CachedReportOptions = {}) => SetMetadata(CACHED_REPORT, options);

/** A kept JSON answer as sent: its text and its ETag (the one the route set, a project's version, or express's of the text). */
export interface CachedAnswer {
  body: string;
  etag?: string;
}

const answerCache = (config: LedgerConfig) => new ReportCache<CachedAnswer>({ maxBytes: config.reportCacheBytes, sizeOf: (a) => Buffer.byteLength(a.body) });

export const reportCacheProvider: Provider = {
  provide: REPORT_CACHE,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => (config.reportCacheBytes > 0 ? answerCache(config) : null),
};

/** Kept answers of `fromLog` routes and the log's generation they stand for. */
export interface LogAnswers {
  cache: ReportCache<CachedAnswer>;
  generation: () => bigint;
}

/** Only a store that marks its writes (SQLite, whoever writes) can tell cheaply that the log stood still; others compute every answer. */
export const logAnswersProvider: Provider = {
  provide: LOG_ANSWERS,
  inject: [LEDGER_CONFIG, EVENT_STORE],
  useFactory: (config: LedgerConfig, store: EventStore): LogAnswers | null =>
    config.reportCacheBytes > 0 && marksWrites(store) ? { cache: answerCache(config), generation: generationOf(() => store.writeMark()) } : null,
};

/** Prometheus lines of the caches: hits, misses, what they hold (nothing for a cache that is off). */
export function reportCacheMetrics(reports: ReportCache<CachedAnswer> | null, log: LogAnswers | null): string[] {
  return [...cacheLines('ledger_report_cache', 'Report requests', reports), ...cacheLines('ledger_log_answer_cache', 'Certificate and history requests', log?.cache ?? null)];
}

function cacheLines(name: string, requests: string, cache: ReportCache<CachedAnswer> | null): string[] {
  if (!cache) return [];
  const s = cache.stats();
  return [
    `# HELP ${name}_hits_total ${requests} answered from the cache.`,
    `# TYPE ${name}_hits_total counter`,
    `${name}_hits_total ${s.hits}`,
    `# HELP ${name}_misses_total ${requests} computed (once per key and checkpoint).`,
    `# TYPE ${name}_misses_total counter`,
    `${name}_misses_total ${s.misses}`,
    `# HELP ${name}_bytes Size of the kept answers.`,
    `# TYPE ${name}_bytes gauge`,
    `${name}_bytes ${s.bytes}`,
  ];
}

const POSITION = /^\d{1,18}$/;

/**
 * The cache key of a request, or undefined when it is not to be cached (an export, a malformed
 * minPosition the route itself will refuse). Runs after the guards: the caller is authenticated and
 * allowed. `minPosition` is left out: it is waited for before the lookup, and the checkpoint then
 * stands for it. The caller's role and board are in: whatever a report ever restricts by caller,
 * an officer of one board never gets an answer made for another.
 */
function cacheKey(request: Request, today: string, templates: string): { key: string; minPosition?: bigint } | undefined {
  const { format, minPosition } = request.query;
  if (request.method !== 'GET' || (format !== undefined && format !== 'json')) return undefined;
  if (minPosition !== undefined && (typeof minPosition !== 'string' || !POSITION.test(minPosition))) return undefined;
  const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
  query.delete('minPosition');
  query.sort();
  const user = (request as Request & { user?: Actor }).user;
  const key = JSON.stringify([request.path, query.toString(), user?.role ?? null, user?.boardId ?? null, today, templates]);
  return { key, ...(minPosition !== undefined ? { minPosition: BigInt(minPosition) } : {}) };
}

/**
 * The narrative templates' names, sizes and modification times: worded reports read these board-editable
 * files on every request, so an edited template is a new key, not a stale answer.
 */
function templatesSignature(dir: string): string {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const { size, mtimeMs } = statSync(join(dir, entry.name));
        return `${entry.name}:${size}:${mtimeMs}`;
      })
      .join('|');
  } catch {
    return 'unreadable'; // the report itself then answers NARRATIVE_TEMPLATE_INVALID
  }
}

/** Kept answers and the checkpoint they stand for. */
interface Basis {
  cache: ReportCache<CachedAnswer>;
  checkpoint: () => bigint;
}

/**
 * Answers `@CachedReport()` routes from a cache while what they read stands still: the read models'
 * checkpoint, or for `fromLog` routes the log's generation.
 */
@Injectable()
export class ReportCacheInterceptor implements NestInterceptor {
  private readonly readModels: Basis | null;
  private readonly log: Basis | null;

  constructor(
    private readonly reflector: Reflector,
    @Inject(REPORT_CACHE) cache: ReportCache<CachedAnswer> | null,
    @Inject(LOG_ANSWERS) log: LogAnswers | null,
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadModelRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.readModels = cache && { cache, checkpoint: () => runner.checkpoint() };
    this.log = log && { cache: log.cache, checkpoint: log.generation };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<CachedReportOptions | undefined>(CACHED_REPORT, context.getHandler());
    const basis = options?.fromLog ? this.log : this.readModels;
    if (!basis || context.getType() !== 'http' || !options) return next.handle();
    const http = context.switchToHttp();
    const [request, response] = [http.getRequest<Request>(), http.getResponse<Response>()];
    // Only worded answers pay for listing the templates' files on every request.
    const cacheable = cacheKey(request, vietnamDateOf(this.clock()), options.worded ? templatesSignature(narrativeDir()) : '');
    if (!cacheable) return next.handle();
    const { key } = cacheable;
    // The log is read as it is now: a position to wait for concerns only the read models.
    const minPosition = options.fromLog ? undefined : cacheable.minPosition;
    // Without a wait the lookup runs at once: a kept answer is sent in the same tick.
    const kept = minPosition === undefined ? basis.cache.get(key, basis.checkpoint()) : undefined;
    if (kept) return of(send(response, kept));
    return from(this.answer(basis, key, minPosition, request, response, next)).pipe(map((answer) => send(response, answer)));
  }

  private async answer(basis: Basis, key: string, minPosition: bigint | undefined, request: Request, response: Response, next: CallHandler): Promise<CachedAnswer> {
    if (minPosition !== undefined) await this.runner.waitFor(minPosition, this.config.readYourWritesTimeoutMs);
    // Read before the report runs: the report then sees this checkpoint or a later one, never an earlier one.
    return basis.cache.through(key, basis.checkpoint(), async () => {
      const body = JSON.stringify(await lastValueFrom(next.handle()));
      const set = response.getHeader('ETag');
      const etagOf = request.app.get('etag fn') as ((body: string, encoding: string) => string) | undefined;
      const etag = typeof set === 'string' ? set : etagOf?.(body, 'utf8');
      return { body, ...(etag ? { etag } : {}) };
    });
  }
}

/** What express's res.json would send for the report: the same text, content type and ETag (so If-None-Match still answers 304). */
function send(response: Response, answer: CachedAnswer): string {
  response.type('application/json');
  if (answer.etag) response.setHeader('ETag', answer.etag);
  return answer.body;
}
