import type Database from 'better-sqlite3';
import type { ZoneEvent } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { forgetStatements, statement } from '../runner/statements';

/** Zones established in the ledger, and every change of each, dated, to be folded as of a date (and known at a time). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS zone_register (
  zone_id TEXT PRIMARY KEY, board_id TEXT NOT NULL, kind TEXT NOT NULL, name_vi TEXT NOT NULL, decided_on TEXT NOT NULL, recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS zone_events (
  position INTEGER PRIMARY KEY, zone_id TEXT NOT NULL, type TEXT NOT NULL, effective_on TEXT NOT NULL, recorded_at TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS zone_events_by_zone ON zone_events (zone_id, effective_on);`;

export class ZonesProjection implements Projection {
  readonly name = 'zones';
  readonly version = 1;
  /** Each row comes from one event or its own stream. */
  readonly byStream = true;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS zone_register; DROP TABLE IF EXISTS zone_events;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    if (!recorded.streamId.startsWith('zone-')) return;
    const event = { type: recorded.type, data: recorded.data } as ZoneEvent;
    const zoneId = recorded.streamId.slice('zone-'.length);
    const effectiveOn = event.type === 'ZoneEstablished' ? event.data.decidedOn : event.data.effectiveOn;
    if (event.type === 'ZoneEstablished') {
      statement(db, 'INSERT INTO zone_register VALUES (?, ?, ?, ?, ?, ?)').run(zoneId, event.data.boardId, event.data.kind, event.data.nameVi, event.data.decidedOn, recorded.recordedAt);
    }
    statement(db, 'INSERT INTO zone_events VALUES (?, ?, ?, ?, ?, ?)').run(recorded.position, zoneId, event.type, effectiveOn, recorded.recordedAt, JSON.stringify(event.data));
  }
}
