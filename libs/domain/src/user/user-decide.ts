import { RuleCode, rule } from '../errors';
import { legalDate, type LegalDate } from '../legal-date';
import { USER_ROLES, type UserGranted, type UserRevoked, type UserRole } from './user-events';
import type { UserState } from './user-state';

export interface GrantUser {
  sub: string;
  displayName: string;
  role: string;
  boardId?: string;
  validFrom: LegalDate;
  validTo?: LegalDate | null;
  grantedBy: string;
}

export interface RevokeUser {
  sub: string;
  effectiveOn: LegalDate;
  reason: string;
  revokedBy: string;
}

/** The issuer's subject identifier: opaque, printable, bounded (OpenID Connect Core §2: at most 255 ASCII characters). */
const SUB = /^[\x21-\x7e]{1,255}$/;

/** A grant names a person and one role; officers act for exactly one board, other roles for none. */
export function decideGrant(command: GrantUser): UserGranted[] {
  rule(SUB.test(command.sub), RuleCode.USER_SUB_INVALID, `sub must be the issuer's subject identifier: 1–255 visible ASCII characters (got ${JSON.stringify(command.sub)})`);
  const displayName = command.displayName.trim();
  rule(displayName.length > 0, RuleCode.USER_NAME_REQUIRED, 'displayName is required: the audit trail shows it for every act the person records');
  rule((USER_ROLES as readonly string[]).includes(command.role), RuleCode.USER_ROLE_INVALID, `role must be one of ${USER_ROLES.join(', ')} (got ${JSON.stringify(command.role)})`, { role: command.role });
  if (command.role === 'officer') rule(!!command.boardId, RuleCode.USER_BOARD_REQUIRED, 'an officer acts for one board: boardId is required');
  else rule(!command.boardId, RuleCode.USER_BOARD_NOT_ALLOWED, `only officers act for a board; a ${command.role} reads across boards (omit boardId)`);
  const validFrom = legalDate(command.validFrom, 'validFrom');
  const validTo = command.validTo == null ? null : legalDate(command.validTo, 'validTo');
  rule(validTo === null || validFrom <= validTo, RuleCode.USER_VALIDITY_INVALID, `validTo ${validTo} is before validFrom ${validFrom}`, { validFrom, validTo: validTo ?? '' });
  return [
    {
      type: 'UserGranted',
      data: { sub: command.sub, displayName, role: command.role as UserRole, ...(command.boardId ? { boardId: command.boardId } : {}), validFrom, validTo, grantedBy: command.grantedBy },
    },
  ];
}

/**
 * A revocation takes effect today or later: acts already recorded were within the person's rights when
 * they were recorded, and a backdated revocation would make the audit trail say otherwise.
 */
export function decideRevoke(command: RevokeUser, state: UserState, today: LegalDate): UserRevoked[] {
  rule(state.grants.length > 0, RuleCode.USER_NOT_FOUND, `${command.sub} has never been granted a right in this ledger`, { sub: command.sub });
  const effectiveOn = legalDate(command.effectiveOn, 'effectiveOn');
  rule(effectiveOn >= today, RuleCode.USER_REVOCATION_BACKDATED, `a revocation takes effect today (${today}) or later, got ${effectiveOn}`, { effectiveOn, today });
  const reason = command.reason.trim();
  rule(reason.length > 0, RuleCode.REASON_REQUIRED, 'reason is required: the audit trail keeps why access ended');
  rule(
    state.grants.some((g) => g.validTo === null || g.validTo >= effectiveOn),
    RuleCode.USER_NOTHING_TO_REVOKE,
    `${command.sub} holds no right on or after ${effectiveOn}: every grant already ends before that date`,
    { sub: command.sub, effectiveOn },
  );
  return [{ type: 'UserRevoked', data: { sub: command.sub, effectiveOn, reason, revokedBy: command.revokedBy } }];
}
