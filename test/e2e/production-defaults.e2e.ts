import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '../../apps/ledger-api/src/config/ledger-config';
import { apiProcessRefusal, startApiProcess } from '../support/api-process';
import { freePort } from '../support/ports';

/** `npm start` as an operator runs it: what the process refuses, and what it says out loud. */
describe('start-up of the API process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = (name: string) => ({ LEDGER_DB_PATH: join(dir, `${name}.db`) });

  it('given NODE_ENV=prod and the built-in development secret → exits 1 with one line, printing no token', async () => {
    const { code, output } = await apiProcessRefusal({ ...db('prod'), NODE_ENV: 'prod', LEDGER_JWT_SECRET: DEVELOPMENT_JWT_SECRET }, await freePort());
    expect(code).toBe(1);
    expect(output).toBe('Configuration error: LEDGER_JWT_SECRET is the public development secret; production needs a secret of its own\n');
  });

  it('given NODE_ENV=production, a secret and LEDGER_DEMO_DATA=true without LEDGER_DEMO_STORE → exits 1, nothing written', async () => {
    const { code, output } = await apiProcessRefusal({ ...db('demo'), NODE_ENV: 'production', LEDGER_JWT_SECRET: 'a-production-secret-of-at-least-32-characters', LEDGER_DEMO_DATA: 'true' }, await freePort());
    expect(code).toBe(1);
    expect(output).toMatch(/^Configuration error: LEDGER_DEMO_DATA=true in production .*LEDGER_DEMO_STORE=true.*\n$/);
    expect(existsSync(join(dir, 'demo.db'))).toBe(false);
  });

  it('given a LEDGER_DB_PATH in a folder that does not exist → exits 1 with one line and creates no folder', async () => {
    const { code, output } = await apiProcessRefusal({ LEDGER_DB_PATH: join(dir, 'dta', 'ledger.db') }, await freePort());
    expect(code).toBe(1);
    expect(output).toMatch(/^Configuration error: LEDGER_DB_PATH: the directory .*dta does not exist .*\n$/);
    expect(existsSync(join(dir, 'dta'))).toBe(false);
  });

  it('given LEDGER_ANCHOR_DIR without LEDGER_DIGEST_KEY → exits 1: the API would publish nothing', async () => {
    const { code, output } = await apiProcessRefusal({ ...db('anchors'), LEDGER_ANCHOR_DIR: join(dir, '..', 'anchors-nowhere') }, await freePort());
    expect(code).toBe(1);
    expect(output).toBe('Configuration error: LEDGER_DIGEST_KEY (the Ed25519 key that signs anchors) is required when LEDGER_ANCHOR_DIR is set\n');
  });

  it('given development without LEDGER_JWT_SECRET → starts, and says loudly that the public development secret is in use', async () => {
    const api = await startApiProcess({ ...db('dev'), NODE_ENV: 'development', LEDGER_JWT_SECRET: '' });
    await api.stop();
    expect(api.output()).toMatch(/^WARNING: tokens are signed with the PUBLIC development secret/m);
  });
});
