import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { StreamStates, grantUser } from '@ledger/ledger';
import { ReferenceData } from '@ledger/reference-data';
import { workspaceAssetsDir } from '../../apps/ledger-api/src/workspace/workspace.controller';
import { client, startLedgerServer, type LedgerServer } from '../support/ledger-server';
import { freePort, startOidcProvider, type OidcProvider } from '../support/oidc-issuer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) console.warn(`SKIPPED: workspace sign-in browser test needs Chromium at ${CHROMIUM} — run scripts/install-debian-packages.sh (or set CHROMIUM_PATH)`);

declare const sessionStorage: any;
declare const localStorage: any;
declare const document: any;

/**
 * An officer signs in to the workspace through the deployment's issuer (the real `oidc-provider`, on
 * 127.0.0.1) with the authorization-code flow and PKCE, works with the token the issuer gave the
 * browser, and signs out. The page loads nothing from any other host.
 */
(browserAvailable ? describe : describe.skip)('workspace sign-in through an OpenID Connect issuer, in Chromium', () => {
  let provider: OidcProvider;
  let server: LedgerServer;
  let browser: Browser;
  const offsite: string[] = [];
  // oidc-client-ts renews 60 s before expiry, so a 75 s token is renewed about 15 s after sign-in.
  const ACCESS_TOKEN_TTL = 75;
  const accessToken = (page: Page) => page.evaluate((key: string) => JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token as string | undefined, `oidc.user:${provider.issuer}:ledger-workspace`);

  beforeAll(async () => {
    workspaceAssetsDir();
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    // The ledger finds the issuer's keys on first use, so it may start before the issuer does.
    server = await startLedgerServer({ LEDGER_OIDC_ISSUER: issuer, LEDGER_OIDC_AUDIENCE: 'ledger-api', LEDGER_OIDC_CLIENT_ID: 'ledger-workspace' });
    provider = await startOidcProvider({ port, audience: 'ledger-api', clientId: 'ledger-workspace', redirectUris: [`${server.baseUrl}/workspace`, `${server.baseUrl}/dashboard`], accounts: { 'kc-lan': 'Nguyễn Thị Lan', 'kc-an': 'Phạm Thu An' }, accessTokenTtl: ACCESS_TOKEN_TTL });
    const reference = ReferenceData.load();
    const deps = { store: server.store, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
    const admin = { actor: { id: 'cli:test', role: 'admin' as const }, now: new Date() };
    await grantUser(deps, { sub: 'kc-lan', displayName: 'Nguyễn Thị Lan', role: 'officer', boardId: 'BQL-HN', validFrom: '2026-01-01' }, admin);
    await grantUser(deps, { sub: 'kc-an', displayName: 'Phạm Thu An', role: 'analyst', validFrom: '2026-01-01' }, admin);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.stop();
  });

  async function signInAs(page: Page, login: string): Promise<void> {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
  }

  async function newPage(): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    // The issuer's development login page imports a web font; nothing but loopback is ever fetched here.
    await page.route('**/*', (route) => {
      if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });
    return page;
  }

  it('signs in with PKCE, shows the person the ledger knows, keeps the token out of the URL and localStorage, renews it, and signs out', async () => {
    expect((await client(server.baseUrl).get('/workspace/config.json')).body).toEqual({ issuer: provider.issuer, clientId: 'ledger-workspace' });
    const page = await newPage();
    const authorize: string[] = [];
    page.on('request', (r) => r.url().startsWith(`${provider.issuer}/auth?`) && authorize.push(r.url()));
    await page.goto(`${server.baseUrl}/workspace`);
    await page.locator('[data-sign-in]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-sign-in.png') });
    await page.locator('[data-sign-in]').click();
    await signInAs(page, 'kc-lan');
    await page.locator('[data-who]').waitFor();

    expect(await page.locator('[data-who]').innerText()).toContain('Nguyễn Thị Lan · Cán bộ cấp phép');
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-signed-in.png') });
    const asked = new URL(authorize[0]).searchParams;
    expect([asked.get('response_type'), asked.get('code_challenge_method'), asked.get('code_challenge')?.length]).toEqual(['code', 'S256', 43]);
    expect(page.url()).toBe(`${server.baseUrl}/workspace#/`);
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
    expect(stored.session).toContain(`oidc.user:${provider.issuer}:ledger-workspace`);
    expect(stored.local.filter((k: string) => k.startsWith('oidc.'))).toEqual([]);

    // The API accepts the token the issuer gave the browser: the register search answers.
    await page.locator('[name="q"]').fill('Sao Viet');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByText('Không tìm thấy dự án nào.').waitFor();

    // Before it expires, the access token is renewed with the refresh token, and the new one is used.
    const first = await accessToken(page);
    await page.waitForFunction(([key, old]: Array<string | undefined>) => JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token !== old, [`oidc.user:${provider.issuer}:ledger-workspace`, first], { timeout: 60_000 });
    const renewed = await accessToken(page);
    expect(renewed).toBeDefined();
    expect((await client(server.baseUrl, { authorization: `Bearer ${renewed}` }).get('/api/v1/me')).body).toMatchObject({ sub: 'kc-lan', name: 'Nguyễn Thị Lan' });
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByText('Không tìm thấy dự án nào.').waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.locator('[data-sign-in]').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k: string) => k.startsWith('oidc.user')))).toEqual([]);
    expect(offsite.every((url) => url.startsWith('https://fonts.googleapis.com/'))).toBe(true);
  }, 120_000);

  it('the dashboard signs in through the same issuer, loads the figures with the issued token, and signs out', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.locator('#sign-in').click();
    await signInAs(page, 'kc-an');
    await page.waitForFunction(() => Number(document.body?.dataset.loaded || 0) >= 1);
    expect(page.url()).not.toMatch(/code=|token=/);
    expect(await page.locator('#token-input').isVisible()).toBe(false);
    await page.locator('#sign-out').click();
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.locator('#sign-in').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k: string) => k.startsWith('oidc.user')))).toEqual([]);
  });
});
