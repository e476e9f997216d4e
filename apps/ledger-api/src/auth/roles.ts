import { SetMetadata } from '@nestjs/common';

import type { Role } from '@ledger/ledger';

export { ROLES, type Actor, type Role } from '@ledger/ledger';

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/** Who may call a route; admin may call every route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Health, metrics and docs stay reachable without a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const READERS: Role[] = ['officer', 'auditor', 'analyst'];
