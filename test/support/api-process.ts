import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports';

const ROOT = join(__dirname, '..', '..');

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The real API (`main.ts`) as a separate OS process. */
function spawnApi(env: Record<string, string>, port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/ledger-api/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', LEDGER_DEMO_DATA: 'false', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/** Starts the API expecting it to refuse: its exit code and what it printed (killed if still running after 40 s: then code is null). */
export function apiProcessRefusal(env: Record<string, string>, port: number): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnApi(env, port);
  const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    }),
  );
}

/**
 * Starts the real API (`main.ts`) as a separate OS process on a free port and waits until /health answers.
 * Another process may take the port between its choice and the API's listen: then it tries another one.
 */
export async function startApiProcess(env: Record<string, string>, attempts = 3): Promise<ApiProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(env, await freePort());
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= attempts) throw error;
    }
  }
}

class PortTaken extends Error {}

async function startOn(env: Record<string, string>, port: number): Promise<ApiProcess> {
  const { child, output } = spawnApi(env, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new (/already in use/.test(output()) ? PortTaken : Error)(`API process exited with ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API process did not become healthy: ${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    child,
    output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
