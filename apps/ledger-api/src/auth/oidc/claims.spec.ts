import type { OidcConfig } from '../../config/oidc-config';
import { identityOf } from './claims';

const config: OidcConfig = { issuer: 'https://sso.example.gov.vn/realms/ledger', audience: 'ledger-api', clientId: 'ledger-api', boardClaim: 'board_id', jwksCooldownMs: 30_000 };

describe('identity from a verified access token', () => {
  it('takes the subject and the display name (name, else preferred_username); no role without a configured claim', () => {
    expect(identityOf({ sub: 'f3a1', name: 'Nguyễn Thị Lan', realm_access: { roles: ['admin'] } }, config)).toEqual({ sub: 'f3a1', name: 'Nguyễn Thị Lan' });
    expect(identityOf({ sub: 'f3a1', preferred_username: 'lan.nt' }, config)).toEqual({ sub: 'f3a1', name: 'lan.nt' });
  });

  it("maps the first ledger role of a Keycloak realm role list, and an officer's board from its claim", () => {
    const mapped = { ...config, roleClaim: 'realm_access.roles' };
    expect(identityOf({ sub: 'f3a1', realm_access: { roles: ['offline_access', 'officer', 'auditor'] }, board_id: 'BQL-HN' }, mapped)).toEqual({ sub: 'f3a1', claimed: { role: 'officer', boardId: 'BQL-HN' } });
    expect(identityOf({ sub: 'f3a1', realm_access: { roles: ['uma_authorization'] } }, mapped)).toEqual({ sub: 'f3a1' });
    expect(identityOf({ sub: 'f3a1', ledger_role: 'analyst' }, { ...config, roleClaim: 'ledger_role' })).toEqual({ sub: 'f3a1', claimed: { role: 'analyst' } });
  });
});
