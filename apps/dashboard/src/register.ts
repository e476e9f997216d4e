import { labelOf, STATUS_LABELS } from '@ledger/labels';
import { api, filters } from './api';
import { h, fill } from './dom';
import { boardName, zoneName } from './filters';
import { fmtCount, fmtDate, fmtMoney } from './format';
import { $, state, t } from './state';
import type { RegisterItem, RegisterReply } from './types';

export const statusText = (status: string, suspended: boolean) => `${labelOf(STATUS_LABELS, status, state.lang)}${suspended ? ` (${t('suspended')})` : ''}`;
export const capitalText = (p: { origin: string; registeredCapital: { vnd: string; usd?: string } }) =>
  p.origin === 'FDI' && p.registeredCapital.usd !== undefined ? fmtMoney(p.registeredCapital.usd, 'USD') : fmtMoney(p.registeredCapital.vnd, 'VND');

export async function loadRegister(): Promise<void> {
  const r = state.register;
  const reply = await api<RegisterReply>('/projects', filters({ q: r.q, sort: r.sort, order: r.order, page: r.page, pageSize: r.pageSize, asOf: state.to }));
  r.total = reply.total;
  r.items = reply.items;
  renderRegister();
}

const row = (p: RegisterItem) =>
  h('tr', { 'data-code': p.projectCode },
    h('td', {}, h('a', { 'data-open': p.projectCode }, p.projectCode)),
    h('td', {}, p.projectName),
    h('td', {}, boardName(p.boardId)),
    h('td', {}, zoneName(p.zoneId)),
    h('td', {}, p.origin),
    h('td', {}, fmtDate(p.issuedOn)),
    h('td', {}, statusText(p.status, p.suspended)),
    h('td', { class: 'num' }, capitalText(p)),
    h('td', { class: 'num' }, fmtCount(p.adjustmentNo)));

export function renderRegister(): void {
  const r = state.register;
  fill($('register-table').querySelector('tbody') as HTMLElement, r.items.length ? r.items.map(row) : [h('tr', {}, h('td', { colspan: '9' }, t('none')))]);
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  $('page-info').textContent = `${t('page')} ${r.page} ${t('of')} ${pages} · ${fmtCount(r.total)} ${t('projects')}`;
  $<HTMLButtonElement>('page-prev').disabled = r.page <= 1;
  $<HTMLButtonElement>('page-next').disabled = r.page >= pages;
  document.querySelectorAll<HTMLElement>('#register-table th[data-sort]').forEach((th) => {
    th.classList.toggle('sorted-asc', th.dataset.sort === r.sort && r.order === 'asc');
    th.classList.toggle('sorted-desc', th.dataset.sort === r.sort && r.order === 'desc');
  });
}
