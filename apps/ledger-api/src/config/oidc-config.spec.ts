import { ConfigError, DEVELOPMENT_JWT_SECRET, loadLedgerConfig } from './ledger-config';

const ISSUER = { LEDGER_OIDC_ISSUER: 'https://sso.example.gov.vn/realms/ledger', LEDGER_OIDC_AUDIENCE: 'ledger-api' };
const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    loadLedgerConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('configuration: sign-in through an OpenID Connect issuer', () => {
  it('production refuses to start with neither an issuer nor an explicit secret, naming both', () => {
    expect(refusal({ NODE_ENV: 'production' })).toMatch(/LEDGER_OIDC_ISSUER .* or LEDGER_JWT_SECRET is required in production/);
  });

  it('production starts with an issuer alone; the HS256 secret is then random, never the development one', () => {
    const config = loadLedgerConfig({ NODE_ENV: 'production', ...ISSUER });
    expect(config.oidc).toEqual({ issuer: ISSUER.LEDGER_OIDC_ISSUER, audience: 'ledger-api', clientId: 'ledger-api', boardClaim: 'board_id', jwksCooldownMs: 30_000 });
    expect(config.jwtSecret).not.toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.devSecret).toBe(false);
    expect(loadLedgerConfig({ NODE_ENV: 'production', ...ISSUER }).jwtSecret).not.toBe(config.jwtSecret);
  });

  it('reads the client id and the role claim mapping', () => {
    expect(loadLedgerConfig({ ...ISSUER, LEDGER_OIDC_CLIENT_ID: 'ledger-workspace', LEDGER_OIDC_ROLE_CLAIM: 'realm_access.roles' }).oidc).toMatchObject({ clientId: 'ledger-workspace', roleClaim: 'realm_access.roles' });
  });

  it.each([
    [{ LEDGER_OIDC_ISSUER: 'sso.example.gov.vn' }, /LEDGER_OIDC_ISSUER must be the issuer URL/],
    [{ LEDGER_OIDC_ISSUER: 'http://sso.example.gov.vn/realms/ledger', LEDGER_OIDC_AUDIENCE: 'x' }, /must use https \(http only on loopback\)/],
    [{ LEDGER_OIDC_ISSUER: 'https://sso.example.gov.vn/realms/ledger' }, /LEDGER_OIDC_AUDIENCE is required/],
    [{ ...ISSUER, LEDGER_OIDC_JWKS_COOLDOWN_MS: '-1' }, /LEDGER_OIDC_JWKS_COOLDOWN_MS must be a whole number/],
  ])('refuses %j', (env, message) => expect(refusal(env)).toMatch(message));

  it('http is allowed for an issuer on loopback (tests, a local Keycloak)', () => {
    expect(loadLedgerConfig({ LEDGER_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/ledger', LEDGER_OIDC_AUDIENCE: 'x' }).oidc?.issuer).toBe('http://127.0.0.1:8080/realms/ledger');
  });
});
