import type { Position as EsdbPosition } from '@eventstore/db-client';
import type { Position } from '../port';

/**
 * A `$all` position is a pair: events appended together share one commit position and differ in
 * their prepare position, and `$all` is ordered by (commit, prepare). A checkpoint of the commit
 * position alone cannot say where inside one commit a page stopped, so the ledger's position is
 * the whole pair, packed order-preservingly into one integer that fits the read models' SQLite
 * INTEGER checkpoints: commit · 2^22 + (prepare − commit + 2^21).
 * The bounds are that of a transaction file below 2 TiB (2^41 bytes) and a prepare within 2 MiB
 * of its commit (one append is at most 1 MiB by the server's default MaxAppendSize); a position
 * outside them is refused loudly rather than packed wrongly.
 */
const OFFSET_BITS = 22n;
const OFFSET_BIAS = 1n << 21n;
const MAX_COMMIT = 1n << 41n;

export class EsdbPositionRangeError extends Error {
  constructor(position: EsdbPosition) {
    super(`$all position commit ${position.commit} / prepare ${position.prepare} is outside what the ledger can checkpoint (commit < 2^41, |prepare − commit| < 2^21)`);
    this.name = 'EsdbPositionRangeError';
  }
}

export function packPosition(position: EsdbPosition): Position {
  const offset = position.prepare - position.commit + OFFSET_BIAS;
  if (position.commit < 0n || position.commit >= MAX_COMMIT || offset < 0n || offset >= 1n << OFFSET_BITS) throw new EsdbPositionRangeError(position);
  return (position.commit << OFFSET_BITS) + offset;
}

export function unpackPosition(position: Position): EsdbPosition {
  const commit = position >> OFFSET_BITS;
  return { commit, prepare: (position & ((1n << OFFSET_BITS) - 1n)) - OFFSET_BIAS + commit };
}
