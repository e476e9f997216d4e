import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { toPlainRecorded, verifyChain, type EventStore, type VerifyResult } from '@ledger/event-store';
import { Roles } from '../auth/roles';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { type LedgerConfig } from '../config/ledger-config';
import type { ReadWorkerPool } from '../read-workers/read-worker-pool';
import { toInt } from '../http/query-transforms';
import { anchorStatus } from './anchor-status';
import { EVENT_STORE, LEDGER_CONFIG, READ_WORKERS } from '../tokens';


export class AuditLogQueryDto {
  @IsOptional() @IsString() @Matches(/^\d{1,18}$/, { message: '$property must be a global position' }) after?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  /** A person: the issuer's subject or the display name the directory records. */
  @IsOptional() @IsString() @Matches(/^.{1,200}$/) actor?: string;
  @IsOptional() @IsString() @Matches(ID_PATTERN) boardId?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) limit?: number;
}

/** For auditors and inspectors: verify the chain and page through the global log. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(READ_WORKERS) private readonly workers: ReadWorkerPool,
  ) {}

  @Get('verify')
  @ApiOperation({ summary: 'Walk the whole log and check it against the newest anchor: OK with the head hash, or the first position (or the anchor) that does not match' })
  async verify() {
    // A SQLite log is walked on a read worker (34 s at 1.5M events); other stores are read over the network anyway.
    const result = this.workers.canVerify ? await this.workers.run<VerifyResult>({ kind: 'verify' }) : await verifyChain(this.store);
    if (!result.ok) return { ok: false, events: result.events.toString(), position: result.position.toString(), problem: result.problem, detail: result.detail };
    const anchor = await anchorStatus(this.store, this.config, new Date());
    return { ok: anchor.ok, events: result.events.toString(), headPosition: result.headPosition.toString(), headHash: result.headHash, anchor };
  }

  @Get('log')
  @ApiOperation({ summary: 'Page through the global log, filtered by recording time, person (actor= subject or display name) and board; `next` keeps the filters' })
  async log(@Query() q: AuditLogQueryDto) {
    const limit = q.limit ?? 100;
    const items: ReturnType<typeof toPlainRecorded>[] = [];
    let cursor = BigInt(q.after ?? '0');
    // Filters are applied while paging so a page is always `limit` matches (or the end of the log).
    // A filter matching nothing scans the whole log: it goes page by page, giving the thread back between pages.
    while (items.length < limit) {
      const page = await this.store.readPage(cursor, SCAN_PAGE);
      for (const e of page) {
        cursor = e.position;
        if (q.from && e.recordedAt < new Date(q.from).toISOString()) continue;
        if (q.to && e.recordedAt > new Date(q.to).toISOString()) continue;
        if (q.actor && e.metadata.actor !== q.actor && e.metadata.actorName !== q.actor) continue;
        if (q.boardId && e.metadata.boardId !== q.boardId) continue;
        items.push(toPlainRecorded(e));
        if (items.length === limit) break;
      }
      if (page.length < SCAN_PAGE) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const last = items[items.length - 1];
    return { items, next: items.length === limit && last ? nextLink(q, last.position) : null };
  }
}

const SCAN_PAGE = 1000;

/** The query of the following page: every filter of this one, after its last item. */
function nextLink(q: AuditLogQueryDto, lastPosition: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (key !== 'after' && value !== undefined) params.set(key, String(value));
  params.set('after', lastPosition);
  return `?${params.toString()}`;
}
