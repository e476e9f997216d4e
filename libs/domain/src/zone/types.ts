import type { LegalDate } from '../legal-date';

export const ZONE_STATUSES = ['PLANNED', 'BUILDING', 'OPERATING'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

/** Areas in hectares as decimal strings ("46063.9"). */
export interface ZoneAreas {
  /** Natural (total planned) area of the zone. */
  naturalAreaHa: string;
  /** Industrial land that can be leased to investors: the denominator of occupancy. */
  leasableLandHa: string;
}

export type ZoneEvent =
  | { type: 'ZoneEstablished'; data: ZoneAreas & { zoneId: string; boardId: string; kind: 'KCN' | 'KCX' | 'KKT'; nameVi: string; decisionRef: string; decidedOn: LegalDate } }
  | { type: 'ZoneStatusChanged'; data: { status: Exclude<ZoneStatus, 'PLANNED'>; effectiveOn: LegalDate; decisionRef?: string } }
  | { type: 'ZoneAreasChanged'; data: ZoneAreas & { effectiveOn: LegalDate; decisionRef: string } }
  | { type: 'ZoneWastewaterPlantStarted'; data: { effectiveOn: LegalDate; capacityM3PerDay?: number } };

type CommandOf<T extends string, D> = { type: T; today: LegalDate; zoneId: string; data: D };
export type ZoneCommand =
  | CommandOf<'EstablishZone', Extract<ZoneEvent, { type: 'ZoneEstablished' }>['data']>
  | CommandOf<'ChangeZoneStatus', Extract<ZoneEvent, { type: 'ZoneStatusChanged' }>['data']>
  | CommandOf<'ChangeZoneAreas', Extract<ZoneEvent, { type: 'ZoneAreasChanged' }>['data']>
  | CommandOf<'StartWastewaterPlant', Extract<ZoneEvent, { type: 'ZoneWastewaterPlantStarted' }>['data']>;

/** What the decider needs from the reference data (boards, and the board a zone of config/ belongs to). */
export interface ZoneReference {
  board(id: string): { validFrom: LegalDate; validTo: LegalDate | null } | undefined;
  /** The board of a zone listed in config/reference-data/zones.json, if it is listed there. */
  listedZoneBoard(zoneId: string): string | undefined;
}

export interface ZoneState {
  established: boolean;
  decidedOn?: LegalDate;
  boardId?: string;
  status?: ZoneStatus;
  /** Latest effective date of any event: the zone's history moves forward only. */
  lastOn?: LegalDate;
  wastewaterFrom?: LegalDate;
}
