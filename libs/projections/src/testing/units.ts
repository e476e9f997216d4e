import type { Units } from '@ledger/reporting';

/** Reference data for specs over the fixtures' one board (BQL-BG) and one region. */
export const oneBoardUnits: Units = {
  boardsInRegion: () => ['BQL-BG'],
  boardsInProvince: () => ['BQL-BG'],
  provinceOfBoard: () => 'BG',
  regionOfBoard: () => 'R',
  boardOn: (b) => b,
  predecessorsOf: () => [],
};
