import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RuleCode, RuleViolation, rightsOn, vietnamDateOf, type LegalDate, type UserState } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { grantUser, revokeUser, userStreamOf, type CommandOutcome, type UserDirectory, type UserWriteDeps } from '@ledger/ledger';
import { Roles } from '../auth/roles';
import { requestContextOf } from '../http/request-context';
import { type Clock } from '../store/store.providers';
import { GrantUserDto, RevokeUserDto, UserAsOfDto } from './users.dto';
import { CLOCK, EVENT_STORE, USER_DIRECTORY, WRITE_DEPS } from '../tokens';

/** A person's entry: every grant and revocation as recorded, and what they amount to on the date asked. */
function entryView(state: UserState, asOf: LegalDate) {
  const rights = rightsOn(state, asOf);
  const current = rights.status === 'granted' ? { role: rights.grant.role, ...(rights.grant.boardId ? { boardId: rights.grant.boardId } : {}), displayName: rights.grant.displayName } : {};
  return { sub: state.sub, displayName: state.grants[state.grants.length - 1]?.displayName, asOf, status: rights.status, ...current, grants: state.grants, revocations: state.revocations };
}

/** The deployment's user directory: who may act, with which role, for which board, over which dates. Admin only. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    @Inject(WRITE_DEPS) private readonly deps: UserWriteDeps,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private answer(outcome: CommandOutcome<UserState>, command: string, res: Response) {
    res.locals.ledger = { command, stream: outcome.streamId, position: outcome.position.toString() };
    res.status(outcome.replayed || outcome.dryRun ? 200 : 201);
    return { ...entryView(outcome.state, vietnamDateOf(this.clock())), events: outcome.events, streamVersion: Number(outcome.streamVersion), position: outcome.position.toString(), replayed: outcome.replayed, ...(outcome.dryRun ? { dryRun: true } : {}) };
  }

  @Post()
  @ApiOperation({ summary: 'Grant a person a role (officers: for one board) from a date, optionally until a date' })
  async grant(@Body() dto: GrantUserDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const outcome = await grantUser(this.deps, JSON.parse(JSON.stringify(dto)), requestContextOf(req, this.clock()));
    return this.answer(outcome, 'GrantUser', res);
  }

  @Post(':sub/revocation')
  @ApiOperation({ summary: "Revoke a person's rights from a date (today or later)" })
  async revoke(@Param('sub') sub: string, @Body() dto: RevokeUserDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const outcome = await revokeUser(this.deps, { sub, effectiveOn: dto.effectiveOn, reason: dto.reason }, requestContextOf(req, this.clock()));
    return this.answer(outcome, 'RevokeUser', res);
  }

  @Get()
  @ApiOperation({ summary: 'Everyone in the directory with their rights on a date (default today)' })
  async list(@Query() q: UserAsOfDto) {
    await this.directory.catchUp(this.store);
    const asOf = q.asOf ?? vietnamDateOf(this.clock());
    return { asOf, items: this.directory.all().map((state) => entryView(state, asOf)) };
  }

  @Get(':sub')
  @ApiOperation({ summary: "One person's grants and revocations, and their rights on a date (default today)" })
  async one(@Param('sub') sub: string, @Query() q: UserAsOfDto) {
    await this.directory.catchUp(this.store);
    const state = this.directory.entry(sub);
    if (!state) throw new RuleViolation(RuleCode.USER_NOT_FOUND, `${sub} is not in the user directory (stream ${userStreamOf(sub)} is empty)`, { sub });
    return entryView(state, q.asOf ?? vietnamDateOf(this.clock()));
  }
}
