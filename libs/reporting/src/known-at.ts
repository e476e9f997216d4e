import { raw, sql, type Sql } from './sql';
import { canonicalInstant } from '@ledger/projections';

/** A report's `knownAt`, parsed once at the edge into the instant form the facts are recorded in. */
export const knownAtInstant = (knownAt: string | undefined) => (knownAt === undefined ? undefined : canonicalInstant(knownAt));

/**
 * The version of a read model's derived rows (known-versions in @ledger/projections) known at the
 * instant: known_from <= T < known_until; without one, the current version.
 */
export const knownVersion = (alias: string, instant: string | undefined): Sql =>
  instant === undefined ? raw(`${alias}.known_until IS NULL`) : sql`${raw(alias)}.known_from <= ${instant} AND (${raw(alias)}.known_until IS NULL OR ${raw(alias)}.known_until > ${instant})`;
