import { hash } from 'node:crypto';
import { chainHash } from '../hash-chain';
import type { RecordedEvent } from '../port';

/** Deeper values go to json-canonicalize, which also tells a cycle from a deep tree. */
const MAX_DEPTH = 64;

/** `"key":` per distinct key: event data reuses a few dozen keys millions of times (bounded, should data carry keys of its own). */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * RFC 8785 canonical JSON exactly as json-canonicalize writes it (keys sorted by UTF-16 code
 * units, undefined members dropped, undefined array slots as null, holes skipped, primitives
 * as JSON.stringify writes them), for plain JSON only. Anything json-canonicalize treats
 * specially (toJSON, non-finite numbers, bigint, functions, cycles) gives undefined.
 */
export function plainCanonicalJson(value: unknown, depth = 0): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'object':
      if (value === null) return 'null';
      if ((value as { toJSON?: unknown }).toJSON != null || depth >= MAX_DEPTH) return undefined;
      return Array.isArray(value) ? canonicalArray(value, depth) : canonicalObject(value as Record<string, unknown>, depth);
    default:
      return undefined;
  }
}

function canonicalArray(array: readonly unknown[], depth: number): string | undefined {
  const parts: string[] = [];
  let plain = true;
  // forEach, like json-canonicalize: holes are skipped, not written as null.
  array.forEach((element) => {
    const part = element === undefined ? 'null' : plainCanonicalJson(element, depth + 1);
    if (part === undefined) plain = false;
    else parts.push(part);
  });
  return plain ? `[${parts.join(',')}]` : undefined;
}

function canonicalObject(object: Record<string, unknown>, depth: number): string | undefined {
  let out = '';
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    const part = plainCanonicalJson(member, depth + 1);
    if (part === undefined) return undefined;
    out += `${out ? ',' : ''}${quotedKey(key)}${part}`;
  }
  return `{${out}}`;
}

/** An event's data and metadata as stored, and its link in the chain. */
export interface SealedEvent {
  data: string;
  metadata: string;
  hash: string;
}

/**
 * The row texts and `chainHash(prevHash, event)` (hash-chain.ts defines the bytes hashed), with
 * data and metadata serialised once: their canonical JSON is both the stored text and the part of
 * the hashed bytes, so json-canonicalize's generic walk (most of an append's CPU) and a second
 * JSON.stringify are skipped. The members are written in their sorted order: data, eventId,
 * metadata, position, recordedAt, streamId, streamVersion, type. Data or metadata that is not
 * plain JSON is stored and hashed exactly as before.
 */
export function sealEvent(prevHash: string, event: Omit<RecordedEvent, 'hash' | 'prevHash'>): SealedEvent {
  const data = plainCanonicalJson(event.data);
  const metadata = plainCanonicalJson(event.metadata);
  if (data === undefined || metadata === undefined) {
    const chained = chainHash(prevHash, event); // first, as before: its errors are the ones callers saw
    return { data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata), hash: chained };
  }
  const canonical =
    `{"data":${data},"eventId":${JSON.stringify(event.eventId)},"metadata":${metadata},"position":"${event.position}",` +
    `"recordedAt":${JSON.stringify(event.recordedAt)},"streamId":${JSON.stringify(event.streamId)},"streamVersion":"${event.streamVersion}","type":${JSON.stringify(event.type)}}`;
  return { data, metadata, hash: hash('sha256', prevHash + canonical) };
}
