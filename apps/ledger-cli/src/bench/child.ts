import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Paths of the compiled repo (dist/) as the bench runs from it. */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');
export const REGISTER_PATHS = join(REPO_ROOT, 'config', 'register-paths.js');

/** Runs a compiled script of this folder in a fresh node process and parses its last stdout line as JSON. */
export function runChild<T>(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER_PATHS, join(__dirname, script), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() as string) as T);
      } catch {
        reject(new Error(`${script} printed no result: ${out.slice(-200)}`));
      }
    });
  });
}

/** Starts a long-running child (a server) and resolves once `ready()` is true, or rejects with its output. */
export async function startServer(args: string[], env: NodeJS.ProcessEnv, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${output.trim().split('\n').slice(-2).join(' ').slice(0, 300)}`);
    if (await ready().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`did not become ready in ${timeoutMs / 1000} s: ${output.slice(-300)}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
