import { SetMetadata } from '@nestjs/common';

export const ROLES = ['officer', 'auditor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, from a verified token only. */
export interface Actor {
  id: string;
  role: Role;
  /** Officers act for exactly one board. */
  boardId?: string;
}

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/** Who may call a route; admin may call every route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Health, metrics and docs stay reachable without a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const READERS: Role[] = ['officer', 'auditor', 'analyst'];
