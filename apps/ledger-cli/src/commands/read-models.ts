import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { loadStoreConfig } from '../../../ledger-api/src/config/ledger-config';

/** The lowest read-model checkpoint stored in a read-model file: where a replica started from it resumes. */
export function readModelCheckpoint(path: string): bigint {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COALESCE(MIN(position), 0) FROM projection_checkpoints').pluck().safeIntegers().get() as bigint) ?? 0n;
  } finally {
    db.close();
  }
}

/**
 * `read-models backup`: an online copy of a running replica's read models. SQLite's backup API
 * copies the whole file in one step, i.e. from one read snapshot, so the read models and their
 * checkpoints in the copy agree; a new replica started on the copy catches up from that checkpoint
 * instead of replaying the log from position 0.
 */
export function registerReadModelCommands(program: Command): void {
  const readModels = program.command('read-models').description('operations on this replica\'s read-model file (LEDGER_READ_DB_PATH)');
  readModels
    .command('backup')
    .description('copy the read models of a running replica, with their checkpoint, for a new replica to start from')
    .requiredOption('--out <file>', 'where to write the copy (must not exist)')
    .action(async (options: { out: string }) => {
      const { readDbPath } = loadStoreConfig(process.env);
      if (!existsSync(readDbPath)) throw new Error(`no read-model file at ${readDbPath}`);
      if (existsSync(options.out)) throw new Error(`${options.out} already exists`);
      const source = new Database(readDbPath, { readonly: true, fileMustExist: true });
      try {
        await source.backup(options.out, { progress: () => 0x7fffffff });
      } finally {
        source.close();
      }
      process.stdout.write(`read models of ${readDbPath} copied to ${options.out} at checkpoint ${readModelCheckpoint(options.out)}\n`);
    });
}
