import { parentPort, workerData } from 'node:worker_threads';
import { SqliteLogReader } from '@ledger/event-store';
import { AuthorityError, WorkbookUnreadableError, planImport } from '@ledger/ledger';
import { ReferenceData } from '@ledger/reference-data';
import type { PlanJob, PlanOutcome } from './plan-job';

/**
 * Plans one uploaded register (read the workbook, decide every act) on its own thread with a read-only
 * connection to the log: seconds of parsing and deciding never hold the API's request thread.
 */
async function run(job: PlanJob): Promise<PlanOutcome> {
  const store = new SqliteLogReader(job.logPath);
  try {
    const reference = ReferenceData.load();
    const plan = await planImport(Buffer.from(job.bytes), job.options, { reference, referenceDataVersion: job.referenceDataVersion, store }, { actor: job.actor, now: new Date(job.now) });
    return { plan };
  } catch (error) {
    if (error instanceof AuthorityError) return { authority: { code: error.code, message: error.message, details: error.details } };
    if (error instanceof WorkbookUnreadableError) return { unreadable: error.message };
    return { failed: (error as Error)?.stack ?? String(error) };
  } finally {
    store.close();
  }
}

void run(workerData as PlanJob).then((outcome) => parentPort?.postMessage(outcome));
