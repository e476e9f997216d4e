import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReferenceData } from './reference-data';
import { ReferenceDataError, type ReferenceDataSet } from './types';

describe('reference data: the files in config/reference-data', () => {
  const real = ReferenceData.load();

  it('load with a version derived from version.json and the content', () => {
    expect(real.version).toMatch(/^2025\.07-1\+[0-9a-f]{8}$/);
    expect(ReferenceData.load('config/reference-data').version).toBe(real.version);
  });

  it('hold the 63 provinces before 1 July 2025 and the 34 after', () => {
    const on = (date: string) => real.data.provinces.filter((p) => p.validFrom <= date && (p.validTo === null || date <= p.validTo));
    expect(on('2016-12-31')).toHaveLength(63);
    expect(on('2025-06-30')).toHaveLength(63);
    expect(on('2025-07-01')).toHaveLength(34);
    expect(real.province('PT-2025')?.nameVi).toBe('Phú Thọ');
    expect(real.province('HB')).toMatchObject({ validTo: '2025-06-30', successorId: 'PT-2025' });
    expect(real.province('HN')).toMatchObject({ validTo: null, successorId: null });
  });

  it('have one board per province and period, and zones of their original board', () => {
    for (const p of real.data.provinces) expect(real.boardsOfProvince(p.id)).toEqual([`BQL-${p.id}`]);
    expect(real.zone('KCN-QUANG-CHAU')?.boardId).toBe('BQL-BG');
    expect(real.zone('KCN-NAM-DONG-HA')?.boardId).toBe('BQL-QT');
    expect(real.zonesOfBoard('BQL-BG').map((z) => z.id)).toEqual(expect.arrayContaining(['KCN-QUANG-CHAU', 'KCN-DINH-TRAM', 'KCN-SONG-KHE-NOI-HOANG', 'KCN-VAN-TRUNG']));
    expect(real.zonesOfBoard('BQL-BN-2025').map((z) => z.id)).toEqual(expect.arrayContaining(['KCN-QUANG-CHAU', 'KCN-VSIP-BAC-NINH']));
    for (const id of [...real.boardsInRegion('RRD'), ...real.boardsInRegion('NMM')]) expect(real.zonesOfBoard(id).length).toBeGreaterThanOrEqual(3);
    expect(real.provinceOfBoard('BQL-HB')?.nameVi).toBe('Hòa Bình');
  });

  it('group the 11 Red River Delta boards and the 14 northern midland boards in 2016', () => {
    const rrd = real.boardsInRegion('RRD', '2016-12-31');
    expect(rrd).toHaveLength(11);
    expect(rrd.sort()).toEqual(['BQL-BN', 'BQL-HD', 'BQL-HN', 'BQL-HNA', 'BQL-HP', 'BQL-HY', 'BQL-NB', 'BQL-ND', 'BQL-QN', 'BQL-TB', 'BQL-VP']);
    expect(real.boardsInRegion('RRD')).toHaveLength(11);
    expect(real.boardsInRegion('NMM', '2016-12-31')).toHaveLength(14);
    expect(real.boardsInRegion('RRD-2025').sort()).toEqual(['BQL-BN-2025', 'BQL-HN', 'BQL-HP-2025', 'BQL-HY-2025', 'BQL-NB-2025', 'BQL-QN']);
    expect(real.regionOfBoard('BQL-BG')?.id).toBe('NMM');
    expect(real.regionOfBoard('BQL-HN')?.id).toBe('RRD');
    expect(real.regionOfBoard('BQL-HN', '2026-01-01')?.id).toBe('RRD-2025');
    expect(real.region('RRD')?.provinceIds).toHaveLength(11);
    expect(real.boardsInRegion('NOWHERE')).toEqual([]);
  });

  it('follow board succession across the 1 July 2025 merger', () => {
    expect(real.successorBoardOn('BQL-HB', '2025-06-30')).toBe('BQL-HB');
    expect(real.successorBoardOn('BQL-HB', '2025-07-01')).toBe('BQL-PT-2025');
    expect(real.successorBoardOn('BQL-HB', '2026-01-01')).toBe('BQL-PT-2025');
    expect(real.successorBoardOn('BQL-BG', '2026-01-01')).toBe('BQL-BN-2025');
    expect(real.successorBoardOn('BQL-HN', '2026-01-01')).toBe('BQL-HN');
    expect(real.successorBoardOn('BQL-BD', '2026-01-01')).toBe('BQL-HCM-2025');
    expect(real.currentBoardOf('BQL-YB', '2026-11-24')).toBe('BQL-LC-2025');
    expect(real.currentBoardOf('BQL-QN')).toBe('BQL-QN');
    expect(real.predecessorsOf('BQL-PT-2025').sort()).toEqual(['BQL-HB', 'BQL-PT', 'BQL-VP']);
    expect(real.predecessorsOf('BQL-NB-2025').sort()).toEqual(['BQL-HNA', 'BQL-NB', 'BQL-ND']);
    expect(real.predecessorsOf('BQL-HN')).toEqual([]);
    expect(real.firstSuccessionDate()).toBe('2025-07-01');
  });
});

