import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { Reflector } from '@nestjs/core';
import { authenticate } from '../auth/bearer';
import { type TokenVerifier } from '../auth/token-verifier';
import type { LedgerConfig } from '../config/ledger-config';
import { TOKEN_VERIFIER } from '../tokens';

/**
 * Limits each verified caller (subject and board) separately, and everything else (no token, a
 * forged or expired one) by client address: an unverified token names no one, so it must not
 * open a bucket of its own.
 */
@Injectable()
export class IdentityThrottlerGuard extends ThrottlerGuard {
  constructor(@InjectThrottlerOptions() options: ThrottlerModuleOptions, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector, @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const authentication = await authenticate(this.verifier, req);
    return 'identity' in authentication ? `user:${JSON.stringify([authentication.identity.sub, authentication.identity.claimed?.boardId ?? null])}` : `ip:${req.ip}`;
  }
}

export function throttlerOptions(config: LedgerConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'per-minute', ttl: 60_000, limit: config.rateLimitPerMinute || Number.MAX_SAFE_INTEGER }],
    skipIf: () => config.rateLimitPerMinute === 0,
  };
}
