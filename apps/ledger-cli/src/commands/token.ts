import type { Command } from 'commander';
import { vietnamDateOf } from '@ledger/domain';
import { ReferenceData } from '@ledger/reference-data';
import { loadLedgerConfig } from '../../../ledger-api/src/config/ledger-config';
import { mintToken } from '../../../ledger-api/src/auth/tokens';
import type { Role } from '../../../ledger-api/src/auth/roles';

/** An unknown board is refused (a typo would mint a useless token); a dissolved one is allowed with a warning, for back-dated work. */
function checkBoard(boardId: string, today: string): string | undefined {
  const ref = ReferenceData.load();
  const board = ref.board(boardId);
  if (!board) throw new Error(`unknown board ${boardId} (boards are listed in config/reference-data/boards.json)`);
  if (board.validTo === null || board.validTo >= today) return undefined;
  return `warning: board ${boardId} was dissolved on ${board.validTo}; its projects are held by ${ref.currentBoardOf(boardId, today)} now, and writes by its officers are refused (403 BOARD_DISSOLVED)\n`;
}

/** `token --role officer --board BQL-BG --ttl 8h`: a bearer token for local use. */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('mint a bearer token signed with LEDGER_JWT_SECRET (development secret if unset)')
    .requiredOption('--role <role>', 'officer | auditor | analyst | admin')
    .option('--board <boardId>', 'the board an officer acts for, e.g. BQL-BG')
    .option('--sub <subject>', 'who the token is for', process.env.USER ?? 'local-user')
    .option('--ttl <ttl>', 'lifetime, e.g. 30m, 8h, 7d', '8h')
    .action((options: { role: Role; board?: string; sub: string; ttl: string }) => {
      const config = loadLedgerConfig(process.env);
      const warning = options.board && checkBoard(options.board, vietnamDateOf(new Date()));
      if (warning) process.stderr.write(warning);
      process.stdout.write(`${mintToken(config.jwtSecret, { sub: options.sub, role: options.role, ...(options.board ? { boardId: options.board } : {}) }, options.ttl)}\n`);
    });
}
