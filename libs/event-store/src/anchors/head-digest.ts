import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalize } from 'json-canonicalize';
import type { Position } from '../port';

/**
 * A signed statement "the log had this head at this time": an anchor. The signature covers
 * position, head hash and time only; `keyId` names the signing key for people, and the verifier
 * never takes the key from the digest itself.
 */
export interface HeadDigest {
  position: string;
  headHash: string;
  createdAt: string;
  keyId: string;
  signature: string;
}

const signedPart = (d: Pick<HeadDigest, 'position' | 'headHash' | 'createdAt'>) => Buffer.from(canonicalize({ position: d.position, headHash: d.headHash, createdAt: d.createdAt }));

/** `sha256:<hex>` of the public key (SPKI DER): what an auditor compares with the key they were given. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return `sha256:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')}`;
}

export function signHeadDigest(head: { position: Position; hash: string }, privateKey: KeyObject, now: Date): HeadDigest {
  const body = { position: head.position.toString(), headHash: head.hash, createdAt: now.toISOString() };
  return { ...body, keyId: keyIdOf(privateKey), signature: sign(null, signedPart(body), privateKey).toString('base64') };
}

export function isSignedBy(digest: HeadDigest, trustedKey: KeyObject): boolean {
  try {
    return verify(null, signedPart(digest), trustedKey, Buffer.from(String(digest.signature), 'base64'));
  } catch {
    return false; // a malformed digest is as untrusted as a wrongly signed one
  }
}

/** The trusted public key: PEM text itself, or the path of a PEM file (LEDGER_DIGEST_PUBLIC_KEY). */
export function trustedPublicKey(pemOrPath: string): KeyObject {
  return createPublicKey(pemOrPath.trimStart().startsWith('-----BEGIN') ? pemOrPath : readFileSync(pemOrPath));
}

/**
 * The Ed25519 signing key at `path`, created there on first use together with `<path>.pub`, the
 * public key to hand to auditors.
 */
export function signingKey(path: string, log: (line: string) => void): KeyObject {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(`${path}.pub`, publicKey.export({ type: 'spki', format: 'pem' }));
    log(`created a new Ed25519 digest key at ${path}; give auditors its public key ${path}.pub (LEDGER_DIGEST_PUBLIC_KEY), key id ${keyIdOf(publicKey)}`);
  }
  return createPrivateKey(readFileSync(path));
}
