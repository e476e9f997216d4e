/**
 * Exact decimals from spreadsheet cells, never through floating point arithmetic.
 *
 * Text cells are read as typed, in Vietnamese or English notation: `1.234.567`, `1.234,5`,
 * `1,234.5`, `840,37`, `1234.5`. When only one kind of separator occurs: several of them are thousands
 * separators; a single comma is the decimal comma (Vietnamese); a single dot followed by exactly three
 * digits is a thousands dot (`1.234` = 1234, Vietnamese), any other single dot a decimal point.
 *
 * Numeric cells hold an IEEE double. Their decimal is the shortest one that reads back as the same
 * double (ECMAScript Number#toString), which is what Excel shows for numbers of up to 15 significant
 * digits — Excel itself keeps no more — so `840.37` is read as 840.37, never 840.3699999…; a formula's
 * result with binary noise is read at those 15 digits, as Excel shows it.
 */
export interface Decimal {
  /** The digits as an integer: value = units × 10^-scale. */
  units: bigint;
  scale: number;
}

export class NumberFormatError extends Error {}

const PLAIN = /^-?\d+(\.\d+)?$/;

export function decimalOfNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new NumberFormatError(`${value} is not a number`);
  let parsed = expanded(String(value));
  if (significantDigits(parsed) > 15) {
    // Formula results carry binary noise (840.3700000000001); Excel shows 15 significant digits, and so do we.
    if (Math.abs(value) >= 1e15) throw new NumberFormatError(`${value} has more than the 15 significant digits a spreadsheet number keeps; type it as text`);
    parsed = expanded(value.toPrecision(15));
  }
  return parsed;
}

/** A JavaScript number's text (maybe with an exponent) as units × 10^-scale, trailing zeros dropped. */
function expanded(text: string): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text) as RegExpExecArray;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const scale = fraction.length - Number(m[4] ?? 0);
  const units = BigInt(`${m[1]}${m[2]}${fraction}`);
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

const significantDigits = (d: Decimal) => (d.units < 0n ? -d.units : d.units).toString().replace(/0+$/, '').length;

export function decimalOfText(raw: string): Decimal {
  // A currency written into the cell ("12.500 USD", "350 tỷ" is not: units belong in the header).
  let text = raw.replace(/[\s\u00a0]/g, '').replace(/^(US\$|\$)|(USD|VNĐ|VND|đồng|đ)$/i, '');
  if (text === '') throw new NumberFormatError('empty');
  const [dots, commas] = [(text.match(/\./g) ?? []).length, (text.match(/,/g) ?? []).length];
  if (dots > 0 && commas > 0) {
    const decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const thousands = decimalMark === '.' ? ',' : '.';
    text = text.split(thousands).join('').replace(decimalMark, '.');
  } else if (commas > 1 || dots > 1) {
    text = text.replace(/[.,]/g, '');
  } else if (commas === 1) {
    text = text.replace(',', '.');
  } else if (dots === 1 && /^-?\d{1,3}\.\d{3}$/.test(text)) {
    text = text.replace('.', '');
  }
  if (!PLAIN.test(text)) throw new NumberFormatError(`${JSON.stringify(raw)} is not a number`);
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

export function decimalOf(value: string | number): Decimal {
  return typeof value === 'number' ? decimalOfNumber(value) : decimalOfText(value);
}

/**
 * The decimal in units of 10^-`decimals` after multiplying by 10^`shift` (a unit such as triệu = 10^6);
 * undefined when that is not a whole number of those units (e.g. a tỷ đồng figure finer than one đồng).
 */
export function scaled(value: Decimal, shift: number, decimals: number): bigint | undefined {
  const exponent = shift + decimals - value.scale;
  if (exponent >= 0) return value.units * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(-exponent);
  return value.units % divisor === 0n ? value.units / divisor : undefined;
}

/** A decimal as plain text (`22159`, `22159.5`): for exchange rates. */
export function decimalText(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const text = value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`.replace(/\.?0+$/, '');
  return `${negative ? '-' : ''}${text}`;
}

/** a / b rounded half up, for non-negative a and positive b. */
export function divideRounded(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}
