import type Database from 'better-sqlite3';
import { applyCorrections, evolve, foldEffective, foldForSearch, initialProjectState, mainInvestorCountry, type Money, type ProjectEvent, type ProjectState } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { insertRows, updateOnConflict } from '../runner/insert-rows';
import { forgetStatements, statement } from '../runner/statements';
import { projectEventOf } from './project-stream';

/**
 * The register of projects (one row each) for listing, search and paging. Each row also keeps its
 * project's folded state, so an act costs one evolve step instead of a refold of the whole stream;
 * the stream itself is kept one row per event, with its log position, for the refold a correction
 * needs here and in the facts, zone-land and operation-starts read models (which come after this one
 * in allProjections()). The row lists the rowids of its stream's copies (PROJECT_COPIES), so the copies
 * are only ever appended: an index of them by project, written to a random page for every event, was a
 * fifth of what a catch-up wrote (and keying them by position made a replay by stream insert at random).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS project_register (
  project_code   TEXT PRIMARY KEY,
  board_id       TEXT NOT NULL,
  zone_id        TEXT NOT NULL,
  origin         TEXT NOT NULL,
  project_name   TEXT NOT NULL,
  country        TEXT NOT NULL,
  issued_on      TEXT NOT NULL,
  status         TEXT NOT NULL,
  suspended      INTEGER NOT NULL,
  terminated_on  TEXT,
  adjustment_no  INTEGER NOT NULL,
  reg_vnd        INTEGER NOT NULL,
  reg_usd        INTEGER NOT NULL,
  realized_vnd   INTEGER NOT NULL,
  realized_usd   INTEGER NOT NULL,
  version        INTEGER NOT NULL,
  state          TEXT NOT NULL,
  investor_name  TEXT NOT NULL,
  -- code, project and investor names folded for accent-insensitive search (foldForSearch)
  search_text    TEXT NOT NULL,
  -- the rowids of the project's events in project_register_events, in stream order, a JSON array (PROJECT_COPIES)
  copies         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS register_by_board ON project_register (board_id, issued_on);
CREATE INDEX IF NOT EXISTS register_by_issued ON project_register (issued_on);
CREATE TABLE IF NOT EXISTS project_register_events (
  project_code TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, position INTEGER NOT NULL
);
-- Version 5's index of corrections: the licensing facts now keep where a project's live facts start themselves.
DROP INDEX IF EXISTS register_corrections;`;

/** SQL: the rowids of project @code's rows in project_register_events (as rows of \`value\`). */
export const PROJECT_COPIES = '(SELECT value FROM json_each((SELECT copies FROM project_register WHERE project_code = @code)))';

type CopyRow = { type: string; data: string };
const eventsOf = (rows: readonly CopyRow[]) => rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) }) as ProjectEvent);

/**
 * Project @code's events, in stream order, up to a version or a log position, from the register's copy
 * of its stream (for the read models after the register in allProjections(): the runner has brought it
 * to at least their page).
 */
export function copiedStream(db: Database.Database, code: string, upTo: { version: bigint | number } | { position: bigint }): ProjectEvent[] {
  const bound = 'version' in upTo ? 'version <= @version' : 'position <= @position';
  return eventsOf(statement(db, `SELECT type, data FROM project_register_events WHERE rowid IN ${PROJECT_COPIES} AND ${bound} ORDER BY version`).all({ code, ...upTo }) as CopyRow[]);
}

/** Money as stored in the state column: bigint minor units as decimal strings (JSON has no bigint). */
interface StoredMoney {
  vnd: string;
  usdCents?: string;
}

type StoredState = Omit<ProjectState, 'registeredCapital' | 'realizedCapital' | 'history'> & { registeredCapital: StoredMoney; realizedCapital: StoredMoney };

const storedMoney = (m: Money): StoredMoney => (m.usdCents === undefined ? { vnd: m.vnd.toString() } : { vnd: m.vnd.toString(), usdCents: m.usdCents.toString() });
const money = (m: StoredMoney): Money => (m.usdCents === undefined ? { vnd: BigInt(m.vnd) } : { vnd: BigInt(m.vnd), usdCents: BigInt(m.usdCents) });

