import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../auth/roles';
import type { RequestContext } from '../projects/commands/project-commands';
import { problem } from './problem';

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Who is acting and how: request id, actor, Idempotency-Key and If-Match, from headers only. */
export function requestContextOf(req: Request): RequestContext {
  const ifMatch = req.header('if-match');
  const key = req.header('idempotency-key');
  if (ifMatch !== undefined && !IF_MATCH.test(ifMatch.trim())) {
    throw new BadRequestException(problem(400, 'INVALID_IF_MATCH', 'The request is invalid', `If-Match must be the project version you hold, e.g. "3" (got ${JSON.stringify(ifMatch)})`));
  }
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException(problem(400, 'INVALID_IDEMPOTENCY_KEY', 'The request is invalid', 'Idempotency-Key must be 1–200 visible ASCII characters'));
  }
  const user = (req as Request & { user?: Actor }).user;
  if (!user) throw new Error('request reached a write handler without an authenticated actor');
  return {
    requestId: String(req.id ?? ''),
    actor: user,
    ...(key ? { idempotencyKey: key } : {}),
    ...(ifMatch !== undefined ? { ifMatch: BigInt((IF_MATCH.exec(ifMatch.trim()) as RegExpExecArray)[1]) } : {}),
  };
}
