import { formatCount, formatDate, formatMoney, formatPercent, formatTenths, toMinorUnits, LOCALE } from '@ledger/labels';
import { percent } from '../../../libs/reporting/src/figures';
import { state } from './state';

/** The server's exact formatting (@ledger/labels), in the dashboard's current language. */
export const fmtCount = (n: number | bigint) => formatCount(n, state.lang);
/** USD → "1.211,3 triệu USD"; VND → "1.294,6 tỷ đồng" (half up on bigint). */
export const fmtMoney = (amount: string, currency: 'USD' | 'VND') => formatMoney({ amount, currency }, state.lang);
export const fmtPct = (pct: string | null | undefined) => formatPercent(pct ?? null, state.lang);
export const fmtDate = (date: string | null | undefined) => (date ? formatDate(date) : '');
export const locale = () => LOCALE[state.lang];

/** current/previous − 1 as a one-decimal percentage string, or null when previous is zero. */
export const changePct = (current: bigint, previous: bigint) => (previous === 0n ? null : percent(current - previous, previous));
export const minor = (amount: string, currency: 'USD' | 'VND') => toMinorUnits(amount, currency === 'USD' ? 2 : 0);
export const tenthsOf = (pct: string) => toMinorUnits(pct, 1);
export const fmtTenths = (tenths: bigint) => formatTenths(tenths, state.lang, true);

/** Chart values: millions of USD or billions of VND as floats (display only, never a figure). */
export const chartValue = (amount: string, currency: 'USD' | 'VND') => Number(amount) / (currency === 'USD' ? 1e6 : 1e9);
export const chartNumber = (value: number, digits = 0) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
/** A money axis's tick as ECharts chose it: 0,02 on an axis up to 0,05 triệu USD, where whole numbers labelled every tick 0. */
export const axisNumber = (tick: number) => chartNumber(tick, 4);

export function addYears(date: string, years: number): string {
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${Number(date.slice(0, 4)) + years}-${md}`;
}
