import { ForbiddenException, Inject, Injectable, ServiceUnavailableException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Identity } from '@ledger/ledger';
import { problem } from '../http/problem';
import { AccessService } from './access.service';
import { PUBLIC_KEY, ROLES_KEY, type Actor, type Role } from './roles';
import { authenticate } from './bearer';
import { type SecurityEvents } from './security-events';
import { IssuerUnavailable, TokenRefused, type TokenVerifier } from './token-verifier';
import { SECURITY_EVENTS, TOKEN_VERIFIER } from '../tokens';

/** What the guard leaves on the request: the verified identity, and the actor the directory makes of it. */
export type AuthenticatedRequest = Request & { user?: Actor; identity?: Identity };

/**
 * Bearer token on every route not marked @Public(): verified by the configured verifier (the OpenID
 * Connect issuer, or HS256 in development), then today's rights from the user directory, then the
 * route's @Roles(). Refusals are logged and counted by the problem filter.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly access: AccessService,
    @Inject(SECURITY_EVENTS) private readonly security: SecurityEvents,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authentication = await authenticate(this.verifier, request);
    if ('missing' in authentication) throw new UnauthorizedException(problem(401, 'UNAUTHENTICATED', 'Authentication required', 'send Authorization: Bearer <token> from your sign-in (development: `npm run cli -- token`)'));
    if ('refused' in authentication) {
      const error = authentication.refused;
      if (error instanceof IssuerUnavailable) throw new ServiceUnavailableException(problem(503, 'ISSUER_UNREACHABLE', 'Sign-in service unreachable', `${error.message}; retry shortly`, { retryAfterSeconds: 5 }));
      const reason = error instanceof TokenRefused ? error.reason : 'TOKEN_INVALID';
      throw new UnauthorizedException(problem(401, 'INVALID_TOKEN', 'Invalid token', `the token was refused: ${(error as Error).message}`, { reason }));
    }
    request.identity = authentication.identity;
    // No right today (unknown, revoked, board ended): an AuthorityError, answered 403 by the problem filter.
    request.user = await this.access.actorFor(request.identity);
    const { user } = request;
    if (this.security.firstUse(authentication.token)) this.security.record(request, { kind: 'sign_in', sub: user.id, name: user.name, role: user.role, boardId: user.boardId });
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (allowed && user.role !== 'admin' && !allowed.includes(user.role)) {
      throw new ForbiddenException(problem(403, 'ROLE_NOT_ALLOWED', 'Not allowed', `role ${user.role} may not call this endpoint (allowed: ${[...allowed, 'admin'].join(', ')})`));
    }
    return true;
  }
}
