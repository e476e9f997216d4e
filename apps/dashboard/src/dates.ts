/**
 * Date fields written day/month/year ("31/12/2016"), whatever the browser's language: a native
 * date input follows the browser's locale (12/31/2016 under an English-set Chromium in Vietnam).
 * The fields hold text; the dashboard keeps ISO dates (2016-12-31) and converts at the edge.
 */
export function isoOfDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const dayMonthYearOf = (iso: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** The ISO date in a day/month/year field, or null (and the field marked invalid) when it is not a date. */
export function readDateField(input: HTMLInputElement): string | null {
  const iso = isoOfDayMonthYear(input.value);
  input.classList.toggle('invalid', iso === null);
  input.setAttribute('aria-invalid', String(iso === null));
  return iso;
}

export function writeDateField(input: HTMLInputElement, iso: string): void {
  input.value = dayMonthYearOf(iso);
  input.classList.remove('invalid');
  input.setAttribute('aria-invalid', 'false');
}
