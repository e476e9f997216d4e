import { EVENT_LABELS, formatPeriod, formatVietnamTime, labelOf, ROLE_LABELS, SUSPENSION_GROUND_LABELS, TERMINATION_GROUND_LABELS } from '@ledger/labels';
import { api, ApiError } from './api';
import { h, fill } from './dom';
import { boardName, zoneName } from './filters';
import { fmtDate, fmtMoney } from './format';
import { statusText } from './register';
import { $, state, t } from './state';
import type { LedgerEvent, ProjectReply } from './types';
import type { Key } from './i18n';

type Capital = { vnd: string; usd?: string } | undefined;
const money = (m: Capital) => (m ? [m.usd !== undefined ? fmtMoney(m.usd, 'USD') : null, fmtMoney(m.vnd, 'VND')].filter(Boolean).join(' / ') : '');
const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d\d-\d\d$/.test(s);

function eventDetail(e: LedgerEvent): string {
  const d = e.data ?? {};
  const reason = d.reason || '';
  switch (e.type) {
    case 'CertificateIssued': return `${d.projectName} — ${money(d.registeredCapital)}`;
    case 'CapitalIncreased': return `#${d.adjustmentNo}: +${money(d.amount)} — ${reason}`;
    case 'CapitalDecreased': return `#${d.adjustmentNo}: −${money(d.amount)} — ${reason}`;
    case 'CertificateAdjusted': return `#${d.adjustmentNo}: ${Object.keys(d.changes || {}).join(', ')} — ${reason}`;
    case 'CapitalRealized': return `${formatPeriod(d.period, state.lang)}: ${money(d.amount)}`;
    case 'ProjectTerminated': return d.ground ? labelOf(TERMINATION_GROUND_LABELS, d.ground, state.lang) : '';
    case 'ProjectSuspended': return d.ground ? labelOf(SUSPENSION_GROUND_LABELS, d.ground, state.lang) : '';
    case 'OperationStarted': return d.noticeRef || '';
    case 'EventCorrected': return `→ v${d.correctsVersion}: ${reason}`;
    default: return '';
  }
}

/** The legal date of an act (a realized-capital report's period, in words). */
function effectiveText(e: LedgerEvent): string {
  const d = e.data ?? {};
  const date = d.effectiveOn || d.issuedOn;
  if (isDate(date)) return fmtDate(date);
  return typeof d.period === 'string' ? formatPeriod(d.period, state.lang) : '';
}

function certificate(p: ProjectReply): Node[] {
  const rows: [Key, string][] = [
    ['pName', p.projectName],
    ['pInvestors', (p.investors || []).map((i) => `${i.name} (${i.country})`).join('; ')],
    ['pBoard', boardName(p.boardId)],
    ['pZone', zoneName(p.zoneId)],
    ['pIssued', fmtDate(p.issuedOn)],
    ['pCapital', money(p.registeredCapital)],
    ['pRealized', money(p.realizedCapital)],
    ['pStatus', `${statusText(p.status, p.suspended)}${p.terminatedOn ? ` — ${fmtDate(p.terminatedOn)}` : ''}`],
    ['pAdj', String(p.adjustmentNo)],
    ['pObjectives', p.objectives || ''],
  ];
  return rows.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', { 'data-field': k }, v)]);
}

const timelineRow = (e: LedgerEvent) =>
  h('tr', { 'data-type': e.type },
    h('td', {}, String(e.streamVersion)),
    h('td', {}, labelOf(EVENT_LABELS, e.type, state.lang)),
    h('td', {}, effectiveText(e)),
    h('td', {}, eventDetail(e)),
    h('td', {}, `${e.metadata.actor} (${labelOf(ROLE_LABELS, String(e.metadata.role), state.lang)})`),
    h('td', {}, formatVietnamTime(e.recordedAt)),
    h('td', {}, e.metadata.decisionRef || e.data?.decisionRef || ''));

export async function openProject(code: string, asOf: string, quiet = false): Promise<void> {
  state.project = { code };
  $('project-panel').hidden = false;
  $('project-title').textContent = code;
  const message = $('project-message');
  if (!quiet) message.textContent = t('loading');
  message.classList.remove('error');
  const dl = $('project-certificate');
  const timeline = $('project-timeline').querySelector('tbody') as HTMLElement;
  try {
    const [p, history] = await Promise.all([
      api<ProjectReply>(`/projects/${encodeURIComponent(code)}`, { asOf }).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
      api<{ events: LedgerEvent[] }>(`/projects/${encodeURIComponent(code)}/events`),
    ]);
    message.textContent = p ? '' : t('projectMissing');
    fill(dl, p ? certificate(p) : []);
    fill(timeline, history.events.map(timelineRow));
  } catch (error) {
    fill(dl, []);
    fill(timeline, []);
    message.classList.add('error');
    message.textContent = error instanceof ApiError && error.status === 403 ? t('projectForbidden').replace('{role}', state.role ? labelOf(ROLE_LABELS, state.role, state.lang) : '?') : t('error') + (error as Error).message;
  }
}
