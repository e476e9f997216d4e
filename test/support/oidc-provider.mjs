// A real OpenID Provider for the tests: the certified `oidc-provider` package on 127.0.0.1.
// oidc-provider is ESM-only and jest's CommonJS runtime cannot load it, so tests start this file as a
// child process (test/support/oidc-provider.ts). Environment:
//   OIDC_PORT            port to listen on (127.0.0.1)
//   OIDC_AUDIENCE        `aud` of the JWT access tokens it issues
//   OIDC_CLIENT_ID       the public client (PKCE, no secret) the workspace signs in with
//   OIDC_REDIRECT_URIS   comma-separated redirect URIs of that client
//   OIDC_ACCOUNTS        JSON {sub: display name}; any other login signs in with its login as name
//   OIDC_ACCESS_TOKEN_TTL  seconds an access token lives (default 600)
//   OIDC_ROLES           JSON {sub: [role…]}, put in access tokens as Keycloak does (realm_access.roles)
// Test-only controls: POST /test/rotate puts a new signing key first in the key set (the old one stays
// published, as an issuer does during a rotation) and answers the new key id; POST /test/sign signs the
// posted claims with the current signing key, for tokens the provider would not issue (expired, wrong aud).
import { createServer } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const audience = process.env.OIDC_AUDIENCE ?? 'ledger-api';
const clientId = process.env.OIDC_CLIENT_ID ?? 'ledger-workspace';
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? `${issuer}/cb`).split(',');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const RESOURCE = 'urn:ledger:api';
const accessTokenTTL = Number(process.env.OIDC_ACCESS_TOKEN_TTL ?? 600);
const roles = JSON.parse(process.env.OIDC_ROLES ?? '{}');

async function signingKey(n) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `key-${n}`, alg: 'RS256', use: 'sig' };
}

function providerWith(keys) {
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, token_endpoint_auth_method: 'none', application_type: 'web', redirect_uris: redirectUris, post_logout_redirect_uris: redirectUris, grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] }],
    jwks: { keys },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: accounts[sub] ?? sub }) }),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'ledger', audience, accessTokenTTL, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    // Like a first-party client with consent turned off (Keycloak's default): no consent screen.
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addResourceScope(RESOURCE, 'ledger');
      await grant.save();
      return grant;
    },
    extraTokenClaims: async (_ctx, token) =>
      token.kind === 'AccessToken' ? { name: accounts[token.accountId] ?? token.accountId, ...(roles[token.accountId] ? { realm_access: { roles: roles[token.accountId] } } : {}) } : undefined,
    clientBasedCORS: (_ctx, origin) => redirectUris.some((uri) => new URL(uri).origin === origin),
    issueRefreshToken: () => true,
    ttl: { AccessToken: accessTokenTTL, IdToken: 600, RefreshToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
  });
  provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
  return provider;
}

let keys = [await signingKey(1)];
let handler = providerWith(keys).callback();

createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/test/rotate') {
    signingKey(keys.length + 1).then((key) => {
      keys = [key, ...keys];
      handler = providerWith(keys).callback();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kid: key.kid }));
    });
    return;
  }
  if (req.method === 'POST' && req.url === '/test/sign') {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const [key] = keys;
      const token = await new SignJWT(JSON.parse(body)).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid }).sign(await importJWK(key, 'RS256'));
      res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
    });
    return;
  }
  handler(req, res);
}).listen(port, '127.0.0.1', () => process.stdout.write(`oidc-provider listening on ${issuer}\n`));
