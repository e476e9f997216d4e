import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerCli } from '../support/cli';

/** `ledger-cli import-register` on the committed sample register (scripts/make-sample-register.ts), against a real SQLite file. */
describe('ledger-cli import-register', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-register-cli-'));
  const db = join(dir, 'ledger.db');
  const sample = join(__dirname, '..', 'fixtures', 'sample-register.xlsx');
  const env = { LEDGER_DB_PATH: db };
  const count = async () => {
    const store = new SqliteEventStore({ path: db });
    try {
      return Number(await store.count());
    } finally {
      await store.close();
    }
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dry run: the report and figures, a row report file, nothing appended', async () => {
    const report = join(dir, 'check.csv');
    const result = await ledgerCli(['import-register', '--board', 'BQL-BG', '--file', sample, '--dry-run', '--json', '--report', report], env);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ valid: true, errors: 0, layout: 'versions', projects: 12, boardId: 'BQL-BG', file: { name: 'sample-register.xlsx' } });
    expect(json.figures.asOf.map((f: { asOf: string }) => f.asOf).slice(0, 2)).toEqual(['2014-12-31', '2015-12-31']);
    expect(parse(readFileSync(report, 'utf8').replace(/^\ufeff/, ''))).toEqual([['Dòng', 'Cột', 'Tiêu đề cột', 'Mã lỗi', 'Mức độ', 'Nội dung']]);
    expect(result.stderr).toMatch(/dry run: nothing appended/);
    expect(await count()).toBe(0);
  });

  it('imports once; the same file again appends nothing; verify passes', async () => {
    const first = await ledgerCli(['import-register', '--board', 'BQL-BG', '--file', sample, '--role', 'officer', '--actor', 'officer-bn-2025'], env);
    expect(first.code).toBe(0);
    const appended = Number(/imported: (\d+) events appended/.exec(first.stdout)?.[1]);
    expect(appended).toBeGreaterThan(12);
    expect(await count()).toBe(appended);
    const again = await ledgerCli(['import-register', '--board', 'BQL-BG', '--file', sample], env);
    expect(again.stdout).toMatch(/already imported at .*: nothing appended/);
    expect(await count()).toBe(appended);
    expect((await ledgerCli(['verify'], env)).stdout).toMatch(new RegExp(`^OK ${appended} events`, 'm'));
  });

  it('a bad option is one line and exit 1', async () => {
    const result = await ledgerCli(['import-register', '--board', 'BQL-BG', '--file', sample, '--layout', 'rows'], env);
    expect([result.code, result.stderr.trim()]).toEqual([1, 'Error: --layout must be one of projects, versions (got "rows")']);
  });
});
