import type Database from 'better-sqlite3';
import type { ProjectEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { statement } from '../runner/statements';

/**
 * Read models derived from a project's whole (corrected) stream keep every version of what they
 * derived: `known_from` is the recording time of the event that derived it, `known_until` that of
 * the event whose version replaced it (NULL: the current one). "As known at T" is then exactly the
 * version with known_from <= T < known_until, and a rebuild from position 0 derives the same versions.
 */
export const KNOWN_COLUMNS = 'known_from TEXT NOT NULL, known_until TEXT';

type Value = string | bigint | null;

/**
 * Makes `rows` (values of `columns`, after project_code) the project's current version from
 * `recordedAt`; the previous version stays, closed at that time. Nothing is written when the rows
 * are those of the current version (an act that changed nothing here adds no version).
 */
function recordVersion(db: Database.Database, table: string, columns: readonly string[], code: string, recordedAt: string, rows: readonly Value[][]): void {
  const current = statement(db, `SELECT ${columns.join(', ')} FROM ${table} WHERE project_code = ? AND known_until IS NULL ORDER BY ${columns[0]}`).raw().safeIntegers().all(code) as Value[][];
  const key = (list: readonly Value[][]) => JSON.stringify(list.map((r) => r.map((v) => (v === null ? null : String(v)))));
  if (key(current) === key([...rows].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)))) return;
  statement(db, `UPDATE ${table} SET known_until = ? WHERE project_code = ? AND known_until IS NULL`).run(recordedAt, code);
  const insert = statement(db, `INSERT INTO ${table} (project_code, ${columns.join(', ')}, known_from, known_until) VALUES (?, ${columns.map(() => '?').join(', ')}, ?, NULL)`);
  for (const row of rows) insert.run(code, ...row, recordedAt);
}

/**
 * The project's stream up to `version`, from the project register's copy (project_register_events):
 * the runner has brought the register to at least this page before the read models listed after it
 * in allProjections().
 */
function projectHistory(db: Database.Database, code: string, version: bigint | number): ProjectEvent[] {
  const rows = statement(db, 'SELECT type, data FROM project_register_events WHERE project_code = ? AND version <= ? ORDER BY version').all(code, version) as { type: string; data: string }[];
  return rows.map((row) => ({ type: row.type, data: JSON.parse(row.data) }) as ProjectEvent);
}

/** The project event's derivation, from its stream up to the event, becomes the project's current version of `table`. */
export function recordDerivedVersion(db: Database.Database, recorded: RecordedEvent, table: string, columns: readonly string[], derive: (history: ProjectEvent[]) => Value[][]): void {
  const code = recorded.streamId.slice('project-'.length);
  recordVersion(db, table, columns, code, recorded.recordedAt, derive(projectHistory(db, code, recorded.streamVersion)));
}
