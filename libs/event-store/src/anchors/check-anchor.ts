import type { KeyObject } from 'node:crypto';
import type { EventStore, Position } from '../port';
import { isSignedBy, type HeadDigest } from './head-digest';

export type AnchorCheck =
  | { ok: true; anchor: HeadDigest; headPosition: Position; ageMs: number }
  | { ok: false; anchor: HeadDigest; problem: 'SIGNATURE' | 'TRUNCATED' | 'FORKED'; detail: string };

/**
 * Checks the log against a signed anchor with a key the caller trusts (never one named by the
 * anchor): the log must still reach the anchored position and hold the anchored hash there. With
 * a verified chain this proves every event up to the anchor is the one that was anchored, which
 * the chain alone cannot: a re-hashed or truncated tail is a valid chain.
 */
export async function checkAgainstAnchor(store: EventStore, anchor: HeadDigest, trustedKey: KeyObject, now: Date): Promise<AnchorCheck> {
  if (!isSignedBy(anchor, trustedKey)) {
    return { ok: false, anchor, problem: 'SIGNATURE', detail: `the anchor of ${anchor.createdAt} is not signed by the trusted key (it names key ${anchor.keyId ?? 'none'})` };
  }
  const position = BigInt(anchor.position);
  const headPosition = await store.headPosition();
  if (headPosition < position) {
    return { ok: false, anchor, problem: 'TRUNCATED', detail: `the log ends at position ${headPosition}, but the anchor of ${anchor.createdAt} records position ${position}: ${position - headPosition} recorded events are missing` };
  }
  const [event] = position === 0n ? [] : await store.readPage(position - 1n, 1);
  if (position > 0n && event?.hash !== anchor.headHash) {
    return { ok: false, anchor, problem: 'FORKED', detail: `position ${position} no longer has the hash anchored on ${anchor.createdAt}: events up to the anchor were rewritten` };
  }
  return { ok: true, anchor, headPosition, ageMs: now.getTime() - Date.parse(anchor.createdAt) };
}

/** "3 d 4 h", "12 min 5 s": how old an anchor is, for people. */
export function describeAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60)];
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}
