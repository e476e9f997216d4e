import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { toPlainRecorded, verifyChain, type EventStore } from '@ledger/event-store';
import { Roles } from '../auth/roles';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { EVENT_STORE } from '../store/store.providers';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,18}$/.test(value) ? Number(value) : value);

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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('verify')
  @ApiOperation({ summary: 'Walk the whole log and report OK with the head hash, or the first position that does not match' })
  async verify() {
    const result = await verifyChain(this.store);
    return result.ok
      ? { ok: true, events: result.events.toString(), headPosition: result.headPosition.toString(), headHash: result.headHash }
      : { ok: false, events: result.events.toString(), position: result.position.toString(), problem: result.problem, detail: result.detail };
  }

  @Get('log')
  @ApiOperation({ summary: 'Page through the global log, filtered by recording time, person (actor= subject or display name) and board' })
  async log(@Query() q: AuditLogQueryDto) {
    const limit = q.limit ?? 100;
    const items: ReturnType<typeof toPlainRecorded>[] = [];
    let cursor = BigInt(q.after ?? '0');
    // Filters are applied while paging so a page is always `limit` matches (or the end of the log).
    while (items.length < limit) {
      const page = await this.store.readPage(cursor, 1000);
      for (const e of page) {
        cursor = e.position;
        if (q.from && e.recordedAt < new Date(q.from).toISOString()) continue;
        if (q.to && e.recordedAt > new Date(q.to).toISOString()) continue;
        if (q.actor && e.metadata.actor !== q.actor && e.metadata.actorName !== q.actor) continue;
        if (q.boardId && e.metadata.boardId !== q.boardId) continue;
        items.push(toPlainRecorded(e));
        if (items.length === limit) break;
      }
      if (page.length < 1000) break;
    }
    const last = items[items.length - 1];
    return { items, next: items.length === limit && last ? `?after=${last.position}` : null };
  }
}
