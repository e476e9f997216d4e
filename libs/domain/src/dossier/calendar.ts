import { RuleCode, RuleViolation } from '../errors';
import { addDays, isLegalDate, type LegalDate } from '../legal-date';

/** One year of the official calendar of state agencies, as announced by the government. */
export interface HolidayYear {
  year: number;
  /** Weekdays without work: public holidays, compensatory days off, swapped days off. */
  daysOff: { date: LegalDate; name: string }[];
  /** Saturdays or Sundays worked instead of a swapped day off (ngày làm bù). */
  workingWeekends: { date: LegalDate; name: string }[];
  sources: string[];
}

export class CalendarConfigError extends Error {
  override readonly name = 'CalendarConfigError';
}

const isWeekend = (date: LegalDate) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/** Checks one year file; every complaint names the file and the record. */
export function validateHolidayYear(json: unknown, file: string): HolidayYear {
  const fail = (what: string): never => {
    throw new CalendarConfigError(`${file}: ${what}`);
  };
  if (typeof json !== 'object' || json === null) fail('must be a JSON object');
  const data = json as Record<string, unknown>;
  const year = data.year;
  if (!Number.isInteger(year)) fail('year must be an integer');
  const days = (key: 'daysOff' | 'workingWeekends', weekend: boolean) => {
    const list = data[key];
    if (!Array.isArray(list)) fail(`${key} must be an array`);
    const seen = new Set<string>();
    return (list as unknown[]).map((entry, i) => {
      const { date, name } = (entry ?? {}) as { date?: unknown; name?: unknown };
      if (!isLegalDate(date) || !date.startsWith(`${year}-`)) fail(`${key}[${i}].date must be an existing date of ${year}, got ${JSON.stringify(date)}`);
      if (typeof name !== 'string' || !name.trim()) fail(`${key}[${i}] (${date}) needs a name`);
      // A holiday on a weekend is recorded by the weekday it moves to; a make-up day is always a weekend day.
      if (isWeekend(date as string) !== weekend) fail(`${key}[${i}] ${date} is ${weekend ? 'not ' : ''}a Saturday or Sunday`);
      if (seen.has(date as string)) fail(`${key}[${i}] ${date} is listed twice`);
      seen.add(date as string);
      return { date: date as string, name: name as string };
    });
  };
  const sources = data.sources;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && s.trim())) fail('sources must name where the dates come from');
  return { year: year as number, daysOff: days('daysOff', false), workingWeekends: days('workingWeekends', true), sources: sources as string[] };
}

/**
 * Working days of state agencies: Monday to Friday, except the announced days off, plus the
 * announced make-up Saturdays. A date in a year the calendar does not hold is an error, never a guess.
 */
export class WorkingCalendar {
  private readonly years = new Set<number>();
  private readonly off = new Set<LegalDate>();
  private readonly worked = new Set<LegalDate>();

  constructor(years: readonly HolidayYear[]) {
    for (const y of years) {
      if (this.years.has(y.year)) throw new CalendarConfigError(`the holiday calendar holds ${y.year} twice`);
      this.years.add(y.year);
      for (const d of y.daysOff) this.off.add(d.date);
      for (const d of y.workingWeekends) this.worked.add(d.date);
    }
  }

  get yearsHeld(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkingDay(date: LegalDate): boolean {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) {
      throw new RuleViolation(RuleCode.CALENDAR_YEAR_MISSING, `the holiday calendar has no year ${year} (config/holidays/${year}.json); a deadline in ${year} cannot be computed`);
    }
    if (this.worked.has(date)) return true;
    return !isWeekend(date) && !this.off.has(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LegalDate): LegalDate {
    let d = addDays(date, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The `n`-th working day after `date` (the day itself is not counted). */
  addWorkingDays(date: LegalDate, n: number): LegalDate {
    let d = date;
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }
}
