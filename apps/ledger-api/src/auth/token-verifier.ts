import type { Identity } from '@ledger/ledger';

/** Turns a bearer token into a verified identity, or refuses it with a reason. */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}


export class TokenRefused extends Error {
  constructor(
    /** Why, as a stable word: JWT_EXPIRED, JWT_CLAIM_VALIDATION_FAILED, JOSE_ALG_NOT_ALLOWED, JWKS_NO_MATCHING_KEY… */
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** The issuer (its discovery document or key set) could not be reached: the token is not known to be bad. */
export class IssuerUnavailable extends Error {}
