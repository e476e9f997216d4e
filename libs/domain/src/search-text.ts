/**
 * Text as a search matches it: without diacritics or case, đ as d, spaces folded — so "Sao Viet" finds
 * "Sao Việt" and "bo mach" finds "bo mạch".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
