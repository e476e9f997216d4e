/**
 * Money as officers type it, to the exact decimal strings the API takes — never through a float.
 * Vietnamese writing groups thousands with "." and separates decimals with ","; English the reverse.
 */
export type InputLang = 'vi' | 'en';

const clean = (text: string) => text.trim().replace(/\s+/g, '').replace(/(đ|đồng|vnd|usd|\$)$/i, '');

/** "1.250.000.000" (vi) or "1,250,000,000" (en) → "1250000000"; undefined when it is not a whole amount. */
export function parseVndInput(text: string, lang: InputLang): string | undefined {
  const t = clean(text);
  const group = lang === 'vi' ? '.' : ',';
  const plain = t.split(group).join('');
  if (!/^\d+$/.test(plain)) return undefined;
  if (t.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(t)) return undefined;
  return BigInt(plain).toString();
}

/** A typed decimal: its whole part (grouped as the language writes it) and up to `places` decimals. */
function parseDecimalInput(text: string, lang: InputLang, places: number): { units: string; fraction: string } | undefined {
  const [whole, fraction, extra] = clean(text).split(lang === 'vi' ? ',' : '.');
  if (extra !== undefined || (fraction !== undefined && !new RegExp(`^\\d{1,${places}}$`).test(fraction))) return undefined;
  const units = parseVndInput(whole, lang);
  return units === undefined ? undefined : { units, fraction: fraction ?? '' };
}

/** "400.000,5" (vi) or "400,000.50" (en) → "400000.50"; at most two decimals. */
export function parseUsdInput(text: string, lang: InputLang): string | undefined {
  const d = parseDecimalInput(text, lang, 2);
  return d && `${d.units}.${d.fraction.padEnd(2, '0')}`;
}

/** A rate as printed ("23.500" or "23.500,5" in vi) → "23500" / "23500.5" (up to 4 decimals). */
export function parseRateInput(text: string, lang: InputLang): string | undefined {
  const d = parseDecimalInput(text, lang, 4);
  if (!d || d.units === '0') return undefined;
  const f = d.fraction.replace(/0+$/, '');
  return f ? `${d.units}.${f}` : d.units;
}

const rateScaled = (rate: string) => {
  const [w, f = ''] = rate.split('.');
  return BigInt(w) * 10_000n + BigInt(f.padEnd(4, '0'));
};
const divRound = (a: bigint, b: bigint) => (a * 2n + b) / (2n * b);
const centsOf = (usd: string) => {
  const [w, f = ''] = usd.split('.');
  return BigInt(w) * 100n + BigInt(f.padEnd(2, '0'));
};
const usdOf = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

export interface FdiAmount {
  vnd?: string;
  usd?: string;
  exchangeRate?: string;
}

/**
 * Any two of VND, USD and the rate give the third, rounded as certificates print it (USD to the cent,
 * VND to the đồng, the rate to 4 decimals); `missing` names the one to compute.
 */
export function completeFdiAmount(amount: FdiAmount, missing: keyof FdiAmount): FdiAmount {
  const { vnd, usd, exchangeRate } = amount;
  if (missing === 'usd' && vnd && exchangeRate) return { ...amount, usd: usdOf(divRound(BigInt(vnd) * 1_000_000n, rateScaled(exchangeRate))) };
  if (missing === 'vnd' && usd && exchangeRate) return { ...amount, vnd: divRound(centsOf(usd) * rateScaled(exchangeRate), 1_000_000n).toString() };
  if (missing === 'exchangeRate' && vnd && usd && centsOf(usd) > 0n) {
    const scaled = divRound(BigInt(vnd) * 1_000_000n, centsOf(usd));
    const f = String(scaled % 10_000n).padStart(4, '0').replace(/0+$/, '');
    return { ...amount, exchangeRate: f ? `${scaled / 10_000n}.${f}` : String(scaled / 10_000n) };
  }
  return amount;
}

/** "31/12/2016" → "2016-12-31" (an ISO date passes through); undefined when it is no real date. */
export function parseDateInput(text: string): string | undefined {
  const t = text.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!dmy && !iso) return undefined;
  const [d, mo, y] = dmy ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])] : [Number(iso?.[3]), Number(iso?.[2]), Number(iso?.[1])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
