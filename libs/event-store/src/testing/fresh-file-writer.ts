import { spawn } from 'node:child_process';
import { once } from 'node:events';

// A second process, as when two serving processes start on files neither has created yet.
const WRITER = `
const Database = require('better-sqlite3');
const [path, holdMs] = process.argv.slice(1);
const db = new Database(path);
db.exec('BEGIN IMMEDIATE');
db.exec('CREATE TABLE IF NOT EXISTS other_process (at INTEGER)');
process.stdout.write('writing\\n');
setTimeout(() => { db.exec('COMMIT'); db.pragma('journal_mode = WAL'); db.close(); }, Number(holdMs));
`;

export interface FreshFileWriter {
  /** Resolves once the other process has committed, put the file in WAL mode and ended. */
  readonly ended: Promise<void>;
  kill(): void;
}

/**
 * Another process that creates `path` in rollback-journal mode and holds its write lock for
 * `holdMs` before it commits and converts the file to WAL. Resolves while it holds the lock.
 */
export async function freshFileWriter(path: string, holdMs: number): Promise<FreshFileWriter> {
  const child = spawn(process.execPath, ['-e', WRITER, path, String(holdMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ended = once(child, 'exit').then(([code, signal]) => {
    if (code !== 0 && signal !== 'SIGKILL') throw new Error(`the other process ended with ${signal ?? code}`);
  });
  await once(child.stdout, 'data');
  return { ended, kill: () => child.kill('SIGKILL') };
}
