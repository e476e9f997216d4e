import { JwtService } from '@nestjs/jwt';
import { ROLES, type Actor, type Role } from './roles';

export interface TokenClaims {
  sub: string;
  role: Role;
  boardId?: string;
}

export class TokenError extends Error {}

/** HS256 tokens signed with LEDGER_JWT_SECRET; `ttl` like "8h", "30m", "7d". */
export function mintToken(secret: string, claims: TokenClaims, ttl = '8h'): string {
  if (!ROLES.includes(claims.role)) throw new TokenError(`role must be one of ${ROLES.join(', ')}`);
  if (claims.role === 'officer' && !claims.boardId) throw new TokenError('an officer token needs --board (the board the officer acts for)');
  return new JwtService({ secret }).sign({ ...claims }, { algorithm: 'HS256', expiresIn: ttl as never });
}

export function verifyToken(jwt: JwtService, token: string): Actor {
  const claims = jwt.verify<Partial<TokenClaims> & { exp?: unknown }>(token, { algorithms: ['HS256'] });
  // jsonwebtoken accepts a token without `exp` as valid forever: a leaked one could never be retired.
  if (typeof claims.exp !== 'number') throw new TokenError('token has no expiry (exp)');
  if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) throw new TokenError('token lacks a subject or a known role');
  if (claims.role === 'officer' && typeof claims.boardId !== 'string') throw new TokenError('officer token lacks boardId');
  return { id: claims.sub, role: claims.role as Role, ...(claims.boardId ? { boardId: claims.boardId } : {}) };
}
