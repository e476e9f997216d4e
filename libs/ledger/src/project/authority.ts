import { RuleCode, RuleViolation, type LegalDate } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { Actor } from '../actor';
import { AuthorityCode, AuthorityError } from '../errors';

/**
 * Who may act on a project *today*: a project belongs to its issuing board until a succession moves
 * it; from then on the successor holds it. Officers act only for their own, existing board on the
 * projects it holds; other write roles (admin) act for the holder. Returns the board acting.
 */
/** What is acted on, named in both languages for the refusal ("project 2101234567" / "Dự án 2101234567"). */
export interface Subject {
  en: string;
  vi: string;
}

export function actingBoardOf(reference: ReferenceData, issuingBoardId: string, subject: Subject, actor: Actor, today: LegalDate): string {
  if (!reference.board(issuingBoardId)) throw new RuleViolation(RuleCode.BOARD_UNKNOWN, `unknown board ${issuingBoardId}: it is not in the reference data (config/reference-data/boards.json)`, { boardId: issuingBoardId });
  const holder = reference.successorBoardOn(issuingBoardId, today);
  if (actor.role !== 'officer') return holder;
  const own = actor.boardId === undefined ? undefined : reference.board(actor.boardId);
  if (!own) throw new AuthorityError(AuthorityCode.ACTOR_BOARD_UNKNOWN, `your sign-in acts for board ${actor.boardId ?? '(none)'}, which is not in the reference data`, { boardId: holder, ownBoardId: actor.boardId ?? '' });
  if (own.validTo !== null && own.validTo < today) {
    throw new AuthorityError(AuthorityCode.BOARD_DISSOLVED, `board ${own.id} ended on ${own.validTo}; ${subject.en} is now held by ${holder}`, { boardId: holder, ownBoardId: own.id, validTo: own.validTo, subject: subject.vi });
  }
  if (own.id !== holder) throw new AuthorityError(AuthorityCode.OUTSIDE_JURISDICTION, `${subject.en} is held by board ${holder}; you act for ${own.id}`, { boardId: holder, ownBoardId: own.id, subject: subject.vi });
  return holder;
}
