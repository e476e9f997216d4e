import Database from 'better-sqlite3';
import type { LogReader, Position, RecordedEvent } from '../port';
import { recordedFromRow as toRecorded, type EventRow } from '../event-row';
import { READ_PAGE_SQL } from './sqlite-event-store';

/**
 * A read-only connection to a SQLite log, for work that walks the log off the request thread
 * (verification on a worker thread). It never creates, migrates or writes anything.
 */
export class SqliteLogReader implements LogReader {
  private readonly db: Database.Database;
  private readonly page;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 10000');
    this.page = this.db.prepare(READ_PAGE_SQL).safeIntegers();
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    return (this.page.all(after, limit) as EventRow[]).map(toRecorded);
  }

  close(): void {
    this.db.close();
  }
}
