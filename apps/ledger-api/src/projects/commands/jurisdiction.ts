import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { RuleCode, RuleViolation } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { Actor } from '../../auth/roles';
import { problem } from '../../http/problem';
import { REFERENCE_DATA } from '../../reports/units.provider';

/**
 * Who may act on a project, from the reference data the pure decider cannot know: a project belongs
 * to its issuing board until a succession moves it; from then on the successor board holds it.
 */
@Injectable()
export class Jurisdiction {
  constructor(@Inject(REFERENCE_DATA) private readonly reference: ReferenceData) {}

  /** The board holding a project issued by `issuingBoardId` on `date`. */
  holderOn(issuingBoardId: string, date: string): string {
    return this.reference.successorBoardOn(issuingBoardId, date);
  }

  /** Officers act only for their own, still existing board, on projects that board holds today. */
  requireOfficerMayAct(actor: Actor, holderBoardId: string, projectCode: string, today: string): void {
    if (actor.role !== 'officer') return;
    const own = actor.boardId ? this.reference.board(actor.boardId) : undefined;
    if (own?.validTo && own.validTo < today) {
      throw new ForbiddenException(
        problem(403, 'BOARD_DISSOLVED', 'Your board no longer exists', `board ${own.id} ended on ${own.validTo}; project ${projectCode} is now held by ${holderBoardId}`, { boardId: holderBoardId }),
      );
    }
    if (actor.boardId !== holderBoardId) {
      throw new ForbiddenException(
        problem(403, 'OUTSIDE_JURISDICTION', 'Outside your board', `project ${projectCode} is held by board ${holderBoardId}; your token acts for ${actor.boardId}`, { boardId: holderBoardId }),
      );
    }
  }

  /** A zone must exist and be held, on the act's date, by the board recording the act. */
  requireZoneOfBoard(zoneId: string, boardId: string, date: string): void {
    const zone = this.reference.zone(zoneId);
    if (!zone) throw new RuleViolation(RuleCode.ZONE_UNKNOWN, `zone ${zoneId} is not in the reference data (config/reference-data/zones.json)`);
    const holder = this.reference.successorBoardOn(zone.boardId, date);
    if (holder !== boardId) throw new RuleViolation(RuleCode.ZONE_NOT_IN_BOARD, `zone ${zoneId} is under board ${holder} on ${date}, not ${boardId}`);
  }

  get version(): string {
    return this.reference.version;
  }
}
