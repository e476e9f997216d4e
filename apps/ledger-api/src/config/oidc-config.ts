import { ConfigError } from './config-error';

/** Sign-in through the deployment's OpenID Connect issuer (absent: development HS256 tokens). */
export interface OidcConfig {
  /** The issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** The `aud` every access token must carry (Keycloak: the client id, added by an audience mapper). */
  audience: string;
  /** The public client the browser apps sign in with (default: the audience). */
  clientId: string;
  /** Dotted path of a claim holding ledger roles (e.g. `realm_access.roles`), for people the directory does not know. */
  roleClaim?: string;
  /** Claim holding an officer's board when roles come from the claim. */
  boardClaim: string;
  /** After fetching the key set, no refetch for an unknown key id within this time (protects the issuer from floods). */
  jwksCooldownMs: number;
}

export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.LEDGER_OIDC_ISSUER;
  if (!issuer) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`LEDGER_OIDC_ISSUER must be the issuer URL, e.g. https://sso.example.gov.vn/realms/ledger (got ${JSON.stringify(issuer)})`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new ConfigError(`LEDGER_OIDC_ISSUER must use https (http only on loopback) (got ${JSON.stringify(issuer)})`);
  const audience = env.LEDGER_OIDC_AUDIENCE;
  if (!audience) throw new ConfigError('LEDGER_OIDC_AUDIENCE is required with LEDGER_OIDC_ISSUER (the aud of the access tokens, e.g. the client id)');
  const cooldown = env.LEDGER_OIDC_JWKS_COOLDOWN_MS ?? '30000';
  if (!/^\d{1,7}$/.test(cooldown)) throw new ConfigError(`LEDGER_OIDC_JWKS_COOLDOWN_MS must be a whole number of milliseconds (got ${JSON.stringify(cooldown)})`);
  return {
    issuer,
    audience,
    clientId: env.LEDGER_OIDC_CLIENT_ID || audience,
    ...(env.LEDGER_OIDC_ROLE_CLAIM ? { roleClaim: env.LEDGER_OIDC_ROLE_CLAIM } : {}),
    boardClaim: env.LEDGER_OIDC_BOARD_CLAIM || 'board_id',
    jwksCooldownMs: Number(cooldown),
  };
}
