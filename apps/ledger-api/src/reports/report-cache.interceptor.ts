import { Inject, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor, type Provider } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, of, type Observable } from 'rxjs';
import { vietnamDateOf } from '@ledger/domain';
import type { ProjectionRunner } from '@ledger/projections';
import { ReportCache } from '@ledger/reporting';
import type { Actor } from '../auth/roles';
import type { LedgerConfig } from '../config/ledger-config';
import type { Clock } from '../store/store.providers';
import { narrativeDir } from './narrative/narrative';
import { CLOCK, LEDGER_CONFIG, PROJECTION_RUNNER, REPORT_CACHE } from '../tokens';

const CACHED_REPORT = 'ledger:cached-report';

interface CachedReportOptions {
  /** The answer carries a narrative worded from config/narrative: the templates' files are then part of the key. */
  worded?: boolean;
}

/**
 * Marks a GET route whose JSON answer is a pure function of its query, the caller's scope, today's
 * date and the read models: its answers are kept until the read models' checkpoint moves.
 */
export const CachedReport = (options: CachedReportOptions = {}) => SetMetadata(CACHED_REPORT, options);

/** A kept JSON answer as sent: its text and its ETag. */
export interface CachedAnswer {
  body: string;
  etag?: string;
}

export const reportCacheProvider: Provider = {
  provide: REPORT_CACHE,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => (config.reportCacheBytes > 0 ? new ReportCache<CachedAnswer>({ maxBytes: config.reportCacheBytes, sizeOf: (a) => Buffer.byteLength(a.body) }) : null),
};

/** Prometheus lines of the cache: hits, misses, what it holds (nothing when it is off). */
export function reportCacheMetrics(cache: ReportCache<CachedAnswer> | null): string[] {
  if (!cache) return [];
  const s = cache.stats();
  return [
    '# HELP ledger_report_cache_hits_total Report requests answered from the cache.',
    '# TYPE ledger_report_cache_hits_total counter',
    `ledger_report_cache_hits_total ${s.hits}`,
    '# HELP ledger_report_cache_misses_total Report answers computed (once per key and checkpoint).',
    '# TYPE ledger_report_cache_misses_total counter',
    `ledger_report_cache_misses_total ${s.misses}`,
    '# HELP ledger_report_cache_bytes Size of the kept answers.',
    '# TYPE ledger_report_cache_bytes gauge',
    `ledger_report_cache_bytes ${s.bytes}`,
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

/** Answers `@CachedReport()` routes from the report cache while the read models' checkpoint stands still. */
@Injectable()
export class ReportCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REPORT_CACHE) private readonly cache: ReportCache<CachedAnswer> | null,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<CachedReportOptions | undefined>(CACHED_REPORT, context.getHandler());
    if (!this.cache || context.getType() !== 'http' || !options) return next.handle();
    const http = context.switchToHttp();
    const [request, response] = [http.getRequest<Request>(), http.getResponse<Response>()];
    // Only worded answers pay for listing the templates' files on every request.
    const cacheable = cacheKey(request, vietnamDateOf(this.clock()), options.worded ? templatesSignature(narrativeDir()) : '');
    if (!cacheable) return next.handle();
    const { key, minPosition } = cacheable;
    // Without a wait the lookup runs at once: a kept answer is sent in the same tick.
    const kept = minPosition === undefined ? this.cache.get(key, this.runner.checkpoint()) : undefined;
    if (kept) return of(send(response, kept));
    return from(this.answer(key, minPosition, request, next)).pipe(map((answer) => send(response, answer)));
  }

  private async answer(key: string, minPosition: bigint | undefined, request: Request, next: CallHandler): Promise<CachedAnswer> {
    if (minPosition !== undefined) await this.runner.waitFor(minPosition, this.config.readYourWritesTimeoutMs);
    // Read before the report runs: the report then sees this checkpoint or a later one, never an earlier one.
    return (this.cache as ReportCache<CachedAnswer>).through(key, this.runner.checkpoint(), async () => {
      const body = JSON.stringify(await lastValueFrom(next.handle()));
      const etagOf = request.app.get('etag fn') as ((body: string, encoding: string) => string) | undefined;
      return { body, ...(etagOf ? { etag: etagOf(body, 'utf8') } : {}) };
    });
  }
}

/** What express's res.json would send for the report: the same text, content type and ETag (so If-None-Match still answers 304). */
function send(response: Response, answer: CachedAnswer): string {
  response.type('application/json');
  if (answer.etag) response.setHeader('ETag', answer.etag);
  return answer.body;
}
