import { RuleCode, RuleViolation } from '../../errors';
import { calendar2024And2025 as calendar } from '../../testing/calendar-fixture';
import { CalendarConfigError, WorkingCalendar, validateHolidayYear } from '../calendar';
import { dossierClock, dueOn, receiptDayOf } from '../deadline';
import type { ProcedureTerms } from '../types';

const adjust: ProcedureTerms = { code: 'ADJUST_IRC', statutoryDays: 10, unit: 'working', committedDays: 5, actTypes: ['CertificateAdjusted'] };
const issue: ProcedureTerms = { code: 'ISSUE_IRC', statutoryDays: 15, unit: 'calendar', committedDays: 7, actTypes: ['CertificateIssued'] };

describe('working days follow the announced calendar', () => {
  it('skips Tết Giáp Thìn 2024 (Thu 08/02 – Wed 14/02) and its weekend', () => {
    expect(['2024-02-07', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-14', '2024-02-15'].map((d) => calendar.isWorkingDay(d))).toEqual([true, false, false, false, false, true]);
  });

  it('works the make-up Saturday 26/04/2025 and rests on the swapped Friday 02/05/2025', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2025-05-03')).toBe(false);
  });
});

describe('due dates (Civil Code 2015 art. 147–148: the day of receipt is not counted)', () => {
  it('10 working days across Tết 2024: received Wed 07/02/2024 → Wed 28/02/2024 (not 21/02)', () => {
    expect(dueOn('2024-02-07', 10, 'working', calendar)).toBe('2024-02-28');
  });

  it('10 working days across Tết 2025: received Fri 24/01/2025 → Fri 14/02/2025; committed 5 → Fri 07/02/2025', () => {
    expect(dossierClock('2025-01-24T09:00:00+07:00', adjust, calendar)).toEqual({ clockStartsOn: '2025-01-24', statutoryDueOn: '2025-02-14', committedDueOn: '2025-02-07' });
  });

  it('15 calendar days ending in Tết 2024 move to the next working day: 25/01/2024 + 15 = Fri 09/02 (Tết) → Thu 15/02/2024', () => {
    expect(dueOn('2024-01-25', 15, 'calendar', calendar)).toBe('2024-02-15');
  });

  it('15 calendar days ending on 2 September 2025 move to Wed 03/09/2025', () => {
    expect(dueOn('2025-08-18', 15, 'calendar', calendar)).toBe('2025-09-03');
  });

  it('working days around 2 September: from Thu 28/08/2025, 5 → Mon 08/09, 10 → Mon 15/09/2025', () => {
    expect(dossierClock('2025-08-28T10:00:00+07:00', adjust, calendar)).toMatchObject({ statutoryDueOn: '2025-09-15', committedDueOn: '2025-09-08' });
  });

  it('working days around 2 September 2024 (Mon 02 and Tue 03/09 off): from Fri 30/08/2024, 10 → Tue 17/09/2024', () => {
    expect(dueOn('2024-08-30', 10, 'working', calendar)).toBe('2024-09-17');
  });

  it('counts the make-up Saturday: 5 working days from Thu 24/04/2025 → Mon 05/05/2025 (26/04 counted, 30/04–04/05 not)', () => {
    expect(dueOn('2025-04-24', 5, 'working', calendar)).toBe('2025-05-05');
  });

  it('calendar days count through Tết; only a last day off moves: from Thu 01/02/2024, 15 → Fri 16/02, 7 → Thu 08/02 (Tết) → Thu 15/02/2024', () => {
    expect(dossierClock('2024-02-01T08:00:00+07:00', issue, calendar)).toEqual({ clockStartsOn: '2024-02-01', statutoryDueOn: '2024-02-16', committedDueOn: '2024-02-15' });
  });
});

describe('the day a dossier counts as received', () => {
  it('is its local date when it arrives on a working day before closing time (Vietnam time, UTC+7)', () => {
    expect(receiptDayOf('2025-01-24T09:59:00Z', calendar)).toBe('2025-01-24'); // 16:59 in Hà Nội
  });

  it('is the next working day at or after closing time: Fri 24/01/2025 17:00 → Mon 03/02/2025, after Tết', () => {
    expect(receiptDayOf('2025-01-24T17:00:00+07:00', calendar)).toBe('2025-02-03');
    expect(dossierClock('2025-01-24T17:30:00+07:00', adjust, calendar).statutoryDueOn).toBe('2025-02-17');
  });

  it('is the next working day for an online filing on a Sunday or a holiday', () => {
    expect(receiptDayOf('2025-01-26T10:00:00+07:00', calendar)).toBe('2025-02-03');
    expect(receiptDayOf('2025-09-02T10:00:00+07:00', calendar)).toBe('2025-09-03');
  });
});

describe('the calendar never guesses', () => {
  it('refuses a date in a year it does not hold', () => {
    let caught: unknown;
    try {
      calendar.addWorkingDays('2025-12-29', 10);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleViolation);
    expect((caught as RuleViolation).code).toBe(RuleCode.CALENDAR_YEAR_MISSING);
  });

  it.each([
    [{ year: 2025, daysOff: [{ date: '2025-01-04', name: 'x' }], workingWeekends: [], sources: ['s'] }, 'daysOff[0] 2025-01-04 is a Saturday or Sunday'],
    [{ year: 2025, daysOff: [], workingWeekends: [{ date: '2025-01-06', name: 'x' }], sources: ['s'] }, 'workingWeekends[0] 2025-01-06 is not a Saturday or Sunday'],
    [{ year: 2025, daysOff: [{ date: '2024-01-01', name: 'x' }], workingWeekends: [], sources: ['s'] }, 'daysOff[0].date must be an existing date of 2025'],
    [{ year: 2025, daysOff: [], workingWeekends: [], sources: [] }, 'sources must name where the dates come from'],
  ])('rejects a bad year file: %j', (json, message) => {
    expect(() => validateHolidayYear(json, '2025.json')).toThrow(`2025.json: ${message}`);
  });

  it('refuses to hold a year twice', () => {
    const y = { year: 2025, daysOff: [], workingWeekends: [], sources: ['s'] };
    expect(() => new WorkingCalendar([y, y])).toThrow(CalendarConfigError);
  });
});
