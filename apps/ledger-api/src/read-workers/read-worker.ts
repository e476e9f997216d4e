import type { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteLogReader, verifyChain } from '@ledger/event-store';
import { ReferenceData } from '@ledger/reference-data';
import { activityReport, allRegisterItems, timeseriesReport, unitsOf, validProjectsReport, type Units } from '@ledger/reporting';
import { registerRow, registerTable } from '../reports/export/tables';
import { csvStream, xlsxStream } from '../reports/export/writers';
import type { FromWorker, ReadJob, ReadWorkerFiles, ToWorker } from './read-jobs';
import { errorOf } from './worker-errors';

/**
 * One read worker: its own connections to the log (read-only) and the read models, and the long
 * jobs of the API. Runs one job at a time; the pool never sends a second before the first ends.
 */
const files = workerData as ReadWorkerFiles;
const port = parentPort as NonNullable<typeof parentPort>;
const post = (message: FromWorker) => port.postMessage(message);

let readModels: Database.Database | undefined;
let units: Units | undefined;

// Read-only: queries only read (the facts projection alone keeps the running sums).
function readModelDb(): Database.Database {
  if (!readModels) {
    readModels = new Database(files.readModelPath, { fileMustExist: true, readonly: true });
    readModels.pragma('busy_timeout = 10000');
  }
  return readModels;
}

let reference: ReferenceData | undefined;
const referenceData = () => (reference ??= ReferenceData.load());
const unitsOfReference = () => (units ??= unitsOf(referenceData()));

const streams = new Map<number, { stream: Readable; credits: number; control: { cancelled: boolean } }>();
/** Chunks in flight before the main thread asks for more. */
const INITIAL_CREDITS = 4;

async function verify(): Promise<unknown> {
  if (!files.logPath) throw new Error('verification on a worker needs a SQLite log');
  const reader = new SqliteLogReader(files.logPath);
  try {
    return await verifyChain(reader);
  } finally {
    reader.close();
  }
}

function registerExport(id: number, job: Extract<ReadJob, { kind: 'registerExport' }>): void {
  const db = readModelDb();
  // Stops reading rows once the client has gone: the XLSX writer would otherwise walk them all.
  const control = { cancelled: false };
  const rows = (function* () {
    for (const item of allRegisterItems(db, unitsOfReference(), job.query, job.pageSize)) {
      if (control.cancelled) return;
      yield registerRow(item, referenceData());
    }
  })();
  const table = registerTable(job.query, rows, job.generatedAt);
  const stream = job.format === 'csv' ? csvStream(table, job.view) : xlsxStream(table, job.view);
  const entry = { stream, credits: INITIAL_CREDITS, control };
  streams.set(id, entry);
  stream.on('data', (chunk: Buffer | string) => {
    post({ id, chunk: typeof chunk === 'string' ? chunk : new Uint8Array(chunk) });
    if (--entry.credits <= 0) stream.pause();
  });
  stream.on('end', () => {
    streams.delete(id);
    post({ id, end: true });
  });
  stream.on('error', (error) => {
    streams.delete(id);
    post({ id, error: errorOf(error) });
  });
}

async function run(id: number, job: ReadJob): Promise<void> {
  try {
    switch (job.kind) {
      case 'verify':
        return post({ id, result: await verify() });
      case 'activity':
        return post({ id, result: activityReport(readModelDb(), unitsOfReference(), job.query) });
      case 'validProjects':
        return post({ id, result: validProjectsReport(readModelDb(), unitsOfReference(), job.query) });
      case 'timeseries':
        return post({ id, result: timeseriesReport(readModelDb(), unitsOfReference(), job.query) });
      case 'registerExport':
        return registerExport(id, job);
    }
  } catch (error) {
    post({ id, error: errorOf(error) });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'run') return void run(message.id, message.job);
  const entry = streams.get(message.id);
  if (!entry) return;
  if (message.type === 'credit') {
    entry.credits++;
    entry.stream.resume();
  } else {
    streams.delete(message.id);
    entry.control.cancelled = true;
    entry.stream.destroy();
    post({ id: message.id, end: true });
  }
});
