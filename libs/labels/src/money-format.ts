/** Exact amounts as Vietnamese readers write them, from bigint minor units: never a float. */
const grouped = (n: bigint, locale: string) => new Intl.NumberFormat(locale, { useGrouping: true }).format(n);

/** 1250000000n → "1.250.000.000" (vi) / "1,250,000,000" (en). */
export const formatWhole = (n: bigint, lang: 'vi' | 'en' = 'vi'): string => `${n < 0n ? '-' : ''}${grouped(n < 0n ? -n : n, lang === 'vi' ? 'vi-VN' : 'en-US')}`;

/** 40000000n cents → "400.000,00" (vi) / "400,000.00" (en). */
export function formatCents(cents: bigint, lang: 'vi' | 'en' = 'vi'): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${formatWhole(abs / 100n, lang)}${lang === 'vi' ? ',' : '.'}${String(abs % 100n).padStart(2, '0')}`;
}

/** "1.250.000.000 đ" / "400.000,00 USD": the workspace's display of an exact decimal string. */
export const formatVndText = (vnd: string, lang: 'vi' | 'en' = 'vi') => `${formatWhole(BigInt(vnd), lang)} ${lang === 'vi' ? 'đ' : 'VND'}`;
export function formatUsdText(usd: string, lang: 'vi' | 'en' = 'vi'): string {
  const [whole, fraction = ''] = usd.replace(/^-/, '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2) || '0');
  return `${formatCents(usd.startsWith('-') ? -cents : cents, lang)} USD`;
}

/** 2016-03-15 → "ngày 15 tháng 03 năm 2016", as certificates date their issuance and changes. */
export function certificateDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}
