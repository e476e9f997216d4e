import type Database from 'better-sqlite3';

/**
 * The register row's `copies` lists rowids of its stream's copies, which depend on the order the
 * copies were appended in (log order live, stream by stream in a rebuild): for comparing two files of
 * the same history it is read as the copies' log positions instead.
 */
const COPIES_AS_POSITIONS = `(SELECT json_group_array(position) FROM (SELECT position FROM project_register_events WHERE rowid IN (SELECT value FROM json_each(project_register.copies)) ORDER BY version))`;

/** SELECT of every column of @table in table order, as two files of the same history hold them alike. */
export function comparableColumns(db: Database.Database, table: string): string {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  return columns.map((c) => (table === 'project_register' && c === 'copies' ? `${COPIES_AS_POSITIONS} AS copies` : `"${c}"`)).join(', ');
}
