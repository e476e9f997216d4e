import type { ActivityQuery, RegisterQuery, TimeseriesQuery, ValidProjectsQuery } from '@ledger/reporting';
import type { PeopleView } from '../reports/export/tables';
import type { WorkerError } from './worker-errors';

/** The files a read worker opens, each with its own connection. */
export interface ReadWorkerFiles {
  /** The SQLite event log; absent when the store is not SQLite (verification then runs in-process). */
  logPath?: string;
  readModelPath: string;
}

export type ExportFormat = 'csv' | 'xlsx';

/** The register query of an export: every matching row, so no page. */
export type RegisterExportQuery = Omit<RegisterQuery, 'page' | 'pageSize'>;

/** Work that may take seconds to minutes on a national log, and the reports, so it runs off the request thread. */
export type ReadJob =
  | { kind: 'verify' }
  | { kind: 'activity'; query: ActivityQuery }
  | { kind: 'validProjects'; query: ValidProjectsQuery }
  | { kind: 'timeseries'; query: TimeseriesQuery }
  | { kind: 'registerExport'; query: RegisterExportQuery; format: ExportFormat; generatedAt: string; view?: PeopleView; pageSize: number };

/** Main thread → worker. A streamed job sends a chunk per credit, so a slow client holds the worker back instead of filling memory. */
export type ToWorker = { type: 'run'; id: number; job: ReadJob } | { type: 'credit'; id: number } | { type: 'cancel'; id: number };

/** Worker → main thread. */
export type FromWorker = { id: number; result: unknown } | { id: number; error: WorkerError } | { id: number; chunk: Uint8Array | string } | { id: number; end: true };
