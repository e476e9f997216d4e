import { AuthorityError, WorkbookUnreadableError, type Actor, type ImportPlan, type RegisterImportOptions } from '@ledger/ledger';
import { siblingWorker } from '../read-workers/sibling-worker';

/** What the planning thread is given: plain data only (the options without their progress callback). */
export interface PlanJob {
  bytes: Uint8Array;
  options: Omit<RegisterImportOptions, 'onProgress'>;
  actor: Actor;
  now: string;
  logPath: string;
  referenceDataVersion: string;
}

/** The plan, or the error planImport threw, as data that crosses threads. */
export type PlanOutcome =
  | { plan: ImportPlan }
  | { authority: { code: AuthorityError['code']; message: string; details: Record<string, unknown> } }
  | { unreadable: string }
  | { failed: string };

/** Runs planImport on a thread of its own (one per upload: imports are rare) and rethrows its errors as they were. */
export function planOnWorker(job: PlanJob): Promise<ImportPlan> {
  return new Promise((resolve, reject) => {
    const worker = siblingWorker(__dirname, 'plan-worker', job);
    let settled = false;
    worker.once('message', (outcome: PlanOutcome) => {
      settled = true;
      if ('plan' in outcome) resolve(outcome.plan);
      else if ('authority' in outcome) reject(new AuthorityError(outcome.authority.code, outcome.authority.message, outcome.authority.details));
      else if ('unreadable' in outcome) reject(new WorkbookUnreadableError(outcome.unreadable));
      else reject(new Error(`planning the register failed: ${outcome.failed}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the register planning thread exited with code ${code} before answering`));
    });
  });
}
