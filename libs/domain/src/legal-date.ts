import { RuleCode, RuleViolation } from './errors';

/** A legal date `YYYY-MM-DD` (no time, no zone). ISO strings compare correctly as text. */
export type LegalDate = string;

/** Vietnam's first Law on Foreign Investment: no licensing act takes effect before it. */
export const EARLIEST_LEGAL_DATE: LegalDate = '1987-12-29';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLegalDate(value: unknown): value is LegalDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  // Round-tripping rejects dates that do not exist, such as 2023-02-30.
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export function legalDate(value: unknown, field: string): LegalDate {
  if (!isLegalDate(value)) {
    throw new RuleViolation(RuleCode.DATE_INVALID, `${field} must be an existing date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The legal date in Vietnam (UTC+7, no daylight saving) at a system instant. */
export function vietnamDateOf(instant: Date): LegalDate {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: LegalDate, days: number): LegalDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function addYears(date: LegalDate, years: number): LegalDate {
  const [y, m, d] = date.split('-').map(Number);
  // 29 February maps to 28 February in a common year, as Vietnamese statistics do.
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) return addDays(`${y + years}-${String(m).padStart(2, '0')}-01`, 27);
  return target.toISOString().slice(0, 10);
}
