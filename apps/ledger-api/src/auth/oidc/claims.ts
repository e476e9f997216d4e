import type { JWTPayload } from 'jose';
import { ROLES, type Identity, type Role } from '@ledger/ledger';
import type { OidcConfig } from '../../config/oidc-config';

/** `realm_access.roles` → payload.realm_access.roles. */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/** The first ledger role the configured claim lists (a string or an array, as Keycloak and others put them). */
function claimedRole(payload: JWTPayload, path: string): Role | undefined {
  const value = claimAt(payload, path);
  const values = Array.isArray(value) ? value : [value];
  return values.find((v): v is Role => (ROLES as readonly unknown[]).includes(v));
}

/** Who the verified token names; roles from claims only when the deployment configured a role claim. */
export function identityOf(payload: JWTPayload, config: OidcConfig): Identity {
  const sub = payload.sub as string;
  const name = [payload.name, payload.preferred_username].find((v): v is string => typeof v === 'string' && v.length > 0);
  const role = config.roleClaim ? claimedRole(payload, config.roleClaim) : undefined;
  const boardId = claimAt(payload, config.boardClaim);
  return { sub, ...(name ? { name } : {}), ...(role ? { claimed: { role, ...(typeof boardId === 'string' ? { boardId } : {}) } } : {}) };
}
