/**
 * Whole numbers read in Vietnamese as certificates print amounts "bằng chữ" (235000000000 → "hai trăm ba
 * mươi lăm tỷ"). Written here because the two npm packages for it read 105 as "một trăm lẻ lăm" or
 * "muời năm" for 15. Exact on bigint; groups of three digits: nghìn, triệu, tỷ, then nghìn tỷ …
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu'];

function tensAndOnes(t: number, u: number, afterHundreds: boolean): string[] {
  if (t === 0) return u === 0 ? [] : afterHundreds ? ['linh', DIGITS[u]] : [DIGITS[u]];
  const tens = t === 1 ? ['mười'] : [DIGITS[t], 'mươi'];
  if (u === 0) return tens;
  const ones = u === 5 ? 'lăm' : u === 1 && t > 1 ? 'mốt' : u === 4 && t > 1 ? 'tư' : DIGITS[u];
  return [...tens, ones];
}

/** A group of three digits; inner groups always say their hundreds ("không trăm linh năm"). */
function group(n: number, inner: boolean): string[] {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const hundreds = h > 0 || inner ? [DIGITS[h], 'trăm'] : [];
  return [...hundreds, ...tensAndOnes(t, u, hundreds.length > 0)];
}

/** Groups below a billion: nghìn and triệu. */
function belowBillion(n: bigint, inner: boolean): string[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    words.push(...group(groups[i], inner || i < groups.length - 1), ...(SCALES[i] ? [SCALES[i]] : []));
  }
  return words;
}

function words(n: bigint, inner: boolean): string[] {
  if (n < 1_000_000_000n) return belowBillion(n, inner);
  const [billions, rest] = [n / 1_000_000_000n, n % 1_000_000_000n];
  return [...words(billions, inner), 'tỷ', ...(rest > 0n ? belowBillion(rest, true) : [])];
}

export function vietnameseNumberWords(n: bigint): string {
  if (n < 0n) return `âm ${vietnameseNumberWords(-n)}`;
  return n === 0n ? 'không' : words(n, false).join(' ');
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** "Hai mươi tỷ đồng". */
export const vndInWords = (vnd: bigint): string => `${capitalise(vietnameseNumberWords(vnd))} đồng`;

/** "Tám trăm năm mươi mốt nghìn không trăm sáu mươi ba đô la Mỹ" (and cents as "xu"). */
export function usdInWords(cents: bigint): string {
  const [dollars, rest] = [cents / 100n, cents % 100n];
  return `${capitalise(vietnameseNumberWords(dollars))} đô la Mỹ${rest > 0n ? ` và ${vietnameseNumberWords(rest)} xu` : ''}`;
}
