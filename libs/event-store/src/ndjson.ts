import { canonicalize } from 'json-canonicalize';
import { GENESIS_HASH, chainHash } from './hash-chain';
import type { RecordedEvent } from './port';

/**
 * The auditors' export format: one event per line, RFC 8785 canonical JSON with positions and
 * versions as strings, including the hash chain — so export → import → export is byte-identical.
 */
export function toNdjsonLine(e: RecordedEvent): string {
  return canonicalize({ ...toPlainRecorded(e), streamVersion: e.streamVersion.toString() });
}

/** A recorded event as plain JSON: every stored field, the global position as a string. */
export function toPlainRecorded(e: RecordedEvent) {
  return {
    position: e.position.toString(),
    streamId: e.streamId,
    streamVersion: Number(e.streamVersion),
    eventId: e.eventId,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

export class ImportError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ImportError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DIGITS = /^[1-9]\d{0,17}$/;

/** Parses and checks one exported line against the chain so far; throws ImportError naming the line. */
export function parseNdjsonLine(text: string, line: number, previous: { position: bigint; hash: string }): RecordedEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportError(line, 'not valid JSON');
  }
  if (!isObject(raw)) throw new ImportError(line, 'not a JSON object');
  const { position, streamId, streamVersion, eventId, type, data, metadata, recordedAt, prevHash, hash } = raw;
  if (typeof position !== 'string' || !DIGITS.test(position)) throw new ImportError(line, 'position must be a positive integer string');
  if (typeof streamVersion !== 'string' || !DIGITS.test(streamVersion)) throw new ImportError(line, 'streamVersion must be a positive integer string');
  for (const [name, value] of Object.entries({ streamId, eventId, type, recordedAt, prevHash, hash })) {
    if (typeof value !== 'string' || value.length === 0) throw new ImportError(line, `${name} must be a non-empty string`);
  }
  if (!isObject(metadata) || data === undefined) throw new ImportError(line, 'data and metadata are required');
  const event: RecordedEvent = {
    position: BigInt(position),
    streamId: streamId as string,
    streamVersion: BigInt(streamVersion),
    eventId: eventId as string,
    type: type as string,
    data,
    metadata,
    recordedAt: recordedAt as string,
    prevHash: prevHash as string,
    hash: hash as string,
  };
  if (event.position !== previous.position + 1n) throw new ImportError(line, `expected position ${previous.position + 1n}, found ${event.position}`);
  if (event.prevHash !== previous.hash) throw new ImportError(line, 'prevHash does not link to the previous event');
  const { hash: _h, prevHash: _p, ...content } = event;
  if (chainHash(event.prevHash, content) !== event.hash) throw new ImportError(line, 'content does not match its hash (tampered)');
  if (toNdjsonLine(event) !== text) throw new ImportError(line, 'not in canonical form');
  return event;
}

export const START_OF_CHAIN = { position: 0n, hash: GENESIS_HASH };
