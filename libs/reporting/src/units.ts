import type { ReferenceData } from '@ledger/reference-data';
import type { Units } from './filters';

/** Report grouping over the reference data in config/: board → province → region, successions. */
export function unitsOf(ref: ReferenceData): Units {
  return {
    boardsInRegion: (regionId) => ref.boardsInRegion(regionId),
    boardsInProvince: (provinceId) => ref.boardsOfProvince(provinceId),
    provinceOfBoard: (boardId) => ref.provinceOfBoard(boardId)?.id,
    regionOfBoard: (boardId, on) => ref.regionOfBoard(boardId, on)?.id,
    boardOn: (boardId, date) => ref.successorBoardOn(boardId, date),
    predecessorsOf: (boardId) => ref.predecessorsOf(boardId),
  };
}
