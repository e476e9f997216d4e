import type Database from 'better-sqlite3';
import { applyCorrections, evolve, foldEffective, foldForSearch, initialProjectState, type Money, type ProjectEvent, type ProjectState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { forgetStatements, statement } from '../runner/statements';

/**
 * The register of projects (one row each) for listing, search and paging. Each row also keeps its
 * project's folded state, so an act costs one evolve step instead of a refold of the whole stream;
 * the stream itself is kept one row per event, for the refold a correction needs.
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
  search_text    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS register_by_board ON project_register (board_id, issued_on);
CREATE INDEX IF NOT EXISTS register_by_issued ON project_register (issued_on);
CREATE TABLE IF NOT EXISTS project_register_events (
  project_code TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (project_code, version)
);`;

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
  /** 3: main investor name and folded search text (2: the stream in project_register_events, the row keeps the folded state). */
  readonly version = 3;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS project_register; DROP TABLE IF EXISTS project_register_events;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: RecordedEvent): void {
    if (!recorded.streamId.startsWith('project-')) return;
    const code = recorded.streamId.slice('project-'.length);
    const event = { type: recorded.type, data: recorded.data } as ProjectEvent;
    statement(db, 'INSERT INTO project_register_events VALUES (?, ?, ?, ?)').run(code, recorded.streamVersion, recorded.type, JSON.stringify(recorded.data));
    const state = this.stateAfter(db, code, recorded.streamVersion, event);
    if (state.status === 'UNISSUED') return;
    statement(
      db,
      `INSERT OR REPLACE INTO project_register VALUES (@code, @boardId, @zoneId, @origin, @name, @country, @issuedOn, @status, @suspended, @terminatedOn,
         @adjustmentNo, @regVnd, @regUsd, @realizedVnd, @realizedUsd, @version, @state, @investorName, @searchText)`,
    ).run({
      code,
      boardId: state.boardId,
      zoneId: state.zoneId,
      origin: state.origin,
      name: state.projectName,
      country: state.investors?.[0]?.country ?? 'VN',
      issuedOn: state.issuedOn,
      status: state.status,
      suspended: state.suspended ? 1 : 0,
      terminatedOn: state.terminatedOn ?? null,
      adjustmentNo: state.adjustmentNo,
      regVnd: state.registeredCapital.vnd,
      regUsd: state.registeredCapital.usdCents ?? 0n,
      realizedVnd: state.realizedCapital.vnd,
      realizedUsd: state.realizedCapital.usdCents ?? 0n,
      version: recorded.streamVersion,
      state: encodeState(state),
      investorName: state.investors?.[0]?.name ?? '',
      searchText: foldForSearch([code, state.projectName ?? '', ...(state.investors ?? []).map((i) => i.name)].join(' ')),
    });
  }

  /**
   * The project's state once `event` (at `version`) is applied, equal to foldProject of its stream.
   * An act is one evolve step from the state stored with the version before it: a correction names
   * an existing version (correctEvent checks it), so a later act never changes how earlier ones
   * read. A correction can change any earlier act, so it refolds the stream; so does a missing
   * step (no row at the version before, as after an event that left the project unissued).
   */
  private stateAfter(db: Database.Database, code: string, version: bigint, event: ProjectEvent): ProjectState {
    const previous = event.type === 'EventCorrected' ? undefined : this.stateAt(db, code, version - 1n);
    return previous ? evolve(previous, event) : refold(this.streamOf(db, code));
  }

  private stateAt(db: Database.Database, code: string, version: bigint): ProjectState | undefined {
    if (version === 0n) return initialProjectState;
    const text = statement(db, 'SELECT state FROM project_register WHERE project_code = ? AND version = ?').pluck().get(code, version) as string | undefined;
    return text === undefined ? undefined : decodeState(text);
  }

  private streamOf(db: Database.Database, code: string): ProjectEvent[] {
    const rows = statement(db, 'SELECT type, data FROM project_register_events WHERE project_code = ? ORDER BY version').all(code) as { type: string; data: string }[];
    return rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) }) as ProjectEvent);
  }
}
