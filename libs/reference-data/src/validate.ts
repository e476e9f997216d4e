import { isLegalDate } from '@ledger/domain';
import { ReferenceDataError, type ReferenceDataSet } from './types';

const ID = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

function fail(file: string, id: unknown, problem: string): never {
  throw new ReferenceDataError(`config/reference-data/${file}: ${id === undefined ? '' : `${String(id)}: `}${problem}`);
}

function checkTemporal(file: string, rows: unknown[], extra: (row: Record<string, unknown>) => void): void {
  if (!Array.isArray(rows)) fail(file, undefined, 'must be a JSON array');
  const seen = new Set<string>();
  for (const raw of rows) {
    const row = raw as Record<string, unknown>;
    if (typeof row.id !== 'string' || !ID.test(row.id)) fail(file, row.id, 'id must be capital letters, digits and dashes');
    if (seen.has(row.id)) fail(file, row.id, 'duplicate id');
    seen.add(row.id);
    for (const key of ['name', 'nameVi']) if (typeof row[key] !== 'string' || !(row[key] as string).length) fail(file, row.id, `${key} must be a non-empty string`);
    if ('validFrom' in row || file !== 'zones.json') {
      if (!isLegalDate(row.validFrom)) fail(file, row.id, 'validFrom must be a date YYYY-MM-DD');
      if (row.validTo !== null && !isLegalDate(row.validTo)) fail(file, row.id, 'validTo must be a date YYYY-MM-DD or null');
      if (row.validTo !== null && (row.validTo as string) < (row.validFrom as string)) fail(file, row.id, `validTo ${row.validTo} is before validFrom ${row.validFrom}`);
    }
    extra(row);
  }
}

/** Every rule the loader enforces; the first broken one stops start-up with one line. */
export function validateReferenceData(data: ReferenceDataSet): void {
  const provinceIds = new Set(data.provinces?.map((p) => p.id));
  const boardIds = new Set(data.boards?.map((b) => b.id));
  checkTemporal('provinces.json', data.provinces, (p) => {
    if (p.successorId !== null && !provinceIds.has(p.successorId as string)) fail('provinces.json', p.id, `successor ${p.successorId} is not a province`);
    if (p.successorId !== null && p.validTo === null) fail('provinces.json', p.id, 'a province with a successor must have validTo');
  });
  checkTemporal('boards.json', data.boards, (b) => {
    if (!provinceIds.has(b.provinceId as string)) fail('boards.json', b.id, `province ${b.provinceId} is unknown`);
    if (b.successorId !== null && !boardIds.has(b.successorId as string)) fail('boards.json', b.id, `successor ${b.successorId} is not a board`);
    if (b.successorId !== null) {
      const next = data.boards.find((x) => x.id === b.successorId);
      if (next && b.validTo !== null && next.validFrom <= (b.validTo as string)) fail('boards.json', b.id, `successor ${b.successorId} starts on ${next.validFrom}, before this board ends (${b.validTo})`);
    }
  });
  checkTemporal('zones.json', data.zones, (z) => {
    if (!['KCN', 'KCX', 'KKT'].includes(z.kind as string)) fail('zones.json', z.id, 'kind must be KCN, KCX or KKT');
    if (!boardIds.has(z.boardId as string)) fail('zones.json', z.id, `board ${z.boardId} is unknown`);
    if (typeof z.industrialLandHa !== 'string' || !/^\d+(\.\d+)?$/.test(z.industrialLandHa)) fail('zones.json', z.id, 'industrialLandHa must be a decimal string');
  });
  checkTemporal('regions.json', data.regions, (r) => {
    if (!Array.isArray(r.provinceIds) || r.provinceIds.length === 0) fail('regions.json', r.id, 'provinceIds must be a non-empty array');
    for (const p of r.provinceIds as string[]) if (!provinceIds.has(p)) fail('regions.json', r.id, `member ${p} is not a province`);
  });
}