describe('reference data: validation', () => {
  const real = ReferenceData.load();
  const copy = (): ReferenceDataSet => JSON.parse(JSON.stringify(real.data));
  type Breaker = (d: ReferenceDataSet) => unknown;
  const board = (d: ReferenceDataSet, id: string) => d.boards.find((b) => b.id === id)!;
  const province = (d: ReferenceDataSet, id: string) => d.provinces.find((p) => p.id === id)!;
  const zone = (d: ReferenceDataSet, id: string) => d.zones.find((z) => z.id === id)!;

  it.each<[string, Breaker, RegExp]>([
    ['a missing field', (d) => delete (d.zones[0] as Partial<(typeof d.zones)[0]>).nameVi, /^config\/reference-data\/zones\.json: KCN-THANG-LONG: nameVi must be a non-empty string$/],
    ['an ill-typed field', (d) => ((zone(d, 'KCN-NOI-BAI') as unknown as Record<string, unknown>).industrialLandHa = 114), /zones\.json: KCN-NOI-BAI: industrialLandHa must be a decimal string/],
    ['a missing validTo', (d) => delete (province(d, 'HN') as Partial<ReturnType<typeof province>>).validTo, /provinces\.json: HN: validTo must be a date YYYY-MM-DD or null/],
    ['a bad id', (d) => (d.zones[0].id = 'kcn thang long'), /zones\.json: kcn thang long: id must be a string of capital letters/],
    ['a bad kind', (d) => ((d.zones[0] as unknown as Record<string, unknown>).kind = 'CCN'), /zones\.json: KCN-THANG-LONG: kind must be KCN, KCX or KKT/],
    ['a file that is not an array', (d) => ((d as unknown as Record<string, unknown>).regions = {}), /^config\/reference-data\/regions\.json: must be a JSON array of records$/],
    ['a duplicate zone id', (d) => d.zones.push({ ...d.zones[0] }), /zones\.json: KCN-THANG-LONG: duplicate id/],
    ['a duplicate board id', (d) => d.boards.push({ ...board(d, 'BQL-BG'), validFrom: '2030-01-01', validTo: null, successorId: null }), /boards\.json: BQL-BG: duplicate id/],
    ['an invalid date', (d) => (board(d, 'BQL-HP').validFrom = '2025-02-30'), /boards\.json: BQL-HP: validFrom must be a date YYYY-MM-DD, got "2025-02-30"/],
    ['validTo before validFrom', (d) => (province(d, 'HN').validTo = '1800-01-01'), /provinces\.json: HN: validTo 1800-01-01 is before validFrom 1900-01-01/],
    ['overlapping versions of a region', (d) => d.regions.push({ ...d.regions[0], validFrom: '2020-01-01', validTo: null }), /regions\.json: RRD: interval 2020-01-01\.\.open overlaps the interval 1900-01-01\.\.2025-06-30 of the same id/],
    ['a dangling province successor', (d) => (province(d, 'BG').successorId = 'XX'), /provinces\.json: BG: successor XX is not a province/],
    ['a dangling board successor', (d) => (board(d, 'BQL-HP').successorId = 'BQL-NOWHERE'), /boards\.json: BQL-HP: successor BQL-NOWHERE is not a board/],
    ['a successor on a unit still valid', (d) => (board(d, 'BQL-HN').successorId = 'BQL-HP-2025'), /boards\.json: BQL-HN: has successor BQL-HP-2025 but no validTo/],
    ['a successor overlapping its predecessor', (d) => (board(d, 'BQL-PT-2025').validFrom = '2025-01-01'), /boards\.json: BQL-VP: successor BQL-PT-2025 starts on 2025-01-01, before this board ends \(2025-06-30\)/],
    ['a board succession that contradicts the provinces', (d) => (board(d, 'BQL-BG').successorId = 'BQL-PT-2025'), /boards\.json: BQL-BG: successor BQL-PT-2025 belongs to province PT-2025, but province BG passed to BN-2025/],
    ['a board whose province is unknown', (d) => (board(d, 'BQL-BG').provinceId = 'ZZ'), /boards\.json: BQL-BG: province ZZ is unknown/],
    ['a board valid outside its province', (d) => (board(d, 'BQL-BG').validTo = null), /boards\.json: BQL-BG: interval 1900-01-01\.\.open is outside the interval 1900-01-01\.\.2025-06-30 of its province BG/],
    ['a zone whose board is unknown', (d) => (d.zones[0].boardId = 'BQL-XX'), /zones\.json: KCN-THANG-LONG: board BQL-XX is unknown/],
    ['a region member that is not a province', (d) => d.regions[0].provinceIds.push('ZZ'), /regions\.json: RRD: member ZZ is not a province/],
    ['a region member not valid in its interval', (d) => d.regions[0].provinceIds.push('PT-2025'), /regions\.json: RRD: member PT-2025 \(2025-07-01\.\.open\) is not valid during the region's interval 1900-01-01\.\.2025-06-30/],
    ['an empty version', (d) => (d.version = ''), /version\.json: version must be a non-empty string/],
  ])('refuses %s with one clear line', (_name, breakIt, message) => {
    const data = copy();
    breakIt(data);
    let error: unknown;
    try {
      ReferenceData.fromData(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReferenceDataError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts disjoint versions of one region', () => {
    const data = copy();
    data.regions.push({ ...data.regions.find((r) => r.id === 'RRD-2025')!, id: 'RRD' });
    const ref = ReferenceData.fromData(data);
    expect(ref.boardsInRegion('RRD', '2016-12-31')).toHaveLength(11);
    expect(ref.boardsInRegion('RRD', '2026-01-01')).toHaveLength(6);
    expect(ref.region('RRD', '2016-01-01')?.provinceIds).toHaveLength(11);
  });

  describe('files on disk', () => {
    const broken = (file: string, text: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'reference-data-'));
      cpSync('config/reference-data', dir, { recursive: true });
      writeFileSync(join(dir, file), text);
      return dir;
    };

    it('names the file of malformed JSON', () => {
      const dir = broken('zones.json', '[{"id": "KCN-A",');
      expect(() => ReferenceData.load(dir)).toThrow(ReferenceDataError);
      expect(() => ReferenceData.load(dir)).toThrow(new RegExp(`^${dir}/zones\\.json: malformed JSON \\(`));
    });

    it('names a missing file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'reference-data-'));
      expect(() => ReferenceData.load(dir)).toThrow(/provinces\.json: cannot be read \(ENOENT\)/);
    });

    it('changes the version when any file changes', () => {
      const zones = readFileSync('config/reference-data/zones.json', 'utf8');
      const dir = broken('zones.json', zones.replace('"274"', '"275"'));
      const edited = ReferenceData.load(dir);
      expect(edited.version).not.toBe(real.version);
      expect(edited.version.startsWith('2025.07-1+')).toBe(true);
      expect(edited.zone('KCN-THANG-LONG')?.industrialLandHa).toBe('275');
    });
  });
});
