import y2024 from '../../../../config/holidays/2024.json';
import y2025 from '../../../../config/holidays/2025.json';
import y2026 from '../../../../config/holidays/2026.json';
import { WorkingCalendar, validateHolidayYear } from '../dossier/calendar';

/** The real 2024–2026 calendars from config/holidays, so specs pin the announced days. */
export const calendar2024To2026 = new WorkingCalendar([y2024, y2025, y2026].map((y) => validateHolidayYear(y, `${y.year}.json`)));

/** Without 2026: a deadline running into a year the calendar does not hold. */
export const calendar2024And2025 = new WorkingCalendar([y2024, y2025].map((y) => validateHolidayYear(y, `${y.year}.json`)));
