/**
 * A validated non-negative decimal string as whole minor units: "115.75" with 2 decimals → 11575n,
 * "22300" with 4 → 223000000n. Extra decimals beyond `decimals` are cut (callers validate the pattern).
 */
export function minorUnitsOf(text: string, decimals: number): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0').slice(0, decimals) || '0');
}
