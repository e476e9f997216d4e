import type { Lang } from '@ledger/labels';
import { label, type Key } from './i18n';
import type { DeskAndZones } from './desk-and-zones';
import type { ActivityReply, Reference, RegisterItem, TimeseriesReply, UnitsMode, ValidProjectsReply } from './types';

/** The figures of one load, kept so a language switch re-renders without asking the server again. */
export interface Loaded {
  valid: ValidProjectsReply;
  validPrev: ValidProjectsReply;
  activity: ActivityReply;
  byBoard: ValidProjectsReply;
  byZone: ValidProjectsReply;
  byCountry: Pick<ValidProjectsReply, 'groups'>;
  sNew: TimeseriesReply;
  sInc: TimeseriesReply;
  sDec: TimeseriesReply;
  sReg: TimeseriesReply;
  sReal: TimeseriesReply;
  chartOrigin: 'FDI' | 'DDI';
  /** The one-stop desk, operating results and zones (empty where their report failed). */
  deskAndZones: DeskAndZones;
}

/** Vietnam's date (UTC+7, no daylight saving). */
export const vietnamToday = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
const unitsParam = hash.get('units');

export const state = {
  token: hash.get('token') || sessionStorage.getItem('ledger-token') || '',
  lang: ((hash.get('lang') || localStorage.getItem('ledger-lang')) === 'en' ? 'en' : 'vi') as Lang,
  /** Empty until chosen in the link or the filters: the dashboard then opens on the latest period with data. */
  from: hash.get('from') || '',
  to: hash.get('to') || '',
  regionId: hash.get('regionId') || '',
  boardId: hash.get('boardId') || '',
  zoneId: hash.get('zoneId') || '',
  origin: (hash.get('origin') || '') as '' | 'FDI' | 'DDI',
  units: (unitsParam === 'historical' || unitsParam === 'current' ? unitsParam : '') as '' | UnitsMode,
  interval: hash.get('interval') || 'month',
  chartOrigin: 'FDI' as 'FDI' | 'DDI',
  pollMs: Number(hash.get('poll')) || 5000,
  register: { q: '', sort: 'projectCode', order: 'asc' as 'asc' | 'desc', page: 1, pageSize: 10, total: 0, items: [] as RegisterItem[] },
  head: null as string | null,
  reference: { regions: [], provinces: [], boards: [], zones: [] } as Reference,
  data: null as Loaded | null,
  role: null as string | null,
  project: null as { code: string } | null,
};

if (hash.has('token')) {
  // Keep the token out of the address bar (and of screenshots and history).
  hash.delete('token');
  history.replaceState(null, '', `${location.pathname}${location.search}${[...hash].length ? `#${hash}` : ''}`);
}

/** The role claim of a JWT, read without verifying (the server verifies; this only words a message). */
export function roleOf(token: string): string | null {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).role || null;
  } catch {
    return null;
  }
}

export function useToken(token: string): void {
  state.token = token;
  state.role = roleOf(token);
  if (token) sessionStorage.setItem('ledger-token', token);
}
useToken(state.token);

export const t = (key: Key) => label(state.lang, key);
export const $ = <E extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as E;
