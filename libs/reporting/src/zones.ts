import type Database from 'better-sqlite3';
import { hundredthsOfHa, type LegalDate, type ZoneEvent, type ZoneStatus } from '@ledger/domain';
import { percent } from './figures';
import { all, raw, sql } from './sql';
import { filterSql, groupKey, type GroupDimension, type ReportFilters, type Units, type UnitsView } from './filters';
import { knownAtInstant, knownVersion } from './known-at';

export const ZONE_GROUP_DIMENSIONS = ['region', 'province', 'board', 'zone'] as const satisfies readonly GroupDimension[];

export interface ZonesQuery {
  asOf: LegalDate;
  knownAt?: string;
  filters: Omit<ReportFilters, 'origin'>;
  groupBy: (typeof ZONE_GROUP_DIMENSIONS)[number][];
  units?: UnitsView['mode'];
  today?: string;
}

interface ZoneRow {
  zone_id: string;
  board_id: string;
  kind: string;
  name_vi: string;
  decided_on: string;
}

/** A zone as of the date: its last status, areas (ha × 100) and wastewater plant; leased land in m² × 100. */
interface ZoneAsOf {
  row: ZoneRow;
  status: ZoneStatus;
  statusSince: LegalDate;
  natural: bigint;
  leasable: bigint;
  wastewaterSince?: LegalDate;
  leasedM2: bigint;
  projects: number;
}

const ha = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
/** m² × 100 → ha × 100 (1 ha = 10,000 m²), rounded half up. */
const m2ToHaHundredths = (m2Hundredths: bigint) => (m2Hundredths * 2n + 10_000n) / 20_000n;

function foldZone(row: ZoneRow, events: { type: string; data: string }[]): Omit<ZoneAsOf, 'leasedM2' | 'projects'> {
  const zone: Omit<ZoneAsOf, 'leasedM2' | 'projects'> = { row, status: 'PLANNED', statusSince: row.decided_on, natural: 0n, leasable: 0n };
  for (const e of events) {
    const event = { type: e.type, data: JSON.parse(e.data) } as ZoneEvent;
    if (event.type === 'ZoneEstablished' || event.type === 'ZoneAreasChanged') [zone.natural, zone.leasable] = [hundredthsOfHa(event.data.naturalAreaHa), hundredthsOfHa(event.data.leasableLandHa)];
    if (event.type === 'ZoneStatusChanged') [zone.status, zone.statusSince] = [event.data.status, event.data.effectiveOn];
    if (event.type === 'ZoneWastewaterPlantStarted') zone.wastewaterSince = event.data.effectiveOn;
  }
  return zone;
}

/** Land leased by the projects valid on the date, per zone: the zone-land read model's intervals as known at the instant. */
function leasedLand(db: Database.Database, asOf: LegalDate, knownAt: string | undefined): Map<string, { m2: bigint; projects: number }> {
  const rows = all<{ zone_id: string; m2: bigint; projects: bigint }>(
    db,
    sql`SELECT l.zone_id, SUM(l.land_m2_hundredths) AS m2, COUNT(*) AS projects FROM zone_land l
        WHERE l.from_on <= ${asOf} AND (l.to_on IS NULL OR l.to_on >= ${asOf}) AND ${knownVersion('l', knownAt)} GROUP BY l.zone_id`,
  );
  return new Map(rows.map((r) => [r.zone_id, { m2: r.m2, projects: Number(r.projects) }]));
}

interface Summary {
  zones: number;
  naturalAreaHa: string;
  byStatus: Record<ZoneStatus, { zones: number; naturalAreaHa: string; leasableLandHa: string }>;
  withWastewaterPlant: number;
  /** Occupancy over the zones operating on the date: their leased land / their leasable land. */
  occupancy: { leasedLandHa: string; leasableLandHa: string; occupancyPct: string | null };
}

