import type Database from 'better-sqlite3';
import { evolveDossier, initialDossierState, vietnamDateOf, type DossierEvent, type DossierState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
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
  project_code    TEXT,
  version         INTEGER NOT NULL,
  state           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_by_board ON dossiers (board_id, status, appointment_on);
CREATE INDEX IF NOT EXISTS dossiers_by_received ON dossiers (received_on);
CREATE TABLE IF NOT EXISTS dossier_events (
  dossier_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, recorded_at TEXT NOT NULL,
  PRIMARY KEY (dossier_id, version)
);`;

export const DOSSIER_STREAM_PREFIX = 'dossier-';

export class DossiersProjection implements Projection {
  readonly name = 'dossiers';
  readonly version = 1;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS dossiers; DROP TABLE IF EXISTS dossier_events;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: RecordedEvent): void {
    if (!recorded.streamId.startsWith(DOSSIER_STREAM_PREFIX)) return;
    const id = recorded.streamId.slice(DOSSIER_STREAM_PREFIX.length);
    const event = { type: recorded.type, data: recorded.data } as DossierEvent;
    statement(db, 'INSERT INTO dossier_events VALUES (?, ?, ?, ?, ?)').run(id, recorded.streamVersion, recorded.type, JSON.stringify(recorded.data), recorded.recordedAt);
    const text = statement(db, 'SELECT state FROM dossiers WHERE dossier_id = ?').pluck().get(id) as string | undefined;
    const state = evolveDossier(text === undefined ? initialDossierState : (JSON.parse(text) as DossierState), event);
    statement(db, 'INSERT OR REPLACE INTO dossiers VALUES (@id, @boardId, @procedure, @channel, @status, @receivedOn, @appointmentOn, @closedOn, @projectCode, @version, @state)').run({
      id,
      boardId: state.boardId,
      procedure: state.procedure?.code,
      channel: state.channel,
      status: state.status,
      receivedOn: vietnamDateOf(new Date(state.receivedAt as string)),
      appointmentOn: state.appointmentOn ?? null,
      closedOn: state.closedAt === undefined ? null : vietnamDateOf(new Date(state.closedAt)),
      projectCode: state.projectCode ?? null,
      version: recorded.streamVersion,
      state: JSON.stringify(state),
    });
  }
}
