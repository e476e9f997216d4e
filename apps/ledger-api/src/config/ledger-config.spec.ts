import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadLedgerConfig } from './ledger-config';

const SECRET = 'a-production-secret-of-at-least-32-characters';

describe('loadLedgerConfig: production defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => () => loadLedgerConfig({ LEDGER_DB_PATH: join(dir, 'ledger.db'), ...env });

  it.each(['production', 'Production', 'prod', 'staging'])('given NODE_ENV=%s and no LEDGER_JWT_SECRET → refused as production', (NODE_ENV) => {
    expect(load({ NODE_ENV })).toThrow(new ConfigError(`LEDGER_OIDC_ISSUER (sign-in through your identity provider) or LEDGER_JWT_SECRET is required in production (NODE_ENV="${NODE_ENV}"; only development and test run without them)`));
  });

  it('given production and the built-in development secret → refused', () => {
    expect(load({ NODE_ENV: 'prod', LEDGER_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/LEDGER_JWT_SECRET is the public development secret/);
  });

  it.each<Record<string, string>>([{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }])('given %j → the development secret, flagged as such', (env) => {
    expect(load(env)()).toMatchObject({ production: false, jwtSecret: DEVELOPMENT_JWT_SECRET, devSecret: true });
  });

  it('given production with a secret of its own → starts, without demo data by default', () => {
    expect(load({ NODE_ENV: 'production', LEDGER_JWT_SECRET: SECRET })()).toMatchObject({ production: true, devSecret: false, demoData: false });
  });

  it('given production and LEDGER_DEMO_DATA=true → refused unless LEDGER_DEMO_STORE=true says the store is a demo', () => {
    const production = { NODE_ENV: 'production', LEDGER_JWT_SECRET: SECRET, LEDGER_DEMO_DATA: 'true' };
    expect(load(production)).toThrow(/LEDGER_DEMO_DATA=true in production .* set LEDGER_DEMO_STORE=true/);
    expect(load({ ...production, LEDGER_DEMO_STORE: 'true' })()).toMatchObject({ demoData: true });
  });

  it('given development → demo data unless LEDGER_DEMO_DATA=false', () => {
    expect(load({ NODE_ENV: 'development' })()).toMatchObject({ demoData: true });
    expect(load({ NODE_ENV: 'development', LEDGER_DEMO_DATA: 'false' })()).toMatchObject({ demoData: false });
  });

  it('given LEDGER_DB_PATH whose folder does not exist → one line naming the folder; the default ./data/ may be created', () => {
    const typo = join(dir, 'dta', 'ledger.db');
    expect(() => loadLedgerConfig({ LEDGER_DB_PATH: typo })).toThrow(new ConfigError(`LEDGER_DB_PATH: the directory ${join(dir, 'dta')} does not exist (got "${typo}"); create it or fix the path`));
    expect(() => loadLedgerConfig({ LEDGER_DB_PATH: join(dir, 'ledger.db'), LEDGER_READ_DB_PATH: typo })).toThrow(/^LEDGER_READ_DB_PATH: the directory/);
    expect(loadLedgerConfig({}).dbPath).toBe('./data/ledger.db');
  });

  it('given a log file → its read models beside it; given a log in memory → read models in memory too, unless a file is named', () => {
    expect(load({})()).toMatchObject({ readDbPath: join(dir, 'ledger.read-models.db') });
    expect(loadLedgerConfig({ LEDGER_DB_PATH: ':memory:' })).toMatchObject({ dbPath: ':memory:', readDbPath: ':memory:' });
    expect(loadLedgerConfig({ LEDGER_STORE: 'memory' })).toMatchObject({ store: 'memory', readDbPath: ':memory:' });
    expect(loadLedgerConfig({ LEDGER_STORE: 'memory', LEDGER_READ_DB_PATH: join(dir, 'kept.read.db') })).toMatchObject({ readDbPath: join(dir, 'kept.read.db') });
  });

  it('given several serving processes and a log or read models in memory → refused (each process would have its own)', () => {
    const refusal = new ConfigError('LEDGER_HTTP_PROCESSES=2 needs the log and the read models in files (or the log in PostgreSQL): in memory each process would have its own');
    expect(() => loadLedgerConfig({ LEDGER_DB_PATH: ':memory:', LEDGER_HTTP_PROCESSES: '2' })).toThrow(refusal);
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'memory', LEDGER_HTTP_PROCESSES: '2' })).toThrow(refusal);
    expect(load({ LEDGER_READ_DB_PATH: ':memory:', LEDGER_HTTP_PROCESSES: '2' })).toThrow(refusal);
    expect(load({ LEDGER_HTTP_PROCESSES: '2' })()).toMatchObject({ httpProcesses: 2 });
  });

  it("given an anchor directory inside the log's directory → refused", () => {
    expect(load({ LEDGER_ANCHOR_DIR: join(dir, 'anchors') })).toThrow(/^LEDGER_ANCHOR_DIR must be outside the log's directory/);
    expect(load({ LEDGER_ANCHOR_DIR: join(dir, '..', `${dir.split('/').pop()}-anchors`) })()).toMatchObject({ anchors: { everyEvents: 1000, everyMinutes: 5 } });
  });
});

describe('LEDGER_STORE=postgres configuration', () => {
  it('needs LEDGER_PG_URL, and names it when missing', () => {
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'postgres' })).toThrow(new ConfigError('LEDGER_PG_URL is required when LEDGER_STORE=postgres (e.g. postgres://ledger_api@localhost:5432/ledger)'));
  });

  it('refuses a URL that is not postgres:// without echoing its password', () => {
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'postgres', LEDGER_PG_URL: 'mysql://api:secret@db/ledger' })).toThrow('LEDGER_PG_URL must start with postgres:// or postgresql:// (got "mysql://api:***@db/ledger")');
  });

  it('takes the URL; the read models stay in the replica-local SQLite file (whose folder must exist)', () => {
    const readDbPath = join(tmpdir(), 'replica-a.read.db');
    const config = loadLedgerConfig({ LEDGER_STORE: 'postgres', LEDGER_PG_URL: 'postgres://ledger_api@db:5432/ledger', LEDGER_READ_DB_PATH: readDbPath });
    expect(config).toMatchObject({ store: 'postgres', pgUrl: 'postgres://ledger_api@db:5432/ledger', readDbPath });
  });
});
