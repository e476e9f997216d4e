import { formatVietnamTime } from '@ledger/labels';
import { api, ApiError, apiText, filters } from './api';
import { renderCharts } from './charts';
import { readDateField, writeDateField } from './dates';
import { download } from './downloads';
import { renderFilterLists, unitsMode } from './filters';
import { addYears, fmtDate } from './format';
import { isKey } from './i18n';
import { openProject } from './project';
import { loadRegister, renderRegister } from './register';
import { $, state, t, useToken, vietnamToday } from './state';
import { renderTiles } from './tiles';
import { loadDeskAndZones, renderDeskAndZones } from './desk-and-zones';
import type { UserManager } from 'oidc-client-ts';
import { completeSignIn, loadSignInConfig, userManagerOf } from '../../workspace/src/sign-in';
import type { ActivityReply, Reference, RegisterReply, TimeseriesReply, ValidProjectsReply } from './types';

/** Whether the period was chosen by the dashboard (the latest with data) rather than by the link or the analyst. */
let periodChosen = false;
let lastUpdate: string | null = null;
let status: { text: () => string; error: boolean } = { text: () => '', error: false };

function setStatus(text: () => string, error = false): void {
  status = { text, error };
  renderStatus();
}
function renderStatus(): void {
  $('status').textContent = status.text();
  $('status').classList.toggle('error', status.error);
}
const failed = (error: unknown) => setStatus(() => t('error') + (error as Error).message, true);

/** The issuer's sign-in (oidc-client-ts) when the deployment has one; otherwise a token is pasted or linked. */
let oidc: UserManager | undefined;

function showTokenPanel(message: string): void {
  $('token-panel').hidden = false;
  $('token-message').textContent = oidc && !message.startsWith(t('tokenRefused')) ? t('signInNeeded') : message;
  setStatus(() => '');
}

/**
 * With no period in the link: the year of the latest certificate issued (its first day to its last,
 * or to today in the current year), so the dashboard never opens on an empty year.
 */
async function choosePeriod(): Promise<void> {
  if (state.from && state.to) return;
  const today = state.reference.today ?? vietnamToday(); // the ledger's today, not the browser's
  const latest = await api<RegisterReply>('/projects', filters({ sort: 'issuedOn', order: 'desc', page: 1, pageSize: 1 })).catch(() => null);
  const year = latest?.items[0]?.issuedOn.slice(0, 4) ?? today.slice(0, 4);
  state.from ||= `${year}-01-01`;
  state.to ||= `${year}-12-31` < today ? `${year}-12-31` : today;
  periodChosen = true;
  writeDateField($<HTMLInputElement>('f-from'), state.from);
  writeDateField($<HTMLInputElement>('f-to'), state.to);
  renderFilterLists();
}

let loadSeq = 0;
async function refresh(): Promise<void> {
  if (!state.token) return showTokenPanel(t('tokenNeeded'));
  const seq = ++loadSeq;
  setStatus(() => t('loading'));
  try {
    await choosePeriod();
    const chartOrigin = state.origin || state.chartOrigin;
    const series = (metric: string) => api<TimeseriesReply>('/reports/timeseries', filters({ metric, interval: state.interval, from: state.from, to: state.to, origin: chartOrigin }));
    const valid = (extra: Record<string, string>) => api<ValidProjectsReply>('/reports/valid-projects', filters(extra));
    const [v, validPrev, activity, byBoard, byZone, byCountry, sNew, sInc, sDec, sReg, sReal] = await Promise.all([
      valid({ asOf: state.to }),
      valid({ asOf: addYears(state.to, -1) }),
      api<ActivityReply>('/reports/activity', filters({ from: state.from, to: state.to })),
      valid({ asOf: state.to, groupBy: 'board' }),
      valid({ asOf: state.to, groupBy: 'zone' }),
      state.origin === 'DDI' ? Promise.resolve({ groups: [] }) : valid({ asOf: state.to, groupBy: 'country', origin: 'FDI' }),
      series('newCapital'),
      series('increasedCapital'),
      series('decreasedCapital'),
      series('registeredCapital'),
      series('cumulativeRealizedCapital'),
    ]);
    const deskAndZones = await loadDeskAndZones();
    if (seq !== loadSeq) return;
    state.data = { valid: v, validPrev, activity, byBoard, byZone, byCountry, sNew, sInc, sDec, sReg, sReal, chartOrigin, deskAndZones };
    renderTiles();
    renderDeskAndZones(deskAndZones);
    renderCharts();
    await loadRegister();
    if (state.project) await openProject(state.project.code, $<HTMLInputElement>('project-asof').value ? readDateField($<HTMLInputElement>('project-asof')) ?? state.to : state.to, true);
    lastUpdate = new Date().toISOString();
    const mode = v.units?.mode ?? unitsMode();
    // Worded at each render, so a language switch re-words it too.
    setStatus(() => {
      const period = `${t('period')}: ${fmtDate(state.from)} – ${fmtDate(state.to)}${periodChosen ? ` (${t('latestWithData')})` : ''}`;
      return `${period} · ${t('updated')} ${formatVietnamTime(lastUpdate ?? '')} · ${t('unitsUsed')}: ${t(mode)}`;
    });
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  } catch (error) {
    if (seq !== loadSeq) return;
    if (error instanceof ApiError && error.status === 401) return showTokenPanel(t('tokenRefused') + error.message);
    failed(error);
  }
}

