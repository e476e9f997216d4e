import { createHash } from 'node:crypto';
import type { Request } from 'express';

export type SecurityEventKind = 'sign_in' | 'token_refused' | 'act_refused';

export interface SecurityEvent {
  kind: SecurityEventKind;
  /** The verified subject; for a refused token, none (its claims are not to be believed). */
  sub?: string;
  name?: string;
  role?: string;
  boardId?: string;
  code?: string;
  reason?: string;
}

/** Sign-ins remembered (by token digest) so one session's requests log one sign-in; oldest forgotten first. */
const REMEMBERED_TOKENS = 10_000;

/**
 * Sign-ins, refused tokens (401) and refused acts (403): one structured pino line each (through the
 * request's logger, so it carries the request id) with who, what and why, and counters for /metrics.
 */
export class SecurityEvents {
  private readonly counts: Record<SecurityEventKind, number> = { sign_in: 0, token_refused: 0, act_refused: 0 };
  private readonly seen = new Set<string>();

  record(request: Request, event: SecurityEvent): void {
    this.counts[event.kind]++;
    const line = { security: { ...event, method: request.method, path: request.originalUrl, ip: request.ip } };
    const log = (request as Request & { log?: { info(o: object, m: string): void; warn(o: object, m: string): void } }).log;
    if (event.kind === 'sign_in') log?.info(line, `sign-in ${event.sub}`);
    else log?.warn(line, `${event.kind.replace('_', ' ')}: ${event.code ?? ''} ${event.reason ?? ''}`.trim());
  }

  /** True the first time a token is seen (its first verified request counts as the sign-in). */
  firstUse(token: string): boolean {
    const digest = createHash('sha256').update(token).digest('base64url');
    if (this.seen.has(digest)) return false;
    this.seen.add(digest);
    if (this.seen.size > REMEMBERED_TOKENS) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  metrics(): string[] {
    return [
      '# HELP ledger_security_events_total Sign-ins, refused tokens (401) and refused acts (403) since start.',
      '# TYPE ledger_security_events_total counter',
      ...Object.entries(this.counts).map(([kind, n]) => `ledger_security_events_total{kind="${kind}"} ${n}`),
    ];
  }
}

