import { GENESIS_HASH } from '../hash-chain';

/**
 * The PostgreSQL log: the same columns and constraints as the SQLite one (sqlite/schema.ts), plus
 * `chain_head`, the single row every append locks (see PostgresEventStore.append). Positions are
 * assigned from that row, not from a sequence: a BIGSERIAL value taken by one transaction can
 * become visible after a higher one taken by another, and a reader that passed it would skip it.
 * Data and metadata are TEXT holding the canonical JSON that was hashed, byte for byte.
 * Triggers refuse UPDATE, DELETE and TRUNCATE of events even for the owner; the API connects as a
 * role that holds no such grants in the first place (apiRoleGrants).
 */
export const POSTGRES_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       BIGINT PRIMARY KEY,
  stream_id      TEXT   NOT NULL,
  stream_version BIGINT NOT NULL,
  event_id       TEXT   NOT NULL UNIQUE,
  type           TEXT   NOT NULL,
  data           TEXT   NOT NULL,
  metadata       TEXT   NOT NULL,
  recorded_at    TEXT   NOT NULL,
  prev_hash      TEXT   NOT NULL,
  hash           TEXT   NOT NULL,
  UNIQUE (stream_id, stream_version)
);
CREATE TABLE IF NOT EXISTS chain_head (
  singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  position  BIGINT NOT NULL,
  hash      TEXT   NOT NULL
);
INSERT INTO chain_head (position, hash) VALUES (0, '${GENESIS_HASH}') ON CONFLICT DO NOTHING;
CREATE OR REPLACE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are immutable and never deleted: record a correction instead' USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS events_are_immutable ON events;
CREATE TRIGGER events_are_immutable BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
DROP TRIGGER IF EXISTS events_are_never_truncated ON events;
CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable();
`;

/** The columns of `events` in table order, for the adapter's and the benchmark baseline's statements. */
export const EVENT_COLUMNS = 'position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash';

/**
 * What the API's role may do: read and insert events, and move the chain head (SELECT … FOR
 * UPDATE needs UPDATE on that table). No UPDATE, DELETE or TRUNCATE on events.
 */
export function apiRoleGrants(role: string): string {
  const quoted = `"${role.replace(/"/g, '""')}"`;
  return `
REVOKE ALL ON events, chain_head FROM ${quoted};
GRANT SELECT, INSERT ON events TO ${quoted};
GRANT SELECT, UPDATE ON chain_head TO ${quoted};
`;
}