async function copyNarrative(): Promise<void> {
  $('copy-status').textContent = t('loading');
  try {
    const text = (await apiText('/reports/narrative', filters({ from: state.from, to: state.to, lang: state.lang, format: 'text' }))).trim();
    const pre = $('narrative-text');
    pre.textContent = text;
    pre.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      $('copy-status').textContent = t('copied');
    } catch {
      $('copy-status').textContent = t('copyManual');
    }
  } catch (error) {
    $('copy-status').textContent = t('error') + (error as Error).message;
  }
}

/** Live refresh: /health carries the head position; a new one means new events, so reload the figures. */
async function poll(): Promise<void> {
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    const body = await response.json();
    // Down (503 UNHEALTHY), the problem carries every check in `checks`; the log's head is still there.
    const head: string | undefined = (body.info || body.checks || {}).eventStore?.headPosition;
    $('live').classList.toggle('stale', !response.ok);
    if (head !== undefined && head !== state.head) {
      const first = state.head === null;
      state.head = head;
      if (!first) await refresh();
    }
  } catch {
    $('live').classList.add('stale');
  }
}

function applyLabels(): void {
  document.documentElement.lang = state.lang;
  const word = (key: string | undefined) => (key && isKey(key) ? t(key) : key ?? '');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = word(el.dataset.i18n)));
  document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => (el.placeholder = word(el.dataset.i18nPlaceholder)));
  document.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => (el.title = word(el.dataset.i18nTitle)));
  $('live').textContent = t('live');
  $('lang-toggle').textContent = state.lang === 'vi' ? 'EN' : 'VI';
  document.title = `${t('title')} — Dashboard`;
}

function rerender(): void {
  applyLabels();
  renderFilterLists();
  renderTiles();
  if (state.data) renderDeskAndZones(state.data.deskAndZones);
  renderCharts();
  renderRegister();
  renderStatus();
  if (state.project) openProject(state.project.code, readDateField($<HTMLInputElement>('project-asof')) ?? state.to, true);
}

/** The files an analyst takes away: the activity table (CSV for a Vietnamese spreadsheet, XLSX), the register and the narrative in Word. */
async function downloadFile(kind: string): Promise<void> {
  const message = $('download-status');
  message.classList.remove('error');
  message.textContent = t('downloading');
  const stem = `${state.from}_${state.to}`;
  try {
    // The people's variants: the boards' headers in the chosen language; the CSV in a Vietnamese spreadsheet's conventions.
    const lang = state.lang;
    if (kind === 'csv') await download('/reports/activity', filters({ from: state.from, to: state.to, format: 'csv', locale: 'vi', lang }), `hoat-dong_${stem}.csv`);
    if (kind === 'xlsx') await download('/reports/activity', filters({ from: state.from, to: state.to, format: 'xlsx', lang }), `hoat-dong_${stem}.xlsx`);
    if (kind === 'register') await download('/projects', filters({ asOf: state.to, format: 'xlsx', lang }), `danh-muc-du-an_${state.to}.xlsx`);
    if (kind === 'docx') await download('/reports/narrative', filters({ from: state.from, to: state.to, lang: state.lang, format: 'docx' }), `bao-cao_${stem}.docx`);
    message.textContent = t('downloaded');
  } catch (error) {
    message.classList.add('error');
    message.textContent = t('error') + (error as Error).message;
  }
}

