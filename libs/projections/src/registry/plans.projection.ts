import type Database from 'better-sqlite3';
import type { PlanEvent } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection } from '../runner/projection';
import { forgetStatements, statement } from '../runner/statements';

/** Every revision of a board's plan targets, and every actual it entered for its own indicators (the last recorded by knownAt counts). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS plan_targets (
  board_id TEXT NOT NULL, year INTEGER NOT NULL, revision INTEGER NOT NULL, recorded_at TEXT NOT NULL, targets TEXT NOT NULL,
  PRIMARY KEY (board_id, year, revision)
);
CREATE TABLE IF NOT EXISTS plan_actuals (
  position INTEGER PRIMARY KEY, board_id TEXT NOT NULL, year INTEGER NOT NULL, code TEXT NOT NULL, period TEXT NOT NULL, value TEXT NOT NULL, recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS plan_actuals_by_board ON plan_actuals (board_id, year, code, period);`;

export class PlansProjection implements Projection {
  readonly name = 'plans';
  readonly version = 1;
  /** Each row comes from one event or its own stream. */
  readonly byStream = true;

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS plan_targets; DROP TABLE IF EXISTS plan_actuals;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as PlanEvent;
    if (event.type === 'PlanTargetsSet') {
      const { boardId, year, revision, targets } = event.data;
      statement(db, 'INSERT INTO plan_targets VALUES (?, ?, ?, ?, ?)').run(boardId, year, revision, recorded.recordedAt, JSON.stringify(targets));
    } else if (event.type === 'PlanIndicatorActualRecorded') {
      const { boardId, year, code, period, value } = event.data;
      statement(db, 'INSERT INTO plan_actuals VALUES (?, ?, ?, ?, ?, ?, ?)').run(recorded.position, boardId, year, code, period, value, recorded.recordedAt);
    }
  }
}
