import type { Command } from 'commander';
import { loadLedgerConfig } from '../../../ledger-api/src/config/ledger-config';
import { mintToken } from '../../../ledger-api/src/auth/tokens';
import type { Role } from '../../../ledger-api/src/auth/roles';

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
      process.stdout.write(`${mintToken(config.jwtSecret, { sub: options.sub, role: options.role, ...(options.board ? { boardId: options.board } : {}) }, options.ttl)}\n`);
    });
}
