import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { LedgerConfig } from '../config/ledger-config';

/** Limits per bearer token (each officer, analyst or dashboard separately), else per address. */
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const header = typeof req.headers?.authorization === 'string' ? req.headers.authorization : '';
    return header.startsWith('Bearer ') ? `token:${header.slice(7).split('.')[2] ?? header}` : `ip:${req.ip}`;
  }
}

export function throttlerOptions(config: LedgerConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'per-minute', ttl: 60_000, limit: config.rateLimitPerMinute || Number.MAX_SAFE_INTEGER }],
    skipIf: () => config.rateLimitPerMinute === 0,
  };
}
