export const ROLES = ['officer', 'auditor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The person acting, from a verified identity only — never from a request body. */
export interface Actor {
  id: string;
  role: Role;
  /** Officers act for exactly one board. */
  boardId?: string;
  /** Display name for the audit trail, when the identity provides one. */
  name?: string;
}
