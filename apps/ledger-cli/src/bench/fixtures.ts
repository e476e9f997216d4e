import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@ledger/event-store';
import { generateDataset, toNewEvent, type Dataset } from '../generate/dataset';
import { Geography } from '../generate/geography';
import type { GeneratedEvent } from '../generate/history';
import { writeSqlite } from '../generate/sinks';

/** Events per project the generator yields on average (measured: ~15.6 at 10 years). */
export const EVENTS_PER_PROJECT = 15.6;
export const SEED = 20261124;
export const YEARS = 10;

export interface Workspace {
  dir: string;
  path(name: string): string;
  dispose(): void;
}

export function workspace(): Workspace {
  const dir = mkdtempSync(join(process.env.LEDGER_BENCH_TMP ?? tmpdir(), 'ledger-bench-'));
  return { dir, path: (name) => join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

let geography: Geography | undefined;
export const geo = () => (geography ??= Geography.load());

export function datasetOfSize(events: number): Dataset {
  return generateDataset(geo(), { projects: Math.max(1, Math.round(events / EVENTS_PER_PROJECT)), years: YEARS, seed: SEED });
}

export function newEvent(e: GeneratedEvent): NewEvent {
  return toNewEvent(e, SEED, geo().version);
}

/** Writes a dataset to a log file with appendBatch (the generator's path). */
export function writeLog(path: string, dataset: Dataset): void {
  writeSqlite(path, dataset.events, { seed: SEED, referenceDataVersion: geo().version, batchSize: 5000 });
}
