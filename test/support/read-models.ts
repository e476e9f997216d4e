import Database from 'better-sqlite3';
import { comparableColumns } from '../../libs/projections/src/testing/comparable-rows';

/**
 * Every row of every projected table, in a stable order, for comparing two read-model files.
 * Report snapshots are left out: reports build them on first use, so a file that served reports has
 * some a clean rebuild has not.
 */
export function dumpReadModels(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const dump: Record<string, unknown[]> = {};
  for (const table of ['facts', 'facts_project_state', 'project_register']) dump[table] = db.prepare(`SELECT ${comparableColumns(db, table)} FROM ${table} ORDER BY 1, 2`).all();
  db.close();
  return dump;
}
