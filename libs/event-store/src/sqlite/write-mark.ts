import type Database from 'better-sqlite3';

/**
 * A mark of what a SQLite file holds, as seen from this connection: the rows it changed itself
 * (total_changes) and the commits of every other connection, in this process or another
 * (data_version). Equal marks mean nothing was written in between; a statement that reads no page:
 * 4 µs alone and 23 µs in the API under load, where an empty read of the log's tail took 10 and 60 µs.
 */
export function writeMarkOf(db: Database.Database): () => string {
  const mark = db.prepare("SELECT total_changes() || ':' || data_version FROM pragma_data_version").pluck();
  return () => mark.get() as string;
}
