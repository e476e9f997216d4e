import { canonicalInstant } from '@ledger/projections';

/** A report's `knownAt`, parsed once at the edge into the instant form the facts are recorded in. */
export const knownAtInstant = (knownAt: string | undefined) => (knownAt === undefined ? undefined : canonicalInstant(knownAt));
