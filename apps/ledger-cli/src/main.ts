import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '../../ledger-api/src/config/ledger-config';
import { registerAuditCommands } from './commands/audit';
import { registerAuditBenchmark } from './commands/bench-audit';
import { registerProjectorCommands } from './commands/projector';
import { registerReadModelCommands } from './commands/read-models';
import { registerSetupPostgresCommand } from './commands/setup-postgres';
import { registerTokenCommand } from './commands/token';
import { registerImportRegisterCommand } from './commands/import-register';
import { registerUsersCommands } from './commands/users';
import { registerGenerateCommand } from './generate/command';
import { registerBenchCommand } from './bench/command';
import { registerBenchChartCommand } from './bench/chart';

const program = new Command('ledger-cli').description('Investment Registration Ledger: operations from the command line');
registerProjectorCommands(program);
registerReadModelCommands(program);
registerSetupPostgresCommand(program);
registerAuditCommands(program);
registerAuditBenchmark(program);
registerTokenCommand(program);
registerImportRegisterCommand(program);
registerUsersCommands(program);
registerGenerateCommand(program);
registerBenchCommand(program);
registerBenchChartCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? 'Configuration error' : 'Error'}: ${(error as Error).message}\n`);
  process.exit(1);
});
