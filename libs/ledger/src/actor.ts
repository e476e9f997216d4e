import { USER_ROLES, type UserRole } from '@ledger/domain';

/** The roles the user directory grants (libs/domain/src/user). */
export const ROLES = USER_ROLES;
export type Role = UserRole;

/** The person acting, from a verified identity only — never from a request body. */
export interface Actor {
  id: string;
  role: Role;
  /** Officers act for exactly one board. */
  boardId?: string;
  /** Display name for the audit trail, when the identity provides one. */
  name?: string;
}
