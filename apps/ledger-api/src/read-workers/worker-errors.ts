import { RuleCode, RuleViolation } from '@ledger/domain';

/** An error as it crosses between threads (structured clone keeps no class): its name, message and code. */
export interface WorkerError {
  name: string;
  message: string;
  code?: string;
}

/** On the worker: what of an error goes to the main thread. */
export function errorOf(error: unknown): WorkerError {
  const e = error as { name?: string; message?: string; code?: unknown };
  return { name: e?.name ?? 'Error', message: e?.message ?? String(error), ...(typeof e?.code === 'string' ? { code: e.code } : {}) };
}

/** On the main thread: the error again, a RuleViolation as such (the problem filter words it). */
export function errorFrom({ name, message, code }: WorkerError): Error {
  if (name === 'RuleViolation' && code) return new RuleViolation(code as RuleCode, message);
  return Object.assign(new Error(message), { name, ...(code ? { code } : {}) });
}
