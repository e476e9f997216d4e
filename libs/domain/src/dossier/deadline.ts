import { addDays, type LegalDate } from '../legal-date';
import type { WorkingCalendar } from './calendar';
import type { DayUnit, DossierClock, ProcedureTerms } from './types';

/** Local time of day (Vietnam, UTC+7) from which a dossier counts as received on the next working day. */
export const DEFAULT_OFFICE_CLOSES_AT = '17:00';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** Local date and time of day of an instant in Vietnam (no daylight saving). */
function vietnamLocal(instant: string): { date: LegalDate; time: string } {
  const local = new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * The day a complete dossier counts as received: its local date, or the next working day when it
 * arrived on a day off or at or after closing time (an online filing at night, a Saturday post).
 */
export function receiptDayOf(instant: string, calendar: WorkingCalendar, closesAt = DEFAULT_OFFICE_CLOSES_AT): LegalDate {
  const { date, time } = vietnamLocal(instant);
  return calendar.isWorkingDay(date) && time < closesAt ? date : calendar.nextWorkingDay(date);
}

/**
 * The last day of a time limit of `days` counted from `start` (the day itself not counted, Civil
 * Code 2015 art. 147): in working days, the days-th working day after it; in calendar days, start +
 * days, moved to the next working day when that is a day off (Civil Code 2015 art. 148(5)).
 */
export function dueOn(start: LegalDate, days: number, unit: DayUnit, calendar: WorkingCalendar): LegalDate {
  if (unit === 'working') return calendar.addWorkingDays(start, days);
  const last = addDays(start, days);
  return calendar.isWorkingDay(last) ? last : calendar.nextWorkingDay(last);
}

/** The clock of a dossier complete at `completeAt`: statutory and committed due dates. */
export function dossierClock(completeAt: string, terms: ProcedureTerms, calendar: WorkingCalendar, closesAt = DEFAULT_OFFICE_CLOSES_AT): DossierClock {
  const clockStartsOn = receiptDayOf(completeAt, calendar, closesAt);
  return {
    clockStartsOn,
    statutoryDueOn: dueOn(clockStartsOn, terms.statutoryDays, terms.unit, calendar),
    committedDueOn: dueOn(clockStartsOn, terms.committedDays, terms.unit, calendar),
  };
}
