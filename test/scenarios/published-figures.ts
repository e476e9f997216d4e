/**
 * Figures as published in ../shared/seeds (2016 board reports), as exact minor units:
 * USD in cents, VND in đồng. "4.841,2 triệu USD" = 4,841.2 million USD.
 */
/** "4841.2" with `unit` minor units per 1 → bigint, exactly (no floating point). */
function decimal(text: string, unit: bigint): bigint {
  const [whole, fraction = ''] = text.split('.');
  const scale = 10n ** BigInt(fraction.length);
  return (BigInt(whole + fraction) * unit) / scale;
}
export const musd = (millions: string) => decimal(millions, 100_000_000n); // 1 M USD = 100,000,000 cents
export const bnvnd = (billions: string) => decimal(billions, 1_000_000_000n); // 1 bn VND = 1,000,000,000 đồng

/** Seed 001: the 11 Red River Delta boards, year 2016. */
export const RED_RIVER_DELTA_2016 = {
  newCertificates: { FDI: { count: 257, capital: musd('4841.2') }, DDI: { count: 118, capital: bnvnd('33009.6') } },
  adjustmentOccurrences: { FDI: 742, DDI: 186 },
  increasedCapital: { FDI: musd('1550.3'), DDI: bnvnd('9766.8') },
  validAtYearEnd: { FDI: { count: 2034, capital: musd('41552.9') }, DDI: { count: 1611, capital: bnvnd('255854.2') } },
  realizedInYear: { FDI: musd('2367.4'), DDI: bnvnd('8849.3') },
  cumulativeRealized: { FDI: musd('23255.3'), DDI: bnvnd('117412.5') },
  realizationRatioPct: { FDI: '56.0', DDI: '45.9' },
} as const;

/** Seed 000: boards of the Northern midlands and mountains, year 2016 (figures given per province). */
export const NORTHERN_MIDLANDS_2016 = {
  'BQL-BG': { newFDI: 31, newDDI: 13, newCapitalUSD: musd('840.37'), newCapitalVND: bnvnd('3214.7') },
  'BQL-TN': { newFDI: 22, newDDI: 8, projectsAdjusted: 38, increases: 13, decreases: 1, newAndAddedUSD: musd('150.149'), newAndAddedVND: bnvnd('1203.87') },
  'BQL-PT': { newFDI: 14, newDDI: 16, newCapitalUSD: musd('131.8'), newCapitalVND: bnvnd('4336.8') },
  'BQL-YB': { newFDI: 0, newDDI: 6, newCapitalUSD: 0n, newCapitalVND: bnvnd('1845') },
} as const;
