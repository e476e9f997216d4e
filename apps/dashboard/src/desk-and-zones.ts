import { divideHalfUp, formatTenths, toMinorUnits } from '@ledger/labels';
import { percent } from '../../../libs/reporting/src/figures';
import { api, filters } from './api';
import { changePct, fmtCount, fmtDate, fmtMoney, fmtPct } from './format';
import { state, t } from './state';
import { change, tile } from './tiles';

/** The parts of the dossier, operations and zones reports these tiles read. */
interface DossierFigures {
  received: { total: number; ONLINE_PARTIAL: number; ONLINE_FULL: number };
  carriedOver: number;
  resolved: { total: number; aheadOfTime: number; onTime: number; late: number };
  inProcess: { total: number; overdue: number };
}
export interface DossierReply {
  total: { current: DossierFigures; samePeriodLastYear: DossierFigures };
}
interface OperationFigures {
  revenue: { amount: string };
  exportValue: { amount: string };
  employees: number;
  foreignEmployees: number;
  reportingProjects: number;
  startedOperating: number;
}
interface OriginOperations {
  current: OperationFigures;
  samePeriodLastYear: OperationFigures;
  ratioPct: Record<string, string | null>;
}
export interface OperationsReply {
  total: { FDI: OriginOperations; DDI: OriginOperations };
}
export interface ZonesReply {
  total: { occupancy: { occupancyPct: string | null; leasedLandHa: string; leasableLandHa: string }; byStatus: { OPERATING: { zones: number } } };
  zones: { zoneId: string; nameVi?: string; status: string; occupancyPct: string | null }[];
}

export interface DeskAndZones {
  dossiers: DossierReply | null;
  operations: OperationsReply | null;
  zones: ZonesReply | null;
}

/**
 * The one-stop desk (issue 18), the enterprises' operating results and the zones (issue 19): parts of a
 * board's report beside the licensing figures; a failure there leaves their tiles empty, not the page.
 */
export async function loadDeskAndZones(): Promise<DeskAndZones> {
  const [dossiers, operations, zones] = await Promise.all([
    // Dossiers belong to a board, not a zone or an origin: only the region and board filters apply.
    api<DossierReply>('/reports/dossiers', { regionId: state.regionId, boardId: state.boardId, from: state.from, to: state.to, minPosition: state.head ?? '' }).catch(() => null),
    api<OperationsReply>('/reports/operations', filters({ from: state.from, to: state.to })).catch(() => null),
    api<ZonesReply>('/reports/zones', filters({ asOf: state.to, origin: '' })).catch(() => null),
  ]);
  return { dossiers, operations, zones };
}

/** Hectares with one decimal always shown ("0,0 ha"): an area, not a ratio. */
const ha = (text: string) => `${formatTenths(divideHalfUp(toMinorUnits(text, 2), 10n), state.lang)} ha`;

export function renderDeskAndZones(data: DeskAndZones): void {
  const D = data.dossiers?.total;
  if (D) {
    const [c, l] = [D.current, D.samePeriodLastYear];
    tile('dossiersReceived', fmtCount(c.received.total), `${t('dCarried')} ${fmtCount(c.carriedOver)} · ${t('dOnline')} ${fmtCount(c.received.ONLINE_PARTIAL + c.received.ONLINE_FULL)}`,
      change(changePct(BigInt(c.received.total), BigInt(l.received.total))));
    const inTime = c.resolved.aheadOfTime + c.resolved.onTime;
    const share = c.resolved.total === 0 ? null : percent(BigInt(inTime), BigInt(c.resolved.total));
    tile('dossiersOnTime', fmtCount(inTime), `${t('dOfResolved').replace('{n}', fmtCount(c.resolved.total))} · ${t('dAhead')} ${fmtCount(c.resolved.aheadOfTime)}`, share === null ? [] : [`${fmtPct(share)} ${t('dShare')}`]);
    tile('dossiersOverdue', fmtCount(c.inProcess.overdue), `${t('dInProcess')} ${fmtCount(c.inProcess.total)} · ${t('dLate')} ${fmtCount(c.resolved.late)}`, [`${t('asAt')} ${fmtDate(state.to)}`]);
  } else ['dossiersReceived', 'dossiersOnTime', 'dossiersOverdue'].forEach((name) => tile(name, '—', '', []));
  const O = data.operations?.total;
  if (O) {
    const [f, d] = [O.FDI, O.DDI];
    tile('revenue', fmtMoney(f.current.revenue.amount, 'USD'), `DDI ${fmtMoney(d.current.revenue.amount, 'VND')} · ${fmtCount(f.current.reportingProjects + d.current.reportingProjects)} ${t('reporting')}`, change(f.ratioPct.revenue ?? null));
    tile('exports', fmtMoney(f.current.exportValue.amount, 'USD'), `DDI ${fmtMoney(d.current.exportValue.amount, 'VND')}`, change(f.ratioPct.exportValue ?? null));
    const workers = (p: 'current' | 'samePeriodLastYear') => BigInt(f[p].employees + d[p].employees);
    const started = f.current.startedOperating + d.current.startedOperating;
    const startedText = started > 0 ? ` · ${fmtCount(started)} ${t('startedOperating')}` : '';
    tile('workers', fmtCount(workers('current')), `${fmtCount(f.current.foreignEmployees + d.current.foreignEmployees)} ${t('foreigners')}${startedText}`, change(changePct(workers('current'), workers('samePeriodLastYear'))));
  } else ['revenue', 'exports', 'workers'].forEach((name) => tile(name, '—', '', []));
  const Z = data.zones?.total;
  if (Z) tile('occupancy', fmtPct(Z.occupancy.occupancyPct), `${fmtCount(Z.byStatus.OPERATING.zones)} ${t('operatingZones')} · ${ha(Z.occupancy.leasedLandHa)} / ${ha(Z.occupancy.leasableLandHa)} ${t('leased')}`, []);
  else tile('occupancy', '—', '', []);
}
