import type { Identity } from '@ledger/ledger';
import type { TokenVerifier } from './token-verifier';

export type Authentication = { identity: Identity; token: string } | { missing: true } | { refused: unknown };

/** An empty signature still reaches the verifier, so `alg: none` is refused for what it is. */
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/;

const verified = new WeakMap<object, Promise<Authentication>>();

/**
 * Who the request's bearer token proves the caller to be, verified once per request by the configured
 * verifier (the OpenID Connect issuer, or HS256 in development): the throttler (which runs first) and
 * the auth guard both ask.
 */
export function authenticate(verifier: TokenVerifier, request: { headers?: Record<string, unknown> }): Promise<Authentication> {
  let result = verified.get(request);
  if (!result) {
    const header = typeof request.headers?.authorization === 'string' ? request.headers.authorization : '';
    const token = BEARER.exec(header)?.[1];
    result = token
      ? verifier.verify(token).then(
          (identity): Authentication => ({ identity, token }),
          (refused): Authentication => ({ refused }),
        )
      : Promise.resolve({ missing: true });
    verified.set(request, result);
  }
  return result;
}
