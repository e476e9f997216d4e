import y2024 from '../../../../config/holidays/2024.json';
import y2025 from '../../../../config/holidays/2025.json';
import { WorkingCalendar, validateHolidayYear } from '../dossier/calendar';

/** The real 2024 and 2025 calendars from config/holidays, so specs pin the announced days. */
export const calendar2024And2025 = new WorkingCalendar([validateHolidayYear(y2024, '2024.json'), validateHolidayYear(y2025, '2025.json')]);
