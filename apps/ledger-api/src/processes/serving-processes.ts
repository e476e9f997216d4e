import cluster, { type Worker } from 'node:cluster';

const ROLE = 'LEDGER_PROCESS_ROLE';

/**
 * `only`: the one process (LEDGER_HTTP_PROCESSES=1) or the primary that supervises the others;
 * `lead`: the serving process that projects, loads an HTTP demo and says where to go;
 * `follower`: one that only serves, reading the lead's read models.
 */
export type ProcessRole = 'only' | 'lead' | 'follower';

export function processRole(): ProcessRole {
  if (cluster.isPrimary) return 'only';
  return process.env[ROLE] === 'lead' ? 'lead' : 'follower';
}

/**
 * What a follower must not do twice: project (the lead's read models are its own), load demo data,
 * publish anchors.
 */
const FOLLOWER_ENV = { [ROLE]: 'follower', LEDGER_PROJECTOR: 'external', LEDGER_DEMO_DATA: 'false', LEDGER_ANCHOR_DIR: '' };

/**
 * The primary of LEDGER_HTTP_PROCESSES > 1: one Node thread answers HTTP, so on a machine with more
 * cores several processes share the port (connections handed out in turn) and the SQLite files, as
 * several processes on one machine always could. A process that dies after it listened is started
 * again; one that dies before (a port in use, a file it cannot open) stops them all, since starting
 * it again would fail the same way. SIGTERM and SIGINT stop every process, each closing cleanly.
 */
export function superviseServingProcesses(count: number, leadEnv: Record<string, string>, out: NodeJS.WritableStream = process.stderr): void {
  const listened = new WeakSet<Worker>();
  let running = 0;
  let stopping = false;
  let exitCode = 0;

  const stop = (code: number) => {
    exitCode ||= code;
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (running === 0) process.exit(exitCode);
  };

  const fork = (lead: boolean) => {
    const worker = cluster.fork(lead ? { ...leadEnv, [ROLE]: 'lead' } : FOLLOWER_ENV);
    running += 1;
    worker.on('listening', () => listened.add(worker));
    worker.on('exit', (code, signal) => {
      running -= 1;
      if (stopping) {
        if (running === 0) process.exit(exitCode);
      } else if (!listened.has(worker)) {
        out.write(`A serving process ended before it listened (${signal ?? `exit code ${code}`}): stopping the ledger.\n`);
        stop(code || 1);
      } else {
        out.write(`Serving process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.\n`);
        fork(lead);
      }
    });
  };

  for (let i = 0; i < count; i++) fork(i === 0);
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
}
