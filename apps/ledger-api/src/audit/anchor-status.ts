import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AnchorDirectory, checkAgainstAnchor, describeAge, trustedPublicKey, type EventStore } from '@ledger/event-store';
import type { LedgerConfig } from '../config/ledger-config';

/** LEDGER_DIGEST_PUBLIC_KEY when given, else the public half of the key this API signs with. */
function trustedKey(config: LedgerConfig): KeyObject | undefined {
  if (config.digestPublicKey) return trustedPublicKey(config.digestPublicKey);
  return config.digestKeyPath ? createPublicKey(readFileSync(config.digestKeyPath)) : undefined;
}

/** The log checked against the newest anchor, for GET /audit/verify. */
export async function anchorStatus(store: EventStore, config: LedgerConfig, now: Date): Promise<{ ok: boolean } & Record<string, unknown>> {
  const latest = config.anchors && new AnchorDirectory(config.anchors.dir).latest();
  const key = trustedKey(config);
  if (!latest || !key) {
    return { ok: true, checked: false, warning: `${config.anchors ? 'no anchor published yet' : 'LEDGER_ANCHOR_DIR is not set'}: a vanished or re-hashed tail cannot be detected` };
  }
  const check = await checkAgainstAnchor(store, latest.digest, key, now);
  const anchor = { checked: true, file: latest.path, position: latest.digest.position, createdAt: latest.digest.createdAt };
  return check.ok ? { ok: true, ...anchor, ageSeconds: Math.floor(check.ageMs / 1000), age: describeAge(check.ageMs) } : { ok: false, ...anchor, problem: check.problem, detail: check.detail };
}
