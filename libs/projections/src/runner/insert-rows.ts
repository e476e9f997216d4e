import type Database from 'better-sqlite3';
import { statement } from './statements';

/** Rows per multi-row INSERT: one call into SQLite per chunk instead of per row (16 columns × 64 rows stays far below SQLite's 32,766 variables). */
const CHUNK = 64;

const valuesOf = (width: number, rows: number) => Array(rows).fill(`(${Array(width).fill('?').join(', ')})`).join(', ');

/** Writes `rows` (each `width` values, in column order) with `into` (`INSERT INTO t`) and an optional `ON CONFLICT` clause. */
export function insertRows(db: Database.Database, into: string, width: number, rows: readonly (readonly unknown[])[], onConflict = ''): void {
  let i = 0;
  if (rows.length >= CHUNK) {
    const chunk = statement(db, `${into} VALUES ${valuesOf(width, CHUNK)} ${onConflict}`);
    for (; i + CHUNK <= rows.length; i += CHUNK) chunk.run(rows.slice(i, i + CHUNK).flat());
  }
  if (i === rows.length) return;
  const one = statement(db, `${into} VALUES ${valuesOf(width, 1)} ${onConflict}`);
  for (; i < rows.length; i++) one.run(rows[i]);
}

/** `ON CONFLICT (key) DO UPDATE` of every other column: an upsert that rewrites a row in place (its indexes change only where their columns did). */
export const updateOnConflict = (key: string, columns: readonly string[]) =>
  `ON CONFLICT (${key}) DO UPDATE SET ${columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`).join(', ')}`;
