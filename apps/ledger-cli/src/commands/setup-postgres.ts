import type { Command } from 'commander';
import { setUpPostgresLog } from '@ledger/event-store';
import { loadStoreConfig } from '../../../ledger-api/src/config/ledger-config';

/** `setup-postgres`: once per database, as the role that is to own the log (LEDGER_PG_URL). */
export function registerSetupPostgresCommand(program: Command): void {
  program
    .command('setup-postgres')
    .description('create the PostgreSQL log (tables, immutability triggers) as its owner and grant the API role SELECT/INSERT only')
    .requiredOption('--api-role <role>', 'the role the API replicas connect as')
    .action(async (options: { apiRole: string }) => {
      const config = loadStoreConfig({ ...process.env, LEDGER_STORE: 'postgres' });
      await setUpPostgresLog(config.pgUrl as string, options.apiRole);
      process.stdout.write(`PostgreSQL log ready; role ${options.apiRole} may read and append, not update or delete\n`);
    });
}
