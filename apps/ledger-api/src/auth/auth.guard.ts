import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { problem } from '../http/problem';
import { PUBLIC_KEY, ROLES_KEY, type Actor, type Role } from './roles';
import { authenticate } from './bearer';

/** Bearer JWT on every route not marked @Public(); then the route's @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const authentication = authenticate(this.jwt, request);
    if ('missing' in authentication) throw new UnauthorizedException(problem(401, 'UNAUTHENTICATED', 'Authentication required', 'send Authorization: Bearer <token>; mint one with `npm run cli -- token`'));
    if ('refused' in authentication) throw new UnauthorizedException(problem(401, 'INVALID_TOKEN', 'Invalid token', `the token was refused: ${authentication.refused}`));
    request.user = authentication.actor;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (allowed && request.user.role !== 'admin' && !allowed.includes(request.user.role)) {
      throw new ForbiddenException(problem(403, 'ROLE_NOT_ALLOWED', 'Not allowed', `role ${request.user.role} may not call this endpoint (allowed: ${[...allowed, 'admin'].join(', ')})`));
    }
    return true;
  }
}
