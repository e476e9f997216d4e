import type { JwtService } from '@nestjs/jwt';
import type { Actor } from './roles';
import { verifyToken } from './tokens';

export type Authentication = { actor: Actor } | { missing: true } | { refused: string };

const verified = new WeakMap<object, Authentication>();

/**
 * Who the request's bearer token proves the caller to be, verified once per request: the
 * throttler (which runs first) and the auth guard both ask.
 */
export function authenticate(jwt: JwtService, request: { headers?: Record<string, unknown> }): Authentication {
  let result = verified.get(request);
  if (!result) {
    const header = typeof request.headers?.authorization === 'string' ? request.headers.authorization : '';
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header)?.[1];
    try {
      result = token ? { actor: verifyToken(jwt, token) } : { missing: true };
    } catch (error) {
      result = { refused: (error as Error).message };
    }
    verified.set(request, result);
  }
  return result;
}
