import type { LegalDate } from '../legal-date';

/** The roles of the ledger (DESIGN §6): officers write for one board, auditors read all, analysts report, admin manages. */
export const USER_ROLES = ['officer', 'auditor', 'analyst', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person receives a role (officers: for one board) from `validFrom`, until `validTo` when given. */
export interface UserGranted {
  type: 'UserGranted';
  data: {
    sub: string;
    displayName: string;
    role: UserRole;
    boardId?: string;
    validFrom: LegalDate;
    validTo: LegalDate | null;
    grantedBy: string;
  };
}

/** Every right granted before ends the day before `effectiveOn`. */
export interface UserRevoked {
  type: 'UserRevoked';
  data: { sub: string; effectiveOn: LegalDate; reason: string; revokedBy: string };
}

export type UserEvent = UserGranted | UserRevoked;
export const USER_EVENT_TYPES: readonly string[] = ['UserGranted', 'UserRevoked'];
