import type { Origin } from '@ledger/domain';
import type { ActivityFigures, Amount, ValidFigures } from '@ledger/reporting';

/** The shapes the dashboard reads: /dashboard/reference.json and the /api/v1/reports replies. */
export interface Unit {
  id: string;
  name: string;
  nameVi: string;
  validFrom: string;
  validTo: string | null;
}
export interface Reference {
  version?: string;
  today?: string;
  regions: (Unit & { provinceIds: string[] })[];
  provinces: Unit[];
  boards: (Unit & { provinceId: string; successorId: string | null })[];
  zones: { id: string; name: string; nameVi: string; boardId: string; kind: string }[];
}

export type UnitsMode = 'historical' | 'current';

export interface ValidProjectsReply {
  asOf: string;
  units?: { mode: UnitsMode; date: string };
  total: Record<Origin, ValidFigures>;
  groups: ({ key: Record<string, string> } & Record<Origin, ValidFigures>)[];
}

export interface ActivityOfOrigin {
  current: ActivityFigures;
  samePeriodLastYear: ActivityFigures;
  ratioPct: Record<string, string | null>;
}
export interface ActivityReply {
  from: string;
  to: string;
  total: Record<Origin, ActivityOfOrigin>;
}

export interface TimeseriesReply {
  series: ({ period: string; from: string; to: string } & Record<Origin, string>)[];
}

export interface RegisterItem {
  projectCode: string;
  projectName: string;
  boardId: string;
  zoneId: string;
  origin: Origin;
  mainInvestorName: string | null;
  issuedOn: string;
  status: string;
  suspended: boolean;
  terminatedOn: string | null;
  adjustmentNo: number;
  registeredCapital: { vnd: string; usd?: string };
}
export interface RegisterReply {
  total: number;
  items: RegisterItem[];
}

export interface ProjectReply {
  projectName: string;
  investors?: { name: string; country: string }[];
  boardId: string;
  zoneId: string;
  issuedOn: string;
  registeredCapital: { vnd: string; usd?: string };
  realizedCapital: { vnd: string; usd?: string };
  status: string;
  suspended: boolean;
  terminatedOn?: string | null;
  adjustmentNo: number;
  objectives?: string;
}

export interface LedgerEvent {
  type: string;
  streamVersion: number;
  recordedAt: string;
  data: Record<string, any>;
  metadata: { actor: string; role: string; decisionRef?: string };
}

export type { Amount };
