import { RuleCode, RuleViolation } from './errors';
import type { LegalDate } from './legal-date';

/** A reporting period of realized capital: `2016`, `2016-H1`, `2016-Q3` or `2016-07`. */
export interface PeriodRange {
  from: LegalDate;
  to: LegalDate;
}

const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

function monthStart(year: string, month: number): LegalDate {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

const THIRTY_DAYS = new Set([4, 6, 9, 11]);

/** The month's last day, by the calendar rather than Date: every realized-capital event's date is one (rebuilds call it a million times). */
function monthEnd(year: string, month: number): LegalDate {
  const y = Number(year);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : THIRTY_DAYS.has(month) ? 30 : 31;
  return `${year}-${String(month).padStart(2, '0')}-${days}`;
}

/** The last day of the date's month. */
export const monthEndOf = (date: LegalDate): LegalDate => monthEnd(date.slice(0, 4), Number(date.slice(5, 7)));

export function periodRange(period: string): PeriodRange {
  const m = PERIOD.exec(period);
  if (!m) throw new RuleViolation(RuleCode.PERIOD_INVALID, `period must look like 2016, 2016-H1, 2016-Q3 or 2016-07, got ${JSON.stringify(period)}`);
  const [, year, part] = m;
  let first = 1;
  let months = 12;
  if (part?.startsWith('H')) [first, months] = [part === 'H1' ? 1 : 7, 6];
  else if (part?.startsWith('Q')) [first, months] = [(Number(part[1]) - 1) * 3 + 1, 3];
  else if (part) [first, months] = [Number(part), 1];
  return { from: monthStart(year, first), to: monthEnd(year, first + months - 1) };
}
