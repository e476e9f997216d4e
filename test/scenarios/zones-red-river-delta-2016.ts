import { RRD_BOARDS } from './red-river-delta-2016';
import { dayBetween, laterOf, prng, split, type ScenarioStep } from './scenario';

/** Seed 001: "135 KCN với tổng diện tích 46.063,9ha … 65 KCN với tổng diện tích 14.085,4 ha đã đi vào hoạt động; 29 KCN với tổng diện tích 9.204,8ha đang được đầu tư xây dựng … 54 KCN đã có trạm xử lý nước thải tập trung". Areas in ha × 100. */
export const RRD_ZONES_2016 = {
  zones: 135,
  naturalArea: 4_606_390n,
  operating: { zones: 65, naturalArea: 1_408_540n },
  building: { zones: 29, naturalArea: 920_480n },
  withWastewaterPlant: 54,
} as const;

const ha = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
const step = (path: string, boardId: string, body: Record<string, unknown>, effectiveOn: string): ScenarioStep => ({ method: 'POST', path, body, effectiveOn, boardId });
const addYearsTo = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/**
 * The 135 zones of the 11 Red River Delta boards with plausible histories: decided 1994–2016, building
 * one to three years after the decision, operating two to four years after that; at the end of 2016
 * 65 operate, 29 build their infrastructure and 41 are only planned. Some move on in 2017 and one
 * expands in 2017 — neither may show in a report as of 31/12/2016. The zones of config/ are among
 * them (their own ids and boards); the others get ids like KCN-HN-04.
 */
export function zonesRedRiverDelta2016(): ScenarioStep[] {
  const rng = prng(2016_135);
  const Z = RRD_ZONES_2016;
  const boards = Object.entries(RRD_BOARDS);
  const ids: { zoneId: string; boardId: string }[] = [];
  for (let i = 0; ids.length < Z.zones; i++) {
    const [boardId, listed] = boards[i % boards.length];
    const n = Math.floor(i / boards.length);
    ids.push({ zoneId: n < listed.length ? listed[n] : `KCN-${boardId.slice(4)}-${String(n + 1).padStart(2, '0')}`, boardId });
  }
  const planned = { zones: Z.zones - Z.operating.zones - Z.building.zones, naturalArea: Z.naturalArea - Z.operating.naturalArea - Z.building.naturalArea };
  // The listed zones (projects can be licensed there) come first, so they are the operating ones.
  const areas = [...split(Z.operating.naturalArea, Z.operating.zones, rng, 10n), ...split(Z.building.naturalArea, Z.building.zones, rng, 10n), ...split(planned.naturalArea, planned.zones, rng, 10n)];
  const steps: ScenarioStep[] = [];
  ids.forEach(({ zoneId, boardId }, i) => {
    const kind = i < Z.operating.zones ? 'OPERATING' : i < Z.operating.zones + Z.building.zones ? 'BUILDING' : 'PLANNED';
    const decidedOn = kind === 'OPERATING' ? dayBetween(rng, '1994-01-01', '2009-12-31') : kind === 'BUILDING' ? dayBetween(rng, '2008-01-01', '2014-12-31') : dayBetween(rng, '2010-01-01', '2016-11-30');
    const natural = areas[i];
    steps.push(step('/zones', boardId, { zoneId, boardId, kind: 'KCN', nameVi: `KCN ${zoneId.slice(4)}`, decisionRef: `${100 + i}/QĐ-TTg`, decidedOn, naturalAreaHa: ha(natural), leasableLandHa: ha((natural * 7n) / 10n) }, decidedOn));
    if (kind === 'PLANNED') return;
    const building = kind === 'BUILDING' ? dayBetween(rng, laterOf(addYearsTo(decidedOn, 1), '2015-01-01'), '2016-12-15') : dayBetween(rng, addYearsTo(decidedOn, 1), addYearsTo(decidedOn, 2));
    steps.push(step(`/zones/${zoneId}/status`, boardId, { status: 'BUILDING', effectiveOn: building }, building));
    if (kind === 'BUILDING') {
      if (i % 5 === 0) steps.push(step(`/zones/${zoneId}/status`, boardId, { status: 'OPERATING', effectiveOn: '2017-03-01' }, '2017-03-01'));
      return;
    }
    const operating = dayBetween(rng, addYearsTo(building, 2), addYearsTo(building, 4));
    steps.push(step(`/zones/${zoneId}/status`, boardId, { status: 'OPERATING', effectiveOn: operating }, operating));
    if (i < Z.withWastewaterPlant) {
      const plant = dayBetween(rng, operating, '2016-12-31');
      steps.push(step(`/zones/${zoneId}/wastewater-plant`, boardId, { effectiveOn: plant, capacityM3PerDay: 2000 + 500 * (i % 7) }, plant));
    }
  });
  // After the report date: another plant and an expansion.
  const [late] = ids.slice(Z.withWastewaterPlant, Z.withWastewaterPlant + 1);
  steps.push(step(`/zones/${late.zoneId}/wastewater-plant`, late.boardId, { effectiveOn: '2017-02-01' }, '2017-02-01'));
  steps.push(step(`/zones/${ids[0].zoneId}/areas`, ids[0].boardId, { naturalAreaHa: ha(areas[0] + 5000n), leasableLandHa: ha(((areas[0] + 5000n) * 7n) / 10n), effectiveOn: '2017-04-01', decisionRef: '9/QĐ-UBND' }, '2017-04-01'));
  return steps;
}
