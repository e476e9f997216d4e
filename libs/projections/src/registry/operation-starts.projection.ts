import type Database from 'better-sqlite3';
import { foldEffective, applyCorrections } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection, StreamReplay } from '../runner/projection';
import { forgetStatements } from '../runner/statements';
import { KNOWN_COLUMNS, recordDerivedVersion, replayDerivedVersions, type DerivedVersions } from './known-versions';

/**
 * The day each project started operating (OperationStarted, as corrected), with every version of it
 * known over time (see known-versions): a correction of the date, or its revocation, changes what is
 * known from the correction's recording time only.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS operation_starts (
  project_code TEXT NOT NULL, started_on TEXT NOT NULL, ${KNOWN_COLUMNS}
);
CREATE INDEX IF NOT EXISTS operation_starts_by_day ON operation_starts (started_on);
CREATE INDEX IF NOT EXISTS operation_starts_by_project ON operation_starts (project_code, known_until);`;

const STARTS: DerivedVersions = {
  table: 'operation_starts',
  columns: ['started_on'],
  changes: (event) => event.type === 'OperationStarted' || event.type === 'EventCorrected',
  derive: (history) => {
    const { operatingSince } = foldEffective(applyCorrections(history));
    return operatingSince ? [[operatingSince]] : [];
  },
};

export class OperationStartsProjection implements Projection {
  readonly name = 'operation-starts';
  readonly version = 1;
  /** The operations report's; operation_starts_by_project stays: each version is found through it. */
  readonly deferredIndexes = ['operation_starts_by_day'];

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS operation_starts;');
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    recordDerivedVersion(db, recorded, STARTS);
  }

  /** A project's rows come from its own stream only. */
  byStream(db: Database.Database): StreamReplay {
    return replayDerivedVersions(db, STARTS);
  }
}