function summaryOf(zones: readonly ZoneAsOf[]): Summary {
  const sum = (list: readonly ZoneAsOf[], f: (z: ZoneAsOf) => bigint) => list.reduce((n, z) => n + f(z), 0n);
  const status = (s: ZoneStatus) => {
    const list = zones.filter((z) => z.status === s);
    return { zones: list.length, naturalAreaHa: ha(sum(list, (z) => z.natural)), leasableLandHa: ha(sum(list, (z) => z.leasable)) };
  };
  const operating = zones.filter((z) => z.status === 'OPERATING');
  const leased = sum(operating, (z) => m2ToHaHundredths(z.leasedM2));
  const leasable = sum(operating, (z) => z.leasable);
  return {
    zones: zones.length,
    naturalAreaHa: ha(sum(zones, (z) => z.natural)),
    byStatus: { PLANNED: status('PLANNED'), BUILDING: status('BUILDING'), OPERATING: status('OPERATING') },
    withWastewaterPlant: zones.filter((z) => z.wastewaterSince !== undefined).length,
    occupancy: { leasedLandHa: ha(leased), leasableLandHa: ha(leasable), occupancyPct: percent(leased, leasable) },
  };
}

/** Zones as of a date: by status with their areas, wastewater plants, occupancy per zone and over operating zones (DESIGN §5). */
export function zonesReport(db: Database.Database, units: Units, q: ZonesQuery) {
  const knownAt = knownAtInstant(q.knownAt);
  const known = knownAt ? ' AND recorded_at <= @knownAt' : '';
  const knownSql = knownAt ? sql` AND recorded_at <= ${knownAt}` : raw('');
  const rows = all<ZoneRow>(db, sql`SELECT * FROM zone_register WHERE decided_on <= ${q.asOf}${knownSql} AND ${filterSql(q.filters, units)} ORDER BY zone_id`);
  const events = db
    .prepare(`SELECT zone_id, type, data FROM zone_events WHERE effective_on <= @asOf${known} AND zone_id IN (SELECT zone_id FROM zone_register WHERE decided_on <= @asOf${known}) ORDER BY zone_id, effective_on, position`)
    .all({ asOf: q.asOf, ...(knownAt ? { knownAt } : {}) }) as { zone_id: string; type: string; data: string }[];
  const eventsOf = new Map<string, { type: string; data: string }[]>();
  for (const e of events) eventsOf.set(e.zone_id, [...(eventsOf.get(e.zone_id) ?? []), e]);
  const leased = leasedLand(db, q.asOf, knownAt);
  const zones: ZoneAsOf[] = rows.map((row) => ({ ...foldZone(row, eventsOf.get(row.zone_id) ?? []), leasedM2: leased.get(row.zone_id)?.m2 ?? 0n, projects: leased.get(row.zone_id)?.projects ?? 0 }));
  const view: UnitsView = { mode: q.units ?? 'historical', date: q.units === 'current' && q.today ? q.today : q.asOf };
  const groups = new Map<string, { key: Record<string, string>; zones: ZoneAsOf[] }>();
  for (const z of zones) {
    const key = groupKey({ board_id: z.row.board_id, zone_id: z.row.zone_id, origin: 'FDI', country: '' }, q.groupBy, units, view);
    const id = JSON.stringify(key);
    groups.set(id, { key, zones: [...(groups.get(id)?.zones ?? []), z] });
  }
  return {
    report: 'zones',
    asOf: q.asOf,
    ...(q.knownAt ? { knownAt: q.knownAt } : {}),
    filters: q.filters,
    groupBy: q.groupBy,
    units: view,
    occupancyDefinition: 'leased industrial land of the projects valid on the date (landAreaM2 of the certificate and its adjustments) / leasable industrial land; for several zones, summed over the zones operating on the date',
    total: summaryOf(zones),
    groups: [...groups.values()].sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1)).map((g) => ({ key: g.key, ...summaryOf(g.zones) })),
    zones: zones.map((z) => {
      const leasedHa = m2ToHaHundredths(z.leasedM2);
      return {
        zoneId: z.row.zone_id,
        boardId: z.row.board_id,
        kind: z.row.kind,
        nameVi: z.row.name_vi,
        status: z.status,
        statusSince: z.statusSince,
        naturalAreaHa: ha(z.natural),
        leasableLandHa: ha(z.leasable),
        wastewaterPlantSince: z.wastewaterSince ?? null,
        projects: z.projects,
        leasedLandHa: ha(leasedHa),
        occupancyPct: percent(leasedHa, z.leasable),
      };
    }),
  };
}