function bind(): void {
  const input = (id: string) => $<HTMLInputElement>(id);
  if (state.from) writeDateField(input('f-from'), state.from);
  if (state.to) writeDateField(input('f-to'), state.to);
  input('f-origin').value = state.origin;
  input('f-interval').value = state.interval;
  input('f-units').value = state.units;
  const onFilter = () => {
    const [from, to] = [readDateField(input('f-from')), readDateField(input('f-to'))];
    if (!from || !to) return setStatus(() => t('dateInvalid'), true);
    if (from !== state.from || to !== state.to) periodChosen = false;
    [state.from, state.to] = [from, to];
    state.regionId = input('f-region').value;
    state.boardId = input('f-board').value;
    state.zoneId = input('f-zone').value;
    state.origin = input('f-origin').value as typeof state.origin;
    state.interval = input('f-interval').value;
    state.units = input('f-units').value as typeof state.units;
    state.register.page = 1;
    renderFilterLists();
    refresh();
  };
  ['f-from', 'f-to', 'f-region', 'f-board', 'f-zone', 'f-origin', 'f-interval', 'f-units'].forEach((id) => $(id).addEventListener('change', onFilter));
  $('chart-origin').addEventListener('change', () => {
    state.chartOrigin = input('chart-origin').value as 'FDI' | 'DDI';
    refresh();
  });
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('ledger-lang', state.lang);
    rerender();
  });
  $('token-save').addEventListener('click', () => {
    useToken(input('token-input').value.trim());
    $('token-panel').hidden = true;
    input('token-input').value = '';
    refresh();
  });
  $('token-change').addEventListener('click', () => showTokenPanel(''));
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  $('register-search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.register.q = input('register-search').value.trim();
      state.register.page = 1;
      loadRegister().catch(failed);
    }, 250);
  });
  document.querySelectorAll<HTMLElement>('#register-table th[data-sort]').forEach((th) =>
    th.addEventListener('click', () => {
      const r = state.register;
      r.order = r.sort === th.dataset.sort && r.order === 'asc' ? 'desc' : 'asc';
      r.sort = th.dataset.sort ?? 'projectCode';
      r.page = 1;
      loadRegister().catch(failed);
    }),
  );
  $('page-prev').addEventListener('click', () => {
    state.register.page -= 1;
    loadRegister().catch(failed);
  });
  $('page-next').addEventListener('click', () => {
    state.register.page += 1;
    loadRegister().catch(failed);
  });
  $('register-table').addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLElement>('[data-open]');
    if (!link?.dataset.open) return;
    writeDateField(input('project-asof'), state.to);
    openProject(link.dataset.open, state.to);
  });
  $('project-asof').addEventListener('change', () => {
    const asOf = readDateField(input('project-asof'));
    if (state.project && asOf) openProject(state.project.code, asOf);
  });
  $('project-close').addEventListener('click', () => {
    state.project = null;
    $('project-panel').hidden = true;
  });
  $('copy-narrative').addEventListener('click', copyNarrative);
  document.querySelectorAll<HTMLButtonElement>('[data-download]').forEach((b) => b.addEventListener('click', () => downloadFile(b.dataset.download ?? '')));
}

/** With an issuer: finish a sign-in that just came back, keep the renewed token, offer sign-in and sign-out instead of a paste. */
async function startSignIn(): Promise<void> {
  const config = await loadSignInConfig();
  if (!config.issuer || !config.clientId) return;
  const manager = userManagerOf({ issuer: config.issuer, clientId: config.clientId }, '/dashboard');
  oidc = manager;
  manager.events.addUserLoaded((user) => {
    state.token = user.access_token;
  });
  sessionStorage.removeItem('ledger-token');
  state.token = (await completeSignIn(manager)) ?? '';
  for (const id of ['token-input', 'token-save', 'token-change']) $(id).hidden = true;
  $('sign-in').hidden = false;
  $('sign-out').hidden = !state.token;
  $('sign-in').addEventListener('click', () => void manager.signinRedirect());
  $('sign-out').addEventListener('click', () => {
    state.token = '';
    void manager.signoutRedirect();
  });
  // The role comes from the ledger's user directory, not from the token.
  if (state.token) state.role = ((await (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${state.token}` } })).json()) as { role?: string }).role ?? null;
}

async function start(): Promise<void> {
  applyLabels();
  bind();
  await startSignIn();
  try {
    state.reference = (await (await fetch('/dashboard/reference.json')).json()) as Reference;
  } catch {
    // The filter lists stay empty; the figures still load.
  }
  if (state.from && state.to) renderFilterLists();
  await poll(); // learn the head position first, so reports wait for it
  await refresh();
  setInterval(poll, state.pollMs);
}
start();
