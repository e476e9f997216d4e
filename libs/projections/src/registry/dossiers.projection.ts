import type Database from 'better-sqlite3';
import { evolveDossier, initialDossierState, snapshotOf, vietnamDateOf, type DossierEvent, type DossierState } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { forgetStatements, statement } from '../runner/statements';

/**
 * Dossiers of the one-stop desk: one row per dossier with its folded state (the inbox, the dossier
 * view) and the stream one row per event with its recording time, which the dossier report folds
 * up to a period's end, as known at a system time.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS dossiers (
  dossier_id      TEXT PRIMARY KEY,
  board_id        TEXT NOT NULL,
  procedure_code  TEXT NOT NULL,
  channel         TEXT NOT NULL,
  status          TEXT NOT NULL,
  received_on     TEXT NOT NULL,
  appointment_on  TEXT,
  closed_on       TEXT,
  closed_recorded_at TEXT,
  project_code    TEXT,
  version         INTEGER NOT NULL,
  state           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_by_board ON dossiers (board_id, status, appointment_on);
-- covering indexes of the dossier report: it never reads the wide state and data columns
CREATE INDEX IF NOT EXISTS dossiers_for_report ON dossiers (received_on, closed_on, closed_recorded_at, board_id, procedure_code, dossier_id);
CREATE TABLE IF NOT EXISTS dossier_events (
  dossier_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, recorded_at TEXT NOT NULL,
  -- the dossier after this step (DossierSnapshot), which the report reads instead of refolding
  on_day TEXT NOT NULL, status TEXT NOT NULL, channel TEXT NOT NULL, clock_starts_on TEXT, statutory_due_on TEXT, committed_due_on TEXT,
  closed_on TEXT, outcome TEXT, delays INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, version)
);
CREATE INDEX IF NOT EXISTS dossier_steps_for_report ON dossier_events
  (dossier_id, version, recorded_at, on_day, status, channel, clock_starts_on, statutory_due_on, committed_due_on, closed_on, outcome, delays);`;

export const DOSSIER_STREAM_PREFIX = 'dossier-';

export class DossiersProjection implements Projection {
  readonly name = 'dossiers';
  readonly version = 1;
  /** Each row comes from one event or its own stream. */
  readonly byStream = true;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS dossiers; DROP TABLE IF EXISTS dossier_events;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    if (!recorded.streamId.startsWith(DOSSIER_STREAM_PREFIX)) return;
    const id = recorded.streamId.slice(DOSSIER_STREAM_PREFIX.length);
    const event = { type: recorded.type, data: recorded.data } as DossierEvent;
    const text = statement(db, 'SELECT state FROM dossiers WHERE dossier_id = ?').pluck().get(id) as string | undefined;
    const state = evolveDossier(text === undefined ? initialDossierState : (JSON.parse(text) as DossierState), event);
    const snapshot = snapshotOf(state, event);
    statement(
      db,
      `INSERT INTO dossier_events VALUES (@id, @version, @type, @data, @recordedAt, @onDay, @status, @channel, @clockStartsOn, @statutoryDueOn, @committedDueOn, @closedOn, @outcome, @delays)`,
    ).run({ id, version: recorded.streamVersion, type: recorded.type, data: JSON.stringify(recorded.data), recordedAt: recorded.recordedAt, ...snapshot });
    statement(db, 'INSERT OR REPLACE INTO dossiers VALUES (@id, @boardId, @procedure, @channel, @status, @receivedOn, @appointmentOn, @closedOn, @closedRecordedAt, @projectCode, @version, @state)').run({
      id,
      boardId: state.boardId,
      procedure: state.procedure?.code,
      channel: state.channel,
      status: state.status,
      receivedOn: vietnamDateOf(new Date(state.receivedAt as string)),
      appointmentOn: state.appointmentOn ?? null,
      closedOn: snapshot.closedOn,
      // A closed dossier accepts nothing more, so the event that closed it is this last one.
      closedRecordedAt: snapshot.closedOn === null ? null : recorded.recordedAt,
      projectCode: state.projectCode ?? null,
      version: recorded.streamVersion,
      state: JSON.stringify(state),
    });
  }
}
