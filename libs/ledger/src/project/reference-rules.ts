import { RuleCode, applyCorrections, evolve, initialProjectState, rule, type LegalDate, type ProjectEvent, type ProjectState } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';

/**
 * Rules the pure decider cannot know, checked on each act's own legal date: the issuing board must
 * exist then, and a zone must be held, on that date, by the board holding the project on that date.
 */
export function checkActsOnTheirDates(reference: ReferenceData, events: readonly ProjectEvent[], before: ProjectState): void {
  let state = before;
  for (const event of events) {
    if (event.type === 'CertificateIssued') {
      requireBoardInForce(reference, event.data.boardId, event.data.issuedOn);
      requireZoneOfBoard(reference, event.data.zoneId, event.data.boardId, event.data.issuedOn);
    } else if (event.type === 'CertificateAdjusted' && event.data.changes.zoneId !== undefined && state.boardId !== undefined) {
      requireZoneOfBoard(reference, event.data.changes.zoneId, state.boardId, event.data.effectiveOn);
    }
    state = evolve(state, event);
  }
}

/** A correction must leave a history every act of which passes the same rules (DESIGN §3, issue 13). */
export function checkCorrectedHistory(reference: ReferenceData, history: readonly ProjectEvent[]): void {
  checkActsOnTheirDates(reference, applyCorrections(history), initialProjectState);
}

function requireBoardInForce(reference: ReferenceData, boardId: string, date: LegalDate): void {
  const board = reference.board(boardId);
  rule(board !== undefined, RuleCode.BOARD_UNKNOWN, `unknown board ${boardId}: it is not in the reference data (config/reference-data/boards.json)`, { boardId });
  rule(
    board.validFrom <= date && (board.validTo === null || date <= board.validTo),
    RuleCode.BOARD_NOT_IN_FORCE,
    `board ${boardId} existed from ${board.validFrom}${board.validTo ? ` to ${board.validTo}` : ''}, not on ${date}`,
    { boardId, validFrom: board.validFrom, validTo: board.validTo ?? '', date },
  );
}

function requireZoneOfBoard(reference: ReferenceData, zoneId: string, issuingBoardId: string, date: LegalDate): void {
  const zone = reference.zone(zoneId);
  rule(zone !== undefined, RuleCode.ZONE_UNKNOWN, `zone ${zoneId} is not in the reference data (config/reference-data/zones.json)`, { zoneId });
  const zoneHolder = reference.successorBoardOn(zone.boardId, date);
  const projectHolder = reference.successorBoardOn(issuingBoardId, date);
  rule(zoneHolder === projectHolder, RuleCode.ZONE_NOT_IN_BOARD, `zone ${zoneId} is under board ${zoneHolder} on ${date}, not ${projectHolder}`, { zoneId, zoneBoardId: zoneHolder, boardId: projectHolder, date });
}
