import type { Request } from 'express';
import { SecurityEvents } from './security-events';

/** A request whose pino logger keeps what it was given. */
function requestLogging(lines: Array<[string, object, string]>): Request {
  const log = { info: (o: object, m: string) => lines.push(['info', o, m]), warn: (o: object, m: string) => lines.push(['warn', o, m]) };
  return { method: 'POST', originalUrl: '/api/v1/projects', ip: '127.0.0.1', log } as unknown as Request;
}

describe('security events', () => {
  it('logs each as one structured line with who, what and why, and counts it for /metrics', () => {
    const lines: Array<[string, object, string]> = [];
    const events = new SecurityEvents();
    events.record(requestLogging(lines), { kind: 'sign_in', sub: 'kc-lan', name: 'Nguyễn Thị Lan', role: 'officer', boardId: 'BQL-HN' });
    events.record(requestLogging(lines), { kind: 'act_refused', sub: 'kc-minh', code: 'USER_REVOKED', reason: 'access of kc-minh was revoked from 2026-11-25' });
    events.record(requestLogging(lines), { kind: 'token_refused', code: 'INVALID_TOKEN', reason: 'JWT_EXPIRED: "exp" claim timestamp check failed' });
    expect(lines).toEqual([
      ['info', { security: { kind: 'sign_in', sub: 'kc-lan', name: 'Nguyễn Thị Lan', role: 'officer', boardId: 'BQL-HN', method: 'POST', path: '/api/v1/projects', ip: '127.0.0.1' } }, 'sign-in kc-lan'],
      ['warn', { security: expect.objectContaining({ kind: 'act_refused', sub: 'kc-minh', code: 'USER_REVOKED', path: '/api/v1/projects' }) }, 'act refused: USER_REVOKED access of kc-minh was revoked from 2026-11-25'],
      ['warn', { security: expect.objectContaining({ kind: 'token_refused', code: 'INVALID_TOKEN' }) }, expect.stringContaining('JWT_EXPIRED')],
    ]);
    expect(events.metrics().slice(2)).toEqual(['ledger_security_events_total{kind="sign_in"} 1', 'ledger_security_events_total{kind="token_refused"} 1', 'ledger_security_events_total{kind="act_refused"} 1']);
  });

  it('counts a sign-in once per token: the first verified request of a session', () => {
    const events = new SecurityEvents();
    expect([events.firstUse('a.b.c'), events.firstUse('a.b.c'), events.firstUse('a.b.d')]).toEqual([true, false, true]);
  });
});
