/**
 * Exact formatting of report figures for published text. Amounts arrive as decimal strings
 * ("4841200000.00" USD, "33009600000000" VND); they are scaled and rounded half up to one decimal
 * on bigint, and only the rounded integer part is handed to Intl.NumberFormat (as a bigint) for
 * digit grouping — never a float of the full amount. Shared by the narrative and the analysts'
 * dashboard (bundled for the browser), so every reader sees the same rounding.
 */
import type { Lang } from './lang';

export const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

/** "-12.5" → -1250 (minor units with `decimals` places); throws on anything but a plain decimal. */
export function toMinorUnits(decimal: string, decimals: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) throw new Error(`not a decimal string: ${JSON.stringify(decimal)}`);
  const fraction = (m[3] ?? '').padEnd(decimals, '0');
  if (fraction.length > decimals && /[^0]/.test(fraction.slice(decimals))) throw new Error(`more than ${decimals} decimals: ${decimal}`);
  const value = BigInt(m[2]) * 10n ** BigInt(decimals) + BigInt(fraction.slice(0, decimals) || '0');
  return m[1] === '-' ? -value : value;
}

/** value / divisor rounded half up (away from zero for negatives), as a bigint. */
export function divideHalfUp(value: bigint, divisor: bigint): bigint {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const q = (abs * 2n + divisor) / (2n * divisor);
  return negative ? -q : q;
}

const decimalSeparator = (lang: Lang) => new Intl.NumberFormat(LOCALE[lang]).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';

/**
 * A number held as tenths (bigint) in the locale: "4.841,2" (vi) / "4,841.2" (en).
 * `dropZeroTenth`: "56" instead of "56,0" (the boards write ratios that way: "đạt 56%").
 */
export function formatTenths(tenths: bigint, lang: Lang, dropZeroTenth = false): string {
  const negative = tenths < 0n;
  const abs = negative ? -tenths : tenths;
  const whole = new Intl.NumberFormat(LOCALE[lang], { useGrouping: true }).format(abs / 10n);
  const digit = abs % 10n;
  const text = dropZeroTenth && digit === 0n ? whole : `${whole}${decimalSeparator(lang)}${digit}`;
  return negative ? `-${text}` : text;
}

export function formatCount(count: number | bigint, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(BigInt(count));
}

/** USD amount as millions with one decimal: "4841200000.00" → "4.841,2 triệu USD" / "4,841.2 million USD". */
export function formatMillionUsd(amount: string, lang: Lang): string {
  const tenths = divideHalfUp(toMinorUnits(amount, 2), 10n ** 7n); // 0.1 million USD = 10^7 cents
  return `${formatTenths(tenths, lang)} ${lang === 'vi' ? 'triệu USD' : 'million USD'}`;
}

/** VND amount as billions with one decimal: "33009600000000" → "33.009,6 tỷ đồng" / "33,009.6 billion VND". */
export function formatBillionVnd(amount: string, lang: Lang): string {
  const tenths = divideHalfUp(toMinorUnits(amount, 0), 10n ** 8n); // 0.1 billion VND = 10^8 đồng
  return `${formatTenths(tenths, lang)} ${lang === 'vi' ? 'tỷ đồng' : 'billion VND'}`;
}

export function formatMoney(amount: { currency: 'USD' | 'VND'; amount: string }, lang: Lang): string {
  return amount.currency === 'USD' ? formatMillionUsd(amount.amount, lang) : formatBillionVnd(amount.amount, lang);
}

/** A one-decimal percentage string from the reports ("56.0", "45.9") → "56%", "45,9%"; null → a dash. */
export function formatPercent(pct: string | null, lang: Lang): string {
  if (pct === null) return '—';
  return `${formatTenths(toMinorUnits(pct, 1), lang, true)}%`;
}

/** The ratio current/previous (percent, one decimal) as a change: "tăng 25%", "giảm 10,5%". */
export function formatChange(ratioPct: string | null, lang: Lang): string {
  if (ratioPct === null) return lang === 'vi' ? 'chưa có số liệu cùng kỳ để so sánh' : 'has no same-period figure to compare with';
  const change = toMinorUnits(ratioPct, 1) - 1000n;
  if (change === 0n) return lang === 'vi' ? 'không thay đổi' : 'is unchanged';
  const size = `${formatTenths(change < 0n ? -change : change, lang, true)}%`;
  if (lang === 'vi') return `${change > 0n ? 'tăng' : 'giảm'} ${size}`;
  return `${change > 0n ? 'rose' : 'fell'} by ${size}`;
}

/** 2016-12-31 → 31/12/2016 (the boards' date format, in both languages). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A reporting period in words, as the boards head their tables: "2016-Q3" → "Quý III/2016" /
 * "Q3 2016", "2016-H1" → "6 tháng đầu năm 2016" / "H1 2016", "2016-07" → "Tháng 7/2016" / "07/2016",
 * "2016" → "Năm 2016" / "2016". Anything else is returned unchanged.
 */
export function formatPeriod(period: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) return period;
  const [, year, part] = m;
  if (!part) return lang === 'vi' ? `Năm ${year}` : year;
  if (part.startsWith('Q')) return lang === 'vi' ? `Quý ${ROMAN[Number(part[1]) - 1]}/${year}` : `${part} ${year}`;
  if (part.startsWith('H')) return lang === 'vi' ? `6 tháng ${part === 'H1' ? 'đầu' : 'cuối'} năm ${year}` : `${part} ${year}`;
  return lang === 'vi' ? `Tháng ${Number(part)}/${year}` : `${part}/${year}`;
}

/** An instant in Vietnam time (UTC+7, no daylight saving) as "31/12/2016 14:05", 24-hour, in both languages. */
export function formatVietnamTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * A decimal string in the locale, digits kept as given (no rounding): "115.7500" → "115,75" (vi),
 * "115.75" (en); with `decimals`, exactly that many: "52.1" → "52,10".
 */
export function formatDecimal(decimal: string, lang: Lang, decimals?: number): string {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = decimals === undefined ? fraction.replace(/0+$/, '') : fraction.padEnd(decimals, '0').slice(0, decimals);
  return `${negative ? '-' : ''}${formatCount(BigInt(whole), lang)}${digits ? `${decimalSeparator(lang)}${digits}` : ''}`;
}
