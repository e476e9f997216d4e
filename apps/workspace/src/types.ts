/** Response shapes the workspace reads (requests are typed from the OpenAPI document). */
export interface MoneyJson {
  vnd: string;
  usd?: string;
  exchangeRate?: string;
}
export interface Investor {
  name: string;
  country: string;
}
export interface ProjectView {
  projectCode: string;
  boardId: string;
  zoneId: string;
  projectName: string;
  investors: Investor[];
  origin: 'FDI' | 'DDI';
  status: 'VALID' | 'TERMINATED';
  suspended: boolean;
  issuedOn: string;
  adjustmentNo: number;
  registeredCapital: MoneyJson;
  realizedCapital: MoneyJson;
  landAreaM2?: string;
  objectives: string;
  durationYears: number;
  implementationSchedule?: string;
  operatingSince?: string;
  terminatedOn?: string;
  terminationGround?: string;
  version: number;
}
export interface RecordedEventView {
  position: string;
  streamVersion: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  correctedBy: number[];
}
export interface RegisterItem {
  projectCode: string;
  projectName: string;
  boardId: string;
  zoneId: string;
  origin: 'FDI' | 'DDI';
  mainInvestorName?: string;
  boardName?: string;
  zoneName?: string;
  status: string;
  suspended: boolean;
  registeredCapital: MoneyJson;
}
export interface WriteResult {
  projectCode: string;
  streamVersion: number;
  position?: string;
  dryRun?: boolean;
  events: { type: string; adjustmentNo?: number; data?: Record<string, unknown> }[];
  certificate?: ProjectView;
}
