import { ReferenceData } from './reference-data';
import { ReferenceDataError, type ReferenceDataSet } from './types';

describe('reference data', () => {
  const real = ReferenceData.load();
  const copy = (): ReferenceDataSet => JSON.parse(JSON.stringify(real.data));

  it('loads the files in config/ with a version derived from their content', () => {
    expect(real.version).toMatch(/^2025\.07-1\+[0-9a-f]{8}$/);
    expect(real.zone('KCN-QUANG-CHAU')?.boardId).toBe('BQL-BG');
    expect(real.boardsInRegion('RRD')).toHaveLength(11);
    expect(real.provinceOfBoard('BQL-HB')?.nameVi).toBe('Hòa Bình');
  });

  it('follows board succession across the 1 July 2025 merger', () => {
    expect(real.successorBoardOn('BQL-HB', '2025-06-30')).toBe('BQL-HB');
    expect(real.successorBoardOn('BQL-HB', '2026-01-01')).toBe('BQL-PT-2025');
    expect(real.successorBoardOn('BQL-BG', '2026-01-01')).toBe('BQL-BN-2025');
    expect(real.predecessorsOf('BQL-PT-2025').sort()).toEqual(['BQL-HB', 'BQL-PT', 'BQL-VP']);
  });

  it.each([
    ['a zone of an unknown board', (d: ReferenceDataSet) => (d.zones[0].boardId = 'BQL-XX'), /zones.json: KCN-THANG-LONG: board BQL-XX is unknown/],
    ['a duplicate id', (d: ReferenceDataSet) => d.zones.push({ ...d.zones[0] }), /zones.json: KCN-THANG-LONG: duplicate id/],
    ['a dangling successor', (d: ReferenceDataSet) => (d.boards[0].successorId = 'BQL-NOWHERE'), /boards.json: BQL-HN: successor BQL-NOWHERE is not a board/],
    ['an interval ending before it starts', (d: ReferenceDataSet) => (d.provinces[0].validTo = '1800-01-01'), /provinces.json: HN: validTo 1800-01-01 is before validFrom/],
    ['a successor overlapping its predecessor', (d: ReferenceDataSet) => (d.boards.find((b) => b.id === 'BQL-PT-2025')!.validFrom = '2025-01-01'), /boards.json: BQL-VP: successor BQL-PT-2025 starts on 2025-01-01/],
    ['an invalid date', (d: ReferenceDataSet) => (d.boards[1].validFrom = '2025-02-30'), /boards.json: BQL-HP: validFrom must be a date/],
    ['a region member that is not a province', (d: ReferenceDataSet) => d.regions[0].provinceIds.push('ZZ'), /regions.json: RRD: member ZZ is not a province/],
  ])('refuses %s with one clear line', (_name, breakIt, message) => {
    const data = copy();
    breakIt(data);
    expect(() => ReferenceData.fromData(data)).toThrow(ReferenceDataError);
    expect(() => ReferenceData.fromData(data)).toThrow(message);
  });
});