/** The money fields by name; any other bigint would make JSON.stringify throw rather than be stored wrongly. */
function encodeState({ registeredCapital, realizedCapital, ...rest }: ProjectState): string {
  const stored: StoredState = { ...rest, registeredCapital: storedMoney(registeredCapital), realizedCapital: storedMoney(realizedCapital) };
  return JSON.stringify(stored);
}

function decodeState(text: string): ProjectState {
  const { registeredCapital, realizedCapital, ...rest } = JSON.parse(text) as StoredState;
  return { ...rest, registeredCapital: money(registeredCapital), realizedCapital: money(realizedCapital) };
}

/** foldProject without the history it attaches: the register needs the state only. */
const refold = (events: readonly ProjectEvent[]) => foldEffective(applyCorrections(events));

export class ProjectRegisterProjection implements Projection {
  readonly name = 'project-register';
  /** 5: the row lists its stream copies' rowids, which have no index; 4: the stream copy keeps log positions; 3: main investor name and folded search text (2: the stream in project_register_events, the row keeps the folded state). */
  readonly version = 5;
  /** The register page's orderings; the projection itself finds rows by primary keys. */
  readonly deferredIndexes = ['register_by_board', 'register_by_issued'];
  /** A project's rows come from its own stream only. */
  readonly byStream = true;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS project_register; DROP TABLE IF EXISTS project_register_events;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    this.applyBatch(db, [recorded]);
  }

  /**
   * The same rows as `apply` of each event in turn: the stream copies are written as they come (a
   * refold reads them), each project's row once, with its state after the batch's last act.
   */
  applyBatch(db: Database.Database, events: readonly ProjectedEvent[]): void {
    const pending = new PendingRegister(db);
    for (const recorded of events) {
      const ofProject = projectEventOf(recorded);
      if (!ofProject) continue;
      const { code, event } = ofProject;
      pending.copies.push([code, recorded.streamVersion, recorded.type, JSON.stringify(recorded.data), recorded.position]);
      const state = this.stateAfter(pending, code, recorded.streamVersion, event);
      if (state.status !== 'UNISSUED') pending.rows.set(code, { version: recorded.streamVersion, state });
    }
    pending.write();
  }

  /**
   * The project's state once `event` (at `version`) is applied, equal to foldProject of its stream.
   * An act is one evolve step from the state stored with the version before it: a correction names
   * an existing version (correctEvent checks it), so a later act never changes how earlier ones
   * read. A correction can change any earlier act, so it refolds the stream; so does a missing
   * step (no row at the version before, as after an event that left the project unissued).
   */
  private stateAfter(pending: PendingRegister, code: string, version: bigint, event: ProjectEvent): ProjectState {
    const previous = event.type === 'EventCorrected' ? undefined : pending.stateAt(code, version - 1n);
    return previous ? evolve(previous, event) : refold(pending.streamOf(code));
  }
}

interface PendingRow {
  version: bigint;
  state: ProjectState;
}

/** A batch's stream copies and register rows, not yet written. */
class PendingRegister {
  readonly copies: unknown[][] = [];
  readonly rows = new Map<string, PendingRow>();
  /** The stored rows of the projects this batch has looked at (null: none), read once each. */
  private readonly stored = new Map<string, StoredRow | null>();
  /** The copies' rowids of the projects of this batch, the stored ones first. */
  private readonly rowids = new Map<string, number[]>();

  constructor(private readonly db: Database.Database) {}

  private storedRow(code: string): StoredRow | undefined {
    let row = this.stored.get(code);
    if (row === undefined) {
      row = (statement(this.db, 'SELECT version, state, board_id, issued_on, copies FROM project_register WHERE project_code = ?').safeIntegers().get(code) as StoredRow | undefined) ?? null;
      this.stored.set(code, row);
    }
    return row ?? undefined;
  }

  /** The state at @version: the batch's own if it has the project, else the stored row's. */
  stateAt(code: string, version: bigint): ProjectState | undefined {
    if (version === 0n) return initialProjectState;
    const row = this.rows.get(code);
    if (row) return row.version === version ? row.state : undefined;
    const stored = this.storedRow(code);
    return stored?.version === version ? decodeState(stored.state) : undefined;
  }

