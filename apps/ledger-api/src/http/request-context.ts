import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../auth/roles';
import type { CommandContext } from '@ledger/ledger';
import { problem } from './problem';

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Who is acting and how: request id, actor, Idempotency-Key, If-Match and ?dryRun, never from the body. */
export function requestContextOf(req: Request, now: Date): CommandContext {
  const ifMatch = req.header('if-match');
  const key = req.header('idempotency-key');
  if (ifMatch !== undefined && !IF_MATCH.test(ifMatch.trim())) {
    throw new BadRequestException(problem(400, 'INVALID_IF_MATCH', 'The request is invalid', `If-Match must be the project version you hold, e.g. "3" (got ${JSON.stringify(ifMatch)})`));
  }
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException(problem(400, 'INVALID_IDEMPOTENCY_KEY', 'The request is invalid', 'Idempotency-Key must be 1–200 visible ASCII characters'));
  }
  const dryRun = req.query.dryRun;
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
    throw new BadRequestException(problem(400, 'INVALID_DRY_RUN', 'The request is invalid', 'dryRun must be true or false'));
  }
  const user = (req as Request & { user?: Actor }).user;
  if (!user) throw new Error('request reached a write handler without an authenticated actor');
  return {
    requestId: String(req.id ?? ''),
    actor: user,
    now,
    ...(dryRun === 'true' ? { dryRun: true } : {}),
    ...(key ? { idempotencyKey: key } : {}),
    ...(ifMatch !== undefined ? { expectedVersion: BigInt((IF_MATCH.exec(ifMatch.trim()) as RegExpExecArray)[1]) } : {}),
  };
}
