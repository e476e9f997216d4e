import { generateKeyPair, SignJWT } from 'jose';
import { ledgerCli } from '../support/cli';
import { capitalChange, ddiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';
import { freePort, startOidcProvider, type OidcProvider } from '../support/oidc-issuer';

/**
 * Sign-in through a real OpenID Provider (the certified `oidc-provider` package, in a child process on
 * 127.0.0.1): the ledger verifies its access tokens against the published key set, and who may do what
 * comes from the ledger's own user directory.
 */
describe('sign-in through an OpenID Connect issuer', () => {
  let provider: OidcProvider;
  let server: LedgerServer;
  let now = new Date('2026-11-24T03:00:00Z');
  const AUDIENCE = 'ledger-api';
  const as = (token: string) => client(server.baseUrl, { authorization: `Bearer ${token}` });
  const signedIn = async (sub: string) => as((await provider.signIn(sub)).access_token);
  const counter = async (kind: string) => Number(new RegExp(`ledger_security_events_total\\{kind="${kind}"\\} (\\d+)`).exec((await client(server.baseUrl).get('/metrics')).body)?.[1]);
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const increase = (effectiveOn: string) => capitalChange('1000000000', undefined, effectiveOn);

  beforeAll(async () => {
    const port = await freePort();
    provider = await startOidcProvider({ port, audience: AUDIENCE, clientId: 'ledger-workspace', redirectUris: ['http://127.0.0.1:1/callback'], accounts: { 'kc-admin': 'Trần Văn Quản', 'kc-lan': 'Nguyễn Thị Lan', 'kc-minh': 'Lê Văn Minh', 'kc-hoa': 'Đinh Thị Hòa', 'kc-thu': 'Vũ Minh Thư' }, roles: { 'kc-thu': ['offline_access', 'analyst'], 'kc-admin': ['analyst'] } });
    // A new key id is looked up at once (production keeps jose's 30 s between refetches).
    server = await startLedgerServer({ LEDGER_OIDC_ISSUER: provider.issuer, LEDGER_OIDC_AUDIENCE: AUDIENCE, LEDGER_OIDC_JWKS_COOLDOWN_MS: '0' }, () => now);
    // The first admin of an issuer-backed deployment is granted from the shell, on the ledger's own store.
    const granted = await ledgerCli(['users', 'grant', '--sub', 'kc-admin', '--name', 'Trần Văn Quản', '--role', 'admin', '--from', '2024-01-01'], { LEDGER_DB_PATH: server.config.dbPath });
    expect(granted).toMatchObject({ code: 0, stdout: expect.stringContaining('granted admin to kc-admin') });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await provider?.stop();
  });

  it('a person signed in with the authorization-code flow and PKCE is accepted; the sign-in is counted', async () => {
    const signIns = await counter('sign_in');
    const admin = await signedIn('kc-admin');
    const users = await admin.get('/api/v1/users');
    expect(users.status).toBe(200);
    expect(users.body.items).toEqual([expect.objectContaining({ sub: 'kc-admin', status: 'granted', role: 'admin', displayName: 'Trần Văn Quản' })]);
    expect(await counter('sign_in')).toBe(signIns + 1);
  });

  it('refuses with 401 and appends nothing: expired, wrong audience, wrong issuer, another key, alg none, a development HS256 token', async () => {
    const claims = { sub: 'kc-admin', iat: nowSeconds(), exp: nowSeconds() + 300, iss: provider.issuer, aud: AUDIENCE };
    const other = await generateKeyPair('RS256');
    const unsigned = (payload: object) => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const cases: Array<[string, string, RegExp]> = [
      ['expired', await provider.sign({ ...claims, iat: nowSeconds() - 600, exp: nowSeconds() - 120 }), /JWT_EXPIRED/],
      ['wrong audience', await provider.sign({ ...claims, aud: 'another-api' }), /JWT_CLAIM_VALIDATION_FAILED.*aud/],
      ['wrong issuer', await provider.sign({ ...claims, iss: 'http://127.0.0.1:9/realms/elsewhere' }), /JWT_CLAIM_VALIDATION_FAILED.*iss/],
      ['another key under the published key id', await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).sign(other.privateKey), /JWS_SIGNATURE_VERIFICATION_FAILED/],
      ['another key under an unknown key id', await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'attacker' }).sign(other.privateKey), /JWKS_NO_MATCHING_KEY/],
      ['alg none', unsigned(claims), /JOSE_ALG_NOT_ALLOWED/],
      ['HS256 from the CLI', bearer('admin').authorization.slice('Bearer '.length), /JOSE_ALG_NOT_ALLOWED/],
    ];
    const before = await server.eventCount();
    const refusedBefore = await counter('token_refused');
    for (const [name, token, reason] of cases) {
      const reply = await as(token).post('/api/v1/users', { sub: `kc-${name.replace(/\W/g, '')}`, displayName: name, role: 'admin', validFrom: '2026-11-24' });
      expect({ name, status: reply.status, code: reply.body.code }).toEqual({ name, status: 401, code: 'INVALID_TOKEN' });
      expect(`${reply.body.reason}: ${reply.body.detail}`).toMatch(reason);
    }
    expect(await server.eventCount()).toBe(before);
    expect(await counter('token_refused')).toBe(refusedBefore + cases.length);
  });

  it('a person the directory does not know is refused with 403 naming how to get access; the refusal is counted', async () => {
    const refusals = await counter('act_refused');
    const stranger = await signedIn('kc-stranger');
    const reply = await stranger.get('/api/v1/me');
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'USER_UNKNOWN', sub: 'kc-stranger', detail: expect.stringContaining('ledger-cli users grant') });
    expect(await counter('act_refused')).toBe(refusals + 1);
  });

  it('follows a key rotation: a token signed with the new key is accepted without a restart', async () => {
    const kid = await provider.rotate();
    const { access_token } = await provider.signIn('kc-admin');
    expect(JSON.parse(Buffer.from(access_token.split('.')[0], 'base64url').toString()).kid).toBe(kid);
    expect((await as(access_token).get('/api/v1/users')).status).toBe(200);
  });

  it('the audit trail names two different officers; a revoked officer is refused from the revocation date', async () => {
    now = new Date('2026-11-24T03:00:00Z');
    const admin = await signedIn('kc-admin');
    for (const [sub, displayName] of [['kc-lan', 'Nguyễn Thị Lan'], ['kc-minh', 'Lê Văn Minh']]) {
      expect((await admin.post('/api/v1/users', { sub, displayName, role: 'officer', boardId: 'BQL-HN', validFrom: '2026-01-01' })).status).toBe(201);
    }
    const lan = await signedIn('kc-lan');
    const minh = await signedIn('kc-minh');
    expect((await lan.post('/api/v1/projects', ddiCertificate('2600000201', 'BQL-HN', 'KCN-THANG-LONG', '2026-11-20'))).status).toBe(201);
    expect((await minh.post('/api/v1/projects/2600000201/capital-increases', increase('2026-11-24'))).status).toBe(201);
    const log = await admin.get('/api/v1/audit/log?boardId=BQL-HN');
    expect(log.body.items.map((e: { type: string; metadata: Record<string, string> }) => [e.type, e.metadata.actor, e.metadata.actorName])).toEqual([
      ['CertificateIssued', 'kc-lan', 'Nguyễn Thị Lan'],
      ['CapitalIncreased', 'kc-minh', 'Lê Văn Minh'],
    ]);

    expect((await admin.post('/api/v1/users/kc-minh/revocation', { effectiveOn: '2026-11-25', reason: 'chuyển công tác' })).status).toBe(201);
    expect((await minh.post('/api/v1/projects/2600000201/capital-increases', increase('2026-11-24'))).status).toBe(201);
    now = new Date('2026-11-25T03:00:00Z');
    const before = await server.eventCount();
    const refused = await minh.post('/api/v1/projects/2600000201/capital-increases', increase('2026-11-25'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'USER_REVOKED', effectiveOn: '2026-11-25' });
    expect(await server.eventCount()).toBe(before);
  });

  it("an officer of a dissolved board is refused after the board's end date", async () => {
    now = new Date('2025-06-30T03:00:00Z');
    const admin = await signedIn('kc-admin');
    expect((await admin.post('/api/v1/users', { sub: 'kc-hoa', displayName: 'Đinh Thị Hòa', role: 'officer', boardId: 'BQL-HB', validFrom: '2025-01-01' })).status).toBe(201);
    const hoa = await signedIn('kc-hoa');
    expect((await hoa.post('/api/v1/projects', ddiCertificate('2500000201', 'BQL-HB', 'KCN-LAC-THINH', '2025-06-30'))).status).toBe(201);
    now = new Date('2025-07-01T03:00:00Z');
    const before = await server.eventCount();
    const refused = await hoa.post('/api/v1/projects/2500000201/capital-increases', increase('2025-07-01'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'USER_BOARD_ENDED', boardId: 'BQL-HB', successorId: 'BQL-PT-2025' });
    expect(await server.eventCount()).toBe(before);
  });

  it('an unreachable issuer is 503 with Retry-After, not a refused token; nothing is appended', async () => {
    const nobody = await freePort();
    const cut = await startLedgerServer({ LEDGER_OIDC_ISSUER: `http://127.0.0.1:${nobody}`, LEDGER_OIDC_AUDIENCE: AUDIENCE });
    try {
      const reply = await client(cut.baseUrl, { authorization: `Bearer ${await provider.sign({ sub: 'kc-admin', exp: nowSeconds() + 300 })}` }).post('/api/v1/users', { sub: 'x', displayName: 'X', role: 'admin', validFrom: '2026-11-24' });
      expect([reply.status, reply.body.code, reply.headers.get('retry-after')]).toEqual([503, 'ISSUER_UNREACHABLE', '5']);
      expect(await cut.eventCount()).toBe(0);
    } finally {
      await cut.close();
    }
  });

  it('with LEDGER_OIDC_ROLE_CLAIM, roles from the token count for people the directory does not know; the directory wins for those it knows', async () => {
    const mapped = await startLedgerServer({ LEDGER_OIDC_ISSUER: provider.issuer, LEDGER_OIDC_AUDIENCE: AUDIENCE, LEDGER_OIDC_ROLE_CLAIM: 'realm_access.roles', LEDGER_DB_PATH: server.config.dbPath, LEDGER_READ_DB_PATH: `${server.config.dbPath}.mapped-read.db` });
    try {
      const me = async (sub: string) => (await client(mapped.baseUrl, { authorization: `Bearer ${(await provider.signIn(sub)).access_token}` }).get('/api/v1/me')).body;
      expect(await me('kc-thu')).toEqual({ sub: 'kc-thu', role: 'analyst', name: 'Vũ Minh Thư' });
      expect(await me('kc-admin')).toEqual({ sub: 'kc-admin', role: 'admin', name: 'Trần Văn Quản' });
    } finally {
      await mapped.close();
    }
  });
});
