import { expectRuleViolation as rejects } from '../../testing/decider-spec';
import { decideGrant, decideRevoke, type GrantUser } from '../user-decide';
import type { UserEvent } from '../user-events';
import { foldUser, rightsOn } from '../user-state';

const lan: GrantUser = { sub: 'kc-7f3a', displayName: 'Nguyễn Thị Lan', role: 'officer', boardId: 'BQL-HN', validFrom: '2026-01-01', grantedBy: 'admin-1' };
const granted = (over: Partial<GrantUser> = {}): UserEvent => decideGrant({ ...lan, ...over })[0];
const revoked = (effectiveOn: string): UserEvent => ({ type: 'UserRevoked', data: { sub: lan.sub, effectiveOn, reason: 'moved to another post', revokedBy: 'admin-1' } });

describe('user directory decider: grant', () => {
  it('records who was granted which role, for which board, from when and by whom', () => {
    expect(decideGrant({ ...lan, displayName: '  Nguyễn Thị Lan ' })).toEqual([
      { type: 'UserGranted', data: { sub: 'kc-7f3a', displayName: 'Nguyễn Thị Lan', role: 'officer', boardId: 'BQL-HN', validFrom: '2026-01-01', validTo: null, grantedBy: 'admin-1' } },
    ]);
  });

  it.each([
    ['an officer without a board', { boardId: undefined }, 'USER_BOARD_REQUIRED'],
    ['an auditor with a board', { role: 'auditor' }, 'USER_BOARD_NOT_ALLOWED'],
    ['an unknown role', { role: 'superuser' }, 'USER_ROLE_INVALID'],
    ['a blank name', { displayName: '   ' }, 'USER_NAME_REQUIRED'],
    ['a subject with spaces', { sub: 'a b' }, 'USER_SUB_INVALID'],
    ['an end before the start', { validTo: '2025-12-31' }, 'USER_VALIDITY_INVALID'],
    ['a date that does not exist', { validFrom: '2026-02-30' }, 'DATE_INVALID'],
  ])('refuses %s', (_name, over, code) => rejects(() => decideGrant({ ...lan, ...over }), code));
});

describe('user directory decider: revoke', () => {
  it('given a grant, when revoked from today, then the revocation is recorded with its reason', () => {
    expect(decideRevoke({ sub: lan.sub, effectiveOn: '2026-12-01', reason: 'left the board', revokedBy: 'admin-1' }, foldUser([granted()]), '2026-12-01')).toEqual([
      { type: 'UserRevoked', data: { sub: lan.sub, effectiveOn: '2026-12-01', reason: 'left the board', revokedBy: 'admin-1' } },
    ]);
  });

  it('refuses a person never granted, a backdated revocation, a blank reason, and a second revocation of the same rights', () => {
    const revoke = (effectiveOn: string, reason = 'left') => ({ sub: lan.sub, effectiveOn, reason, revokedBy: 'admin-1' });
    rejects(() => decideRevoke(revoke('2026-12-01'), foldUser([]), '2026-12-01'), 'USER_NOT_FOUND');
    rejects(() => decideRevoke(revoke('2026-11-30'), foldUser([granted()]), '2026-12-01'), 'USER_REVOCATION_BACKDATED');
    rejects(() => decideRevoke(revoke('2026-12-01', ' '), foldUser([granted()]), '2026-12-01'), 'REASON_REQUIRED');
    rejects(() => decideRevoke(revoke('2026-12-05'), foldUser([granted(), revoked('2026-12-01')]), '2026-12-01'), 'USER_NOTHING_TO_REVOKE');
  });
});

describe('rights on a date', () => {
  it('a revocation ends the rights from its date; the days before keep the grant', () => {
    const state = foldUser([granted(), revoked('2026-12-01')]);
    expect(rightsOn(state, '2026-11-30')).toMatchObject({ status: 'granted', grant: { role: 'officer', boardId: 'BQL-HN' } });
    expect(rightsOn(state, '2026-12-01')).toMatchObject({ status: 'revoked', revocation: { reason: 'moved to another post' } });
  });

  it('the latest grant covering the date wins, so a role change keeps the earlier role on earlier dates', () => {
    const state = foldUser([granted(), granted({ role: 'auditor', boardId: undefined, validFrom: '2026-06-01' })]);
    expect(rightsOn(state, '2026-05-31')).toMatchObject({ status: 'granted', grant: { role: 'officer' } });
    expect(rightsOn(state, '2026-06-01')).toMatchObject({ status: 'granted', grant: { role: 'auditor' } });
  });

  it('before the start, after the end, and for a stranger there is no right', () => {
    const state = foldUser([granted({ validTo: '2026-03-31' })]);
    expect(rightsOn(state, '2025-12-31').status).toBe('not-in-force');
    expect(rightsOn(state, '2026-04-01').status).toBe('not-in-force');
    expect(rightsOn(undefined, '2026-04-01').status).toBe('unknown');
  });

  it('a grant recorded after a revocation gives rights again from its own start', () => {
    const state = foldUser([granted(), revoked('2026-06-01'), granted({ validFrom: '2026-09-01' })]);
    expect(rightsOn(state, '2026-07-01').status).toBe('revoked');
    expect(rightsOn(state, '2026-09-01').status).toBe('granted');
  });
});
