import type Database from 'better-sqlite3';
import { foldProject, type ProjectEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { forgetStatements, statement } from '../runner/statements';

/** The register of projects (one row each) for listing, search and paging. */
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
  events         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS register_by_board ON project_register (board_id, issued_on);
CREATE INDEX IF NOT EXISTS register_by_issued ON project_register (issued_on);`;


export class ProjectRegisterProjection implements Projection {
  readonly name = 'project-register';

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS project_register');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: RecordedEvent): void {
    if (!recorded.streamId.startsWith('project-')) return;
    const code = recorded.streamId.slice('project-'.length);
    // The row keeps the stream's events: a correction can change any earlier act, so the row is refolded.
    const row = statement(db, 'SELECT events FROM project_register WHERE project_code = ?').get(code) as { events: string } | undefined;
    const events: ProjectEvent[] = [...(row ? (JSON.parse(row.events) as ProjectEvent[]) : []), { type: recorded.type, data: recorded.data } as ProjectEvent];
    const state = foldProject(events);
    if (state.status === 'UNISSUED') return;
    statement(
      db,
      `INSERT OR REPLACE INTO project_register VALUES (@code, @boardId, @zoneId, @origin, @name, @country, @issuedOn, @status, @suspended, @terminatedOn,
         @adjustmentNo, @regVnd, @regUsd, @realizedVnd, @realizedUsd, @version, @events)`,
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
      events: JSON.stringify(events),
    });
  }
}