  private rowidsOf(code: string): number[] {
    let rowids = this.rowids.get(code);
    if (!rowids) this.rowids.set(code, (rowids = JSON.parse(this.storedRow(code)?.copies ?? '[]') as number[]));
    return rowids;
  }

  streamOf(code: string): ProjectEvent[] {
    this.writeCopies();
    return eventsOf(statement(this.db, 'SELECT type, data FROM project_register_events WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY version').all(JSON.stringify(this.rowidsOf(code))) as CopyRow[]);
  }

  /** Appends the copies, each project's rowids noted for its row. */
  private writeCopies(): void {
    const insert = statement(this.db, 'INSERT INTO project_register_events VALUES (?, ?, ?, ?, ?)');
    for (const copy of this.copies) this.rowidsOf(copy[0] as string).push(Number(insert.run(copy).lastInsertRowid));
    this.copies.length = 0;
  }

  /**
   * A row whose board and issuance date stay is updated in its unindexed columns only: SQLite rewrites
   * an index entry whose columns an UPDATE sets even to the same value, and a replica's catch-up then wrote
   * the register's index pages to the WAL again on every commit.
   */
  write(): void {
    this.writeCopies();
    const [inPlace, upserts] = [[] as unknown[][], [] as unknown[][]];
    for (const [code, { version, state }] of this.rows) {
      const row = registerRow(code, version, state, this.rowidsOf(code));
      const stored = this.stored.get(code);
      if (stored && stored.board_id === state.boardId && stored.issued_on === state.issuedOn) inPlace.push([...UNINDEXED.map((i) => row[i]), code]);
      else upserts.push(row);
    }
    const update = statement(this.db, UPDATE_UNINDEXED);
    for (const values of inPlace) update.run(values);
    insertRows(this.db, 'INSERT INTO project_register', COLUMNS.length, upserts, REPLACE_ROW);
    this.rows.clear();
    this.stored.clear();
    this.rowids.clear();
  }
}

/** What a batch reads of a stored register row. */
interface StoredRow {
  version: bigint;
  state: string;
  board_id: string;
  issued_on: string;
  copies: string;
}

const COLUMNS = ['project_code', 'board_id', 'zone_id', 'origin', 'project_name', 'country', 'issued_on', 'status', 'suspended', 'terminated_on', 'adjustment_no',
  'reg_vnd', 'reg_usd', 'realized_vnd', 'realized_usd', 'version', 'state', 'investor_name', 'search_text', 'copies'] as const;

/** An update in place rather than a delete and insert. */
const REPLACE_ROW = updateOnConflict('project_code', COLUMNS);
/** The columns of COLUMNS no index of project_register holds (by their places in registerRow). */
const INDEXED: readonly string[] = ['project_code', 'board_id', 'issued_on'] satisfies readonly (typeof COLUMNS)[number][];
const UNINDEXED = COLUMNS.flatMap((c, i) => (INDEXED.includes(c) ? [] : [i]));
const UPDATE_UNINDEXED = `UPDATE project_register SET ${UNINDEXED.map((i) => `${COLUMNS[i]} = ?`).join(', ')} WHERE project_code = ?`;

/** project_register's columns in table order (COLUMNS). */
function registerRow(code: string, version: bigint, state: ProjectState, copies: readonly number[]): unknown[] {
  return [
    code,
    state.boardId,
    state.zoneId,
    state.origin,
    state.projectName,
    mainInvestorCountry(state.investors) ?? 'VN',
    state.issuedOn,
    state.status,
    state.suspended ? 1 : 0,
    state.terminatedOn ?? null,
    state.adjustmentNo,
    state.registeredCapital.vnd,
    state.registeredCapital.usdCents ?? 0n,
    state.realizedCapital.vnd,
    state.realizedCapital.usdCents ?? 0n,
    version,
    encodeState(state),
    state.investors?.[0]?.name ?? '',
    foldForSearch([code, state.projectName ?? '', ...(state.investors ?? []).map((i) => i.name)].join(' ')),
    JSON.stringify(copies),
  ];
}
