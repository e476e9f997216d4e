import type Database from 'better-sqlite3';
import { statement } from './statements';

/**
 * Writes `rows` (each `width` values, in column order) with `into` (`INSERT INTO t`) and an optional
 * `ON CONFLICT` clause: one prepared single-row statement run per row, inside the caller's transaction.
 * Measured on the facts table (2026-12-02): multi-row VALUES of 8 or 64 rows took about twice as long
 * per row as this, binding the long parameter list costing more than the calls it saves.
 */
export function insertRows(db: Database.Database, into: string, width: number, rows: readonly (readonly unknown[])[], onConflict = ''): void {
  if (rows.length === 0) return;
  const one = statement(db, `${into} VALUES (${Array(width).fill('?').join(', ')}) ${onConflict}`);
  for (const row of rows) one.run(row);
}

/** `ON CONFLICT (key) DO UPDATE` of every other column: an upsert that rewrites a row in place (its indexes change only where their columns did). */
export const updateOnConflict = (key: string, columns: readonly string[]) =>
  `ON CONFLICT (${key}) DO UPDATE SET ${columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`).join(', ')}`;
