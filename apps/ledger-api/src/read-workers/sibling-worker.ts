import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the script `name` in the caller's directory. Compiled, it is `name.js` and
 * inherits the parent's `-r` path registration; under jest (TypeScript sources) it registers swc itself.
 */
export function siblingWorker(dir: string, name: string, workerData: unknown): Worker {
  const ext = extname(__filename);
  return new Worker(join(dir, `${name}${ext}`), { workerData, ...(ext === '.ts' ? { execArgv: ['-r', '@swc-node/register'] } : {}) });
}
