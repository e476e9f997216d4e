import { RuleCode, RuleViolation, decideGrant, decideRevoke, type GrantUser, type LegalDate, type RevokeUser, type UserState } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { Actor } from '../actor';
import type { CommandContext } from '../context';
import { AuthorityCode, AuthorityError } from '../errors';
import { handleCommand, type CommandOutcome, type WriteDeps } from '../handle-command';
import { userAggregate, userStreamOf } from './user-aggregate';

export interface UserWriteDeps extends WriteDeps {
  reference: ReferenceData;
}

export type GrantInput = Omit<GrantUser, 'grantedBy'>;
export type RevokeInput = Omit<RevokeUser, 'revokedBy'>;

/** Only admin manages the directory, whoever calls the library (API, CLI). */
function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AuthorityError(AuthorityCode.ROLE_NOT_ALLOWED, `only admin manages the user directory (you are ${actor.role})`, { role: actor.role });
}

/** An officer's board must exist and still be in force when the grant starts (a successor's officers start on its first day). */
function checkBoard(reference: ReferenceData, boardId: string | undefined, validFrom: LegalDate): void {
  if (!boardId) return;
  const board = reference.board(boardId);
  if (!board) throw new RuleViolation(RuleCode.BOARD_UNKNOWN, `unknown board ${boardId}: it is not in the reference data (config/reference-data/boards.json)`, { boardId });
  if (board.validTo !== null && board.validTo < validFrom) {
    throw new RuleViolation(RuleCode.BOARD_NOT_IN_FORCE, `board ${boardId} ended on ${board.validTo}, before the grant would start (${validFrom})`, { boardId, validTo: board.validTo });
  }
}

export function grantUser(deps: UserWriteDeps, input: GrantInput, context: CommandContext): Promise<CommandOutcome<UserState>> {
  return handleCommand(deps, userAggregate, {
    streamId: userStreamOf(input.sub),
    name: 'GrantUser',
    payload: input,
    authorize: () => {
      requireAdmin(context.actor);
      checkBoard(deps.reference, input.boardId, input.validFrom);
    },
    decide: () => ({ events: decideGrant({ ...input, grantedBy: context.actor.id }) }),
  }, context);
}

export function revokeUser(deps: UserWriteDeps, input: RevokeInput, context: CommandContext): Promise<CommandOutcome<UserState>> {
  return handleCommand(deps, userAggregate, {
    streamId: userStreamOf(input.sub),
    name: 'RevokeUser',
    payload: input,
    authorize: () => requireAdmin(context.actor),
    decide: (state, _authority, today) => ({ events: decideRevoke({ ...input, revokedBy: context.actor.id }, state, today) }),
  }, context);
}
