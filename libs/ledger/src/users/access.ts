import { rightsOn, type LegalDate, type UserState } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { Actor, Role } from '../actor';
import { AuthorityCode, AuthorityError } from '../errors';

/** A verified sign-in: the issuer's subject, the name it gives, and role claims only where configuration trusts them. */
export interface Identity {
  sub: string;
  name?: string;
  claimed?: { role: Role; boardId?: string };
}

/** Officers act only while their board exists: a dissolved board's officers stop on its last day, a successor's start on its first. */
function checkBoardToday(reference: ReferenceData, sub: string, boardId: string | undefined, today: LegalDate): void {
  const board = boardId === undefined ? undefined : reference.board(boardId);
  if (!board) throw new AuthorityError(AuthorityCode.ACTOR_BOARD_UNKNOWN, `${sub} is an officer of board ${boardId ?? '(none)'}, which is not in the reference data`, { sub, boardId: boardId ?? '' });
  if (board.validFrom > today) throw new AuthorityError(AuthorityCode.USER_BOARD_NOT_STARTED, `board ${board.id} starts on ${board.validFrom}; its officers act from that day`, { sub, boardId: board.id, validFrom: board.validFrom });
  if (board.validTo !== null && board.validTo < today) {
    const successor = reference.successorBoardOn(board.id, today);
    throw new AuthorityError(AuthorityCode.USER_BOARD_ENDED, `board ${board.id} ended on ${board.validTo}; its officers need a grant for ${successor}`, { sub, boardId: board.id, validTo: board.validTo, successorId: successor });
  }
}

/**
 * Who the person is in the ledger today. The directory wins when it has an entry for the subject
 * (a revoked person stays refused whatever the token claims); claims are used only for people the
 * directory has never heard of, and only where the deployment trusts them.
 */
export function actorOf(identity: Identity, entry: UserState | undefined, reference: ReferenceData, today: LegalDate): Actor {
  const rights = rightsOn(entry, today);
  const { sub } = identity;
  switch (rights.status) {
    case 'unknown': {
      if (!identity.claimed) throw new AuthorityError(AuthorityCode.USER_UNKNOWN, `${sub} is not in the user directory; an admin grants access with POST /api/v1/users or \`ledger-cli users grant\``, { sub });
      // Claimed officers of a dissolved board may still read; the write path refuses their acts (BOARD_DISSOLVED).
      const { role, boardId } = identity.claimed;
      return { id: sub, role, ...(role === 'officer' && boardId ? { boardId } : {}), ...(identity.name ? { name: identity.name } : {}) };
    }
    case 'revoked':
      throw new AuthorityError(AuthorityCode.USER_REVOKED, `access of ${sub} was revoked from ${rights.revocation.effectiveOn} (${rights.revocation.reason})`, { sub, effectiveOn: rights.revocation.effectiveOn, reason: rights.revocation.reason });
    case 'not-in-force':
      throw new AuthorityError(AuthorityCode.USER_NOT_IN_FORCE, `${sub} holds no right on ${today}: ${rights.grants.map((g) => `${g.role} ${g.validFrom}..${g.validTo ?? 'open'}`).join(', ')}`, { sub, today });
    case 'granted': {
      const { grant } = rights;
      if (grant.role === 'officer') checkBoardToday(reference, sub, grant.boardId, today);
      return { id: sub, role: grant.role, ...(grant.boardId ? { boardId: grant.boardId } : {}), name: grant.displayName };
    }
  }
}
