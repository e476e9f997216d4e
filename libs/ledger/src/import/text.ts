/**
 * The form a spreadsheet's text is compared in: accents removed (đ → d), lower case, punctuation
 * and runs of spaces (non-breaking ones included) folded to one space. "Mã số  dự án " and
 * "MA SO DU AN" compare equal; the original text is kept for the report.
 */
export function keyOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A cell's text as typed: trimmed, inner runs of whitespace (line breaks, NBSP) kept as one space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
