import { ConfigError, loadLedgerConfig } from './ledger-config';

describe('LEDGER_STORE=postgres configuration', () => {
  it('needs LEDGER_PG_URL, and names it when missing', () => {
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'postgres' })).toThrow(new ConfigError('LEDGER_PG_URL is required when LEDGER_STORE=postgres (e.g. postgres://ledger_api@localhost:5432/ledger)'));
  });

  it('refuses a URL that is not postgres:// without echoing its password', () => {
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'postgres', LEDGER_PG_URL: 'mysql://api:secret@db/ledger' })).toThrow('LEDGER_PG_URL must start with postgres:// or postgresql:// (got "mysql://api:***@db/ledger")');
  });

  it('takes the URL; the read models stay in the replica-local SQLite file', () => {
    const config = loadLedgerConfig({ LEDGER_STORE: 'postgres', LEDGER_PG_URL: 'postgres://ledger_api@db:5432/ledger', LEDGER_READ_DB_PATH: '/var/lib/ledger/replica-a.read.db' });
    expect(config).toMatchObject({ store: 'postgres', pgUrl: 'postgres://ledger_api@db:5432/ledger', readDbPath: '/var/lib/ledger/replica-a.read.db' });
  });
});
