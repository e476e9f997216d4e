import { formatUsdCents, type Origin } from '@ledger/domain';

/** FDI figures are reported in USD, DDI in VND: one currency per sum, never mixed. */
export const CURRENCY: Record<Origin, 'USD' | 'VND'> = { FDI: 'USD', DDI: 'VND' };

export interface Amount {
  currency: 'USD' | 'VND';
  amount: string;
}

export function amountOf(origin: Origin, vnd: bigint, usdCents: bigint): Amount {
  return origin === 'FDI' ? { currency: 'USD', amount: formatUsdCents(usdCents) } : { currency: 'VND', amount: vnd.toString() };
}

/** part / whole as a percentage with one decimal, rounded half up; null when whole is zero. */
export function percent(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const negative = part < 0n !== whole < 0n && part !== 0n;
  const [p, w] = [part < 0n ? -part : part, whole < 0n ? -whole : whole];
  const tenths = (p * 2000n + w) / (2n * w);
  return `${negative ? '-' : ''}${tenths / 10n}.${tenths % 10n}`;
}
