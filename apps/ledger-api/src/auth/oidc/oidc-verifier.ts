import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Identity } from '@ledger/ledger';
import type { OidcConfig } from '../../config/oidc-config';
import { IssuerUnavailable, TokenRefused, type TokenVerifier } from '../token-verifier';
import { identityOf } from './claims';

/** Asymmetric signatures only: an issuer's key set is public, so HS256 (a shared secret) and `none` prove nothing. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
/** Clocks of the issuer and the ledger may differ by this much (seconds) for exp and nbf. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Access tokens of the configured issuer. The key set is found through discovery on first use (a failed
 * discovery is retried on the next request) and cached by jose, which refetches it when a token names a
 * key id it does not hold — so a rotated key is followed without a restart.
 */
export class OidcVerifier implements TokenVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(private readonly config: OidcConfig) {}

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw new IssuerUnavailable(`the issuer's discovery document could not be read: ${(error as Error).message}`);
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery §4.3: the document must name the very issuer it was fetched for.
    if (document.issuer !== this.config.issuer) throw new Error(`${url} names issuer ${JSON.stringify(document.issuer)}, not ${this.config.issuer}`);
    if (typeof document.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: this.config.jwksCooldownMs });
  }

  async verify(token: string): Promise<Identity> {
    const keys = await this.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: OIDC_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      return identityOf(payload, this.config);
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      // A key set that cannot be fetched says nothing about the token (jose times out, or fetch fails without a code).
      if (code === undefined || code === 'ERR_JWKS_TIMEOUT') throw new IssuerUnavailable(`the issuer's key set could not be read: ${message}`);
      throw new TokenRefused(code.replace(/^ERR_/, ''), message);
    }
  }
}
