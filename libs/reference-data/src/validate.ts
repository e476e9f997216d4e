import { isLegalDate } from '@ledger/domain';
import { ReferenceDataError, type ReferenceDataSet } from './types';

const ID = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
type Row = Record<string, unknown>;
type File = 'provinces.json' | 'boards.json' | 'zones.json' | 'regions.json';

/** Checks every rule of the reference data; the first broken one is thrown as one line. */
export function validateReferenceData(data: ReferenceDataSet, dir = 'config/reference-data'): void {
  const fail = (file: File | 'version.json', id: unknown, problem: string): never => {
    throw new ReferenceDataError(`${dir}/${file}: ${id === undefined ? '' : `${String(id)}: `}${problem}`);
  };
  if (typeof data?.version !== 'string' || !data.version.length) fail('version.json', undefined, 'version must be a non-empty string');

  /** Shape, dates and id uniqueness of one file; returns its rows by id (several versions only where allowed). */
  const rowsOf = (file: File, temporal: boolean, versioned = false): Map<string, Row[]> => {
    const rows = (data as unknown as Record<string, unknown>)[file.replace('.json', '')];
    if (!Array.isArray(rows)) fail(file, undefined, 'must be a JSON array of records');
    const byId = new Map<string, Row[]>();
    (rows as unknown[]).forEach((raw, index) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(file, `#${index + 1}`, 'must be a JSON object');
      const row = raw as Row;
      if (typeof row.id !== 'string' || !ID.test(row.id)) fail(file, row.id ?? `#${index + 1}`, 'id must be a string of capital letters, digits and dashes');
      const id = row.id as string;
      for (const key of ['name', 'nameVi']) if (typeof row[key] !== 'string' || !(row[key] as string).trim()) fail(file, id, `${key} must be a non-empty string`);
      if (row.note !== undefined && typeof row.note !== 'string') fail(file, id, 'note must be a string');
      if (temporal) {
        if (!isLegalDate(row.validFrom)) fail(file, id, `validFrom must be a date YYYY-MM-DD, got ${JSON.stringify(row.validFrom)}`);
        if (row.validTo !== null && !isLegalDate(row.validTo)) fail(file, id, `validTo must be a date YYYY-MM-DD or null, got ${JSON.stringify(row.validTo)}`);
        if (row.validTo !== null && (row.validTo as string) < (row.validFrom as string)) fail(file, id, `validTo ${row.validTo} is before validFrom ${row.validFrom}`);
      }
      const versions = byId.get(id) ?? [];
      for (const other of versions) {
        if (!temporal || !versioned) fail(file, id, 'duplicate id');
        if (overlaps(row, other)) fail(file, id, `interval ${interval(row)} overlaps the interval ${interval(other)} of the same id`);
      }
      byId.set(id, [...versions, row]);
    });
    return byId;
  };
  const provinces = rowsOf('provinces.json', true);
  const boards = rowsOf('boards.json', true);
  const zones = rowsOf('zones.json', false);
  const regions = rowsOf('regions.json', true, true);
  const one = (map: Map<string, Row[]>, id: unknown) => (typeof id === 'string' ? map.get(id)?.[0] : undefined);

  /** successorId: null, or a unit of the same file that starts after this one ends. */
  const checkSuccessor = (file: File, map: Map<string, Row[]>, row: Row, what: string) => {
    if (row.successorId === null) return;
    if (typeof row.successorId !== 'string') fail(file, row.id, 'successorId must be a string or null');
    const next = one(map, row.successorId);
    if (!next) fail(file, row.id, `successor ${row.successorId} is not a ${what}`);
    if (row.validTo === null) fail(file, row.id, `has successor ${row.successorId} but no validTo`);
    if ((next!.validFrom as string) <= (row.validTo as string)) fail(file, row.id, `successor ${row.successorId} starts on ${next!.validFrom}, before this ${what} ends (${row.validTo})`);
  };

  for (const [, [p]] of provinces) checkSuccessor('provinces.json', provinces, p, 'province');
  for (const [, [b]] of boards) {
    if (typeof b.provinceId !== 'string') fail('boards.json', b.id, 'provinceId must be a string');
    const province = one(provinces, b.provinceId);
    if (!province) fail('boards.json', b.id, `province ${b.provinceId} is unknown`);
    if ((b.validFrom as string) < (province!.validFrom as string) || (province!.validTo !== null && (b.validTo === null || (b.validTo as string) > (province!.validTo as string))))
      fail('boards.json', b.id, `interval ${interval(b)} is outside the interval ${interval(province!)} of its province ${b.provinceId}`);
    checkSuccessor('boards.json', boards, b, 'board');
    const next = one(boards, b.successorId);
    if (next && province!.successorId !== next.provinceId)
      fail('boards.json', b.id, `successor ${b.successorId} belongs to province ${next.provinceId}, but province ${b.provinceId} passed to ${province!.successorId}`);
  }
  for (const [, [z]] of zones) {
    if (!['KCN', 'KCX', 'KKT'].includes(z.kind as string)) fail('zones.json', z.id, `kind must be KCN, KCX or KKT, got ${JSON.stringify(z.kind)}`);
    if (typeof z.boardId !== 'string') fail('zones.json', z.id, 'boardId must be a string');
    if (!boards.has(z.boardId as string)) fail('zones.json', z.id, `board ${z.boardId} is unknown`);
    if (typeof z.industrialLandHa !== 'string' || !DECIMAL.test(z.industrialLandHa)) fail('zones.json', z.id, `industrialLandHa must be a decimal string such as "274.5", got ${JSON.stringify(z.industrialLandHa)}`);
  }
  for (const [, versions] of regions) {
    for (const r of versions) {
      if (!Array.isArray(r.provinceIds) || r.provinceIds.length === 0) fail('regions.json', r.id, 'provinceIds must be a non-empty array of province ids');
      for (const member of r.provinceIds as unknown[]) {
        const province = one(provinces, member);
        if (!province) fail('regions.json', r.id, `member ${String(member)} is not a province`);
        if (!overlaps(r, province!)) fail('regions.json', r.id, `member ${String(member)} (${interval(province!)}) is not valid during the region's interval ${interval(r)}`);
      }
    }
  }
}

const interval = (row: Row) => `${row.validFrom}..${row.validTo ?? 'open'}`;

/** Closed intervals [validFrom, validTo] with null meaning open-ended. */
export function overlaps(a: { validFrom?: unknown; validTo?: unknown }, b: { validFrom?: unknown; validTo?: unknown }): boolean {
  const end = (row: { validTo?: unknown }) => (row.validTo === null ? '9999-12-31' : (row.validTo as string));
  return (a.validFrom as string) <= end(b) && (b.validFrom as string) <= end(a);
}
