import Database from 'better-sqlite3';
import type { LogReader, Position, RecordedEvent, StreamVersion } from '../port';
import { recordedFromRow as toRecorded, type EventRow } from '../event-row';
import { READ_PAGE_SQL, READ_STREAM_SQL } from './sqlite-event-store';

/**
 * A read-only connection to a SQLite log, for work that walks the log off the request thread
 * (verification, planning an uploaded register on a worker thread). It never creates, migrates or writes anything.
 */
export class SqliteLogReader implements LogReader {
  private readonly db: Database.Database;
  private readonly page;
  private readonly stream;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 10000');
    this.page = this.db.prepare(READ_PAGE_SQL).safeIntegers();
    this.stream = this.db.prepare(READ_STREAM_SQL).safeIntegers();
  }

  async readStream(streamId: string, afterVersion: StreamVersion = 0n): Promise<RecordedEvent[]> {
    return (this.stream.all(streamId, afterVersion) as EventRow[]).map(toRecorded);
  }

  async readPage(after: Position, limit: number): Promise<RecordedEvent[]> {
    return (this.page.all(after, limit) as EventRow[]).map(toRecorded);
  }

  close(): void {
    this.db.close();
  }
}
