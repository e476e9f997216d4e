import type { Provider } from '@nestjs/common';
import type { Units } from '@ledger/reporting';
import { ReferenceData } from '@ledger/reference-data';

export const REFERENCE_DATA = Symbol('REFERENCE_DATA');
export const UNITS = Symbol('UNITS');

export const referenceDataProvider: Provider = { provide: REFERENCE_DATA, useFactory: () => ReferenceData.load() };

/** Report grouping over the reference data: board → province → region. */
export const unitsProvider: Provider = {
  provide: UNITS,
  inject: [REFERENCE_DATA],
  useFactory: (ref: ReferenceData): Units => ({
    boardsInRegion: (regionId) => ref.boardsInRegion(regionId),
    boardsInProvince: (provinceId) => ref.boardsOfProvince(provinceId),
    provinceOfBoard: (boardId) => ref.provinceOfBoard(boardId)?.id,
    regionOfBoard: (boardId, on) => ref.regionOfBoard(boardId, on)?.id,
    boardOn: (boardId, date) => ref.successorBoardOn(boardId, date),
    predecessorsOf: (boardId) => ref.predecessorsOf(boardId),
  }),
};
