import { JwtService } from '@nestjs/jwt';
import { ledgerCli } from '../support/cli';

/** `ledger-cli token` checks the board against the reference data before minting. */
describe('ledger-cli token', () => {
  it('given an unknown board → refused with exit 1, no token printed', async () => {
    const result = await ledgerCli(['token', '--role', 'officer', '--board', 'BQL-HANOI'], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Error: unknown board BQL-HANOI/m);
  });

  it('given a dissolved board → a token, with a warning naming the end date and the successor', async () => {
    const result = await ledgerCli(['token', '--role', 'officer', '--board', 'BQL-HB'], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('warning: board BQL-HB was dissolved on 2025-06-30; its projects are held by BQL-PT-2025 now, and writes by its officers are refused (403 BOARD_DISSOLVED)\n');
    expect(new JwtService().decode(result.stdout.trim())).toMatchObject({ role: 'officer', boardId: 'BQL-HB', exp: expect.any(Number) });
  });

  it('given a current board → a token and nothing on stderr', async () => {
    const result = await ledgerCli(['token', '--role', 'officer', '--board', 'BQL-HN', '--sub', 'officer-hn'], {});
    expect(result.stderr).toBe('');
    expect(new JwtService().decode(result.stdout.trim())).toMatchObject({ sub: 'officer-hn', boardId: 'BQL-HN' });
  });
});
