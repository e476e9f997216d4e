import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './ports';

export { freePort };

export interface OidcProviderOptions {
  port: number;
  audience: string;
  clientId: string;
  redirectUris: string[];
  /** sub → display name */
  accounts: Record<string, string>;
  /** Seconds an access token lives (default 600). */
  accessTokenTtl?: number;
  /** sub → roles, carried in access tokens as `realm_access.roles` (as Keycloak does). */
  roles?: Record<string, string[]>;
}

export interface TokenSet {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
}

export interface OidcProvider {
  issuer: string;
  /** Signs in as `login` through the provider's own login form and the authorization-code flow with PKCE. */
  signIn(login: string): Promise<TokenSet>;
  /** A new signing key first in the published key set; answers its key id. */
  rotate(): Promise<string>;
  /** The claims signed with the provider's current signing key (test-only control of the helper). */
  sign(claims: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The certified `oidc-provider` package, run by test/support/oidc-provider.mjs in a child process
 * (ESM-only, so jest cannot load it in-process) on 127.0.0.1.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_PORT: String(options.port), OIDC_AUDIENCE: options.audience, OIDC_CLIENT_ID: options.clientId, OIDC_REDIRECT_URIS: options.redirectUris.join(','), OIDC_ACCOUNTS: JSON.stringify(options.accounts), OIDC_ACCESS_TOKEN_TTL: String(options.accessTokenTtl ?? 600), OIDC_ROLES: JSON.stringify(options.roles ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`oidc-provider exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${issuer}/.well-known/openid-configuration`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`oidc-provider did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  async function signIn(login: string): Promise<TokenSet> {
    const cookies = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
        if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) cookies.set(name, value);
        else cookies.delete(name);
      }
      return response;
    };
    const verifier = randomBytes(32).toString('base64url');
    const redirectUri = options.redirectUris[0];
    const query = new URLSearchParams({ client_id: options.clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid profile', state: randomBytes(8).toString('hex'), code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' });
    let url = `${issuer}/auth?${query}`;
    for (let hop = 0; hop < 10; hop++) {
      const response = await send(url);
      const location = response.headers.get('location');
      if (location?.startsWith(redirectUri)) {
        const code = new URL(location).searchParams.get('code');
        if (!code) throw new Error(`sign-in of ${login} ended without a code: ${location}`);
        const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: options.clientId, code_verifier: verifier });
        const token = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        if (!token.ok) throw new Error(`token endpoint answered ${token.status}: ${await token.text()}`);
        return (await token.json()) as TokenSet;
      }
      if (location) {
        url = new URL(location, url).toString();
        continue;
      }
      // The provider's login form: any password is accepted by its development interactions.
      const action = /action="([^"]+)"/.exec(await response.text())?.[1];
      if (!action) throw new Error(`unexpected page at ${url} (${response.status})`);
      const posted = await send(new URL(action, url).toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login, password: 'test' }).toString() });
      url = new URL(posted.headers.get('location') as string, url).toString();
    }
    throw new Error(`sign-in of ${login} did not finish`);
  }

  return {
    issuer,
    signIn,
    sign: async (claims) => (await fetch(`${issuer}/test/sign`, { method: 'POST', body: JSON.stringify(claims) })).text(),
    rotate: async () => ((await (await fetch(`${issuer}/test/rotate`, { method: 'POST' })).json()) as { kid: string }).kid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
