import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the real API (`main.ts`) as a separate OS process and waits until /health answers. */
export async function startApiProcess(env: Record<string, string>, port: number): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/ledger-api/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', LEDGER_DEMO_DATA: 'false', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API process did not become healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A free-enough port per test file, away from the default 3000. */
export const portFor = (offset: number) => 39_000 + (process.pid % 500) * 4 + offset;
