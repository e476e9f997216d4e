import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vietnamDateOf } from '@ledger/domain';
import { ledgerCli } from '../support/cli';

/** `ledger-cli users`: the directory managed from the shell on the ledger's own store. */
describe('ledger-cli users grant | revoke | list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-users-cli-'));
  const env = { LEDGER_DB_PATH: join(dir, 'ledger.db') };
  const today = vietnamDateOf(new Date());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('grants, lists, refuses a bad revocation with its rule, revokes, and lists the revocation', async () => {
    expect(await ledgerCli(['users', 'grant', '--sub', 'kc-lan', '--name', 'Nguyễn Thị Lan', '--role', 'officer', '--board', 'BQL-HN', '--from', '2026-01-01'], env)).toMatchObject({ code: 0 });
    expect((await ledgerCli(['users', 'list'], env)).stdout).toBe('kc-lan\tNguyễn Thị Lan\tofficer BQL-HN 2026-01-01..\n');
    const refused = await ledgerCli(['users', 'revoke', '--sub', 'kc-lan', '--reason', ' '], env);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('reason is required') });
    expect(await ledgerCli(['users', 'revoke', '--sub', 'kc-lan', '--reason', 'nghỉ hưu'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining(`revoked kc-lan from ${today}`) });
    expect((await ledgerCli(['users', 'list'], env)).stdout).toBe('kc-lan\tNguyễn Thị Lan\trevoked\n');
  }, 60_000);
});
