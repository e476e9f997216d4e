import type { ReferenceData } from '@ledger/reference-data';
import type { Actor } from './actor';
import { AuthorityCode, AuthorityError } from './errors';

/**
 * Records a board keeps of its own (plans, zones) are kept by that board until a succession moves
 * them, then by its successor: an officer acts for the holder today; other write roles for anyone.
 * Returns the holding board, or undefined for a board the reference data does not know (the decider names it).
 */
export function boardHolderFor(reference: ReferenceData, boardId: string | undefined, what: string, actor: Actor, today: string): string | undefined {
  if (boardId === undefined || !reference.board(boardId)) return undefined;
  const holder = reference.successorBoardOn(boardId, today);
  if (actor.role === 'officer' && actor.boardId !== holder) throw new AuthorityError(AuthorityCode.OUTSIDE_JURISDICTION, `${what} is kept by board ${holder}; you act for ${actor.boardId ?? '(none)'}`, { boardId: holder });
  return holder;
}
