import { readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CalendarConfigError, PROJECT_EVENT_TYPES, WorkingCalendar, validateHolidayYear, type ProcedureTerms } from '@ledger/domain';

export interface Procedure extends ProcedureTerms {
  nameVi: string;
  nameEn: string;
  basis: string;
}

/** The one-stop desk's configuration: the procedure catalogue and the official working calendar. */
export interface DossierConfig {
  procedures: ReadonlyMap<string, Procedure>;
  calendar: WorkingCalendar;
  officeClosesAt: string;
}

const CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function readJson(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CalendarConfigError(`${label}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CalendarConfigError(`${label}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

function validateProcedure(json: unknown, label: string): Procedure {
  const p = (json ?? {}) as Record<string, unknown>;
  const fail = (what: string): never => {
    throw new CalendarConfigError(`${label}: ${what}`);
  };
  if (typeof p.code !== 'string' || !CODE.test(p.code)) fail(`code must be an upper-case code, got ${JSON.stringify(p.code)}`);
  for (const k of ['nameVi', 'nameEn', 'basis'] as const) if (typeof p[k] !== 'string' || !(p[k] as string).trim()) fail(`${p.code}: ${k} is required`);
  if (p.unit !== 'calendar' && p.unit !== 'working') fail(`${p.code}: unit must be calendar or working`);
  const positive = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (!positive(p.statutoryDays)) fail(`${p.code}: statutoryDays must be a positive integer`);
  if (!positive(p.committedDays) || (p.committedDays as number) > (p.statutoryDays as number)) fail(`${p.code}: committedDays must be a positive integer not above statutoryDays`);
  if (!Array.isArray(p.actTypes) || p.actTypes.length === 0 || !p.actTypes.every((t) => (PROJECT_EVENT_TYPES as readonly unknown[]).includes(t))) fail(`${p.code}: actTypes must list ledger act types (${PROJECT_EVENT_TYPES.join(', ')})`);
  return p as unknown as Procedure;
}

/**
 * Reads `<configDir>/procedures.json` and `<configDir>/holidays/<year>.json`. The calendar must hold
 * every year from its first through `throughYear` (the current year at start-up): a missing year
 * stops start-up with one line naming it rather than counting deadlines without its holidays.
 */
export function loadDossierConfig(configDir: string, throughYear: number): DossierConfig {
  const root = isAbsolute(configDir) ? configDir : resolve(process.cwd(), configDir);
  const catalogue = readJson(resolve(root, 'procedures.json'), `${configDir}/procedures.json`) as { officeClosesAt?: unknown; procedures?: unknown };
  if (typeof catalogue.officeClosesAt !== 'string' || !TIME.test(catalogue.officeClosesAt)) throw new CalendarConfigError(`${configDir}/procedures.json: officeClosesAt must be HH:MM`);
  if (!Array.isArray(catalogue.procedures)) throw new CalendarConfigError(`${configDir}/procedures.json: procedures must be an array`);
  const procedures = new Map<string, Procedure>();
  catalogue.procedures.forEach((json, i) => {
    const procedure = validateProcedure(json, `${configDir}/procedures.json procedures[${i}]`);
    if (procedures.has(procedure.code)) throw new CalendarConfigError(`${configDir}/procedures.json: procedure ${procedure.code} is listed twice`);
    procedures.set(procedure.code, procedure);
  });

  const dir = resolve(root, 'holidays');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f));
  } catch {
    throw new CalendarConfigError(`${configDir}/holidays: the holiday calendar folder cannot be read`);
  }
  const years = files.map((f) => {
    const year = validateHolidayYear(readJson(resolve(dir, f), `${configDir}/holidays/${f}`), `${configDir}/holidays/${f}`);
    if (`${year.year}.json` !== f) throw new CalendarConfigError(`${configDir}/holidays/${f}: holds year ${year.year}`);
    return year;
  });
  const held = new Set(years.map((y) => y.year));
  const first = Math.min(...held);
  for (let y = first; y <= throughYear; y++) {
    if (!held.has(y)) throw new CalendarConfigError(`${configDir}/holidays/${y}.json is missing: the holiday calendar must hold every year from ${first} through ${throughYear}`);
  }
  return { procedures, calendar: new WorkingCalendar(years), officeClosesAt: catalogue.officeClosesAt };
}
