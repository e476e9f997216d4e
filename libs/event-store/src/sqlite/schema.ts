/**
 * One table, append-only. Triggers refuse UPDATE and DELETE so that even a bug or a careless
 * script in this process cannot rewrite history; tampering has to bypass the ledger entirely,
 * and then the hash chain names the first altered position.
 */
export const EVENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id      TEXT    NOT NULL,
  stream_version INTEGER NOT NULL,
  event_id       TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream_id, stream_version)
);
CREATE TRIGGER IF NOT EXISTS events_are_immutable BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correction instead'); END;
CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are never deleted: record a correction instead'); END;
`;
