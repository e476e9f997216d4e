import type Database from 'better-sqlite3';
import { statement } from '@ledger/projections';

/**
 * A piece of SQL with its bound values, composed from tagged templates (in the manner of slonik's
 * and Emmett's `sql`): a value interpolated into `sql\`…\`` is bound as `?`, an interpolated `Sql` is
 * inlined with its own values, so a report's statement is built from small fragments and no
 * request input is ever spliced into its text.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  let text = strings[0];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[i + 1];
  });
  return new Sql(text, values);
}

/** Trusted text (column lists, constants of this library): never request input. */
export const raw = (text: string) => new Sql(text, []);

export function join(parts: readonly Sql[], separator: string): Sql {
  return new Sql(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.values));
}

/** Conditions joined with AND; none is true. */
export const and = (conditions: readonly Sql[]) => (conditions.length ? join(conditions, ' AND ') : raw('1'));

/** `column IN (?, …)`; an empty list matches nothing. */
export const isIn = (column: string, values: readonly unknown[]) => (values.length ? sql`${raw(column)} IN (${join(values.map((v) => sql`${v}`), ', ')})` : raw('0'));

/** All rows, integers as bigint (exact money), on a statement prepared once per connection. */
export function all<R>(db: Database.Database, query: Sql): R[] {
  return statement(db, query.text).safeIntegers().all(...query.values) as R[];
}
