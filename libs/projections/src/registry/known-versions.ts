import type Database from 'better-sqlite3';
import type { ProjectEvent } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { StreamReplay } from '../runner/projection';
import { statement } from '../runner/statements';
import { projectEventOf } from './project-stream';
import { copiedStream } from './project-register.projection';

/**
 * Read models derived from a project's whole (corrected) stream keep every version of what they
 * derived: `known_from` is the recording time of the event that derived it, `known_until` that of
 * the event whose version replaced it (NULL: the current one). "As known at T" is then exactly the
 * version with known_from <= T < known_until, and a rebuild from position 0 derives the same versions.
 */
export const KNOWN_COLUMNS = 'known_from TEXT NOT NULL, known_until TEXT';

type Value = string | bigint | null;

/** What a read model derives from a project's whole stream, and from which acts. */
export interface DerivedVersions {
  table: string;
  /** The derived columns, after project_code; rows are kept in the order of the first. */
  columns: readonly string[];
  /** The acts that can change what is derived (the others add no version). */
  changes(event: ProjectEvent): boolean;
  derive(history: readonly ProjectEvent[]): Value[][];
}

const inOrder = (rows: readonly Value[][]) => [...rows].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
const sameRows = (a: readonly Value[][], b: readonly Value[][]) => {
  const key = (list: readonly Value[][]) => JSON.stringify(list.map((r) => r.map((v) => (v === null ? null : String(v)))));
  return key(a) === key(b);
};

/**
 * Makes `rows` the project's current version from `recordedAt`, given the `current` one; the previous
 * version stays, closed at that time. Nothing is written when the rows are those of the current
 * version (an act that changed nothing here adds no version). Returns the version now current.
 */
function recordVersion(db: Database.Database, spec: DerivedVersions, code: string, recordedAt: string, current: readonly Value[][], rows: readonly Value[][]): readonly Value[][] {
  const next = inOrder(rows);
  if (sameRows(current, next)) return current;
  statement(db, `UPDATE ${spec.table} SET known_until = ? WHERE project_code = ? AND known_until IS NULL`).run(recordedAt, code);
  const insert = statement(db, `INSERT INTO ${spec.table} (project_code, ${spec.columns.join(', ')}, known_from, known_until) VALUES (?, ${spec.columns.map(() => '?').join(', ')}, ?, NULL)`);
  for (const row of next) insert.run(code, ...row, recordedAt);
  return next;
}

const currentVersion = (db: Database.Database, spec: DerivedVersions, code: string) =>
  statement(db, `SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE project_code = ? AND known_until IS NULL ORDER BY ${spec.columns[0]}`).raw().safeIntegers().all(code) as Value[][];

/** A project act that can change the derivation makes it, from the stream up to the act, the project's current version. */
export function recordDerivedVersion(db: Database.Database, recorded: ProjectedEvent, spec: DerivedVersions): void {
  const ofProject = projectEventOf(recorded);
  if (!ofProject || !spec.changes(ofProject.event)) return;
  const { code } = ofProject;
  recordVersion(db, spec, code, recorded.recordedAt, currentVersion(db, spec, code), spec.derive(copiedStream(db, code, { version: recorded.streamVersion })));
}

/**
 * The same versions from a replay stream by stream: each project's events arrive whole and in order
 * (a page may end inside a stream; this replay carries on with it), so its history and current
 * version are kept here instead of read back for every act.
 */
export function replayDerivedVersions(db: Database.Database, spec: DerivedVersions): StreamReplay {
  let code: string | undefined;
  let history: ProjectEvent[] = [];
  let current: readonly Value[][] = [];
  return {
    applyBatch: (events) => {
      for (const recorded of events) {
        const ofProject = projectEventOf(recorded);
        if (!ofProject) continue;
        if (ofProject.code !== code) [code, history, current] = [ofProject.code, [], []];
        history.push(ofProject.event);
        if (spec.changes(ofProject.event)) current = recordVersion(db, spec, code, recorded.recordedAt, current, spec.derive(history));
      }
    },
    finish: () => undefined,
  };
}
