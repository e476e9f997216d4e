import type { ClientBase } from 'pg';
import { pg } from './pg-driver';
import { POSTGRES_SCHEMA, apiRoleGrants } from './schema';

/** Inside a transaction: creates the log's schema if it is missing; the advisory lock keeps replicas starting together from creating it twice. */
export async function createSchemaIfMissing(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ledger-events-schema']);
  const { rows } = await client.query<{ missing: boolean }>("SELECT to_regclass('events') IS NULL OR to_regclass('chain_head') IS NULL AS missing");
  if (rows[0].missing) await client.query(POSTGRES_SCHEMA);
}

/**
 * Creates the log's tables and triggers (when missing) as the connecting role, which becomes their
 * owner, and grants the API's role only what it needs (apiRoleGrants). Run once per database by
 * an operator (`ledger-cli setup-postgres`); the API then connects as the API role.
 */
export async function setUpPostgresLog(ownerUrl: string, apiRole: string): Promise<void> {
  const client = new (pg().Client)({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await createSchemaIfMissing(client);
    await client.query(apiRoleGrants(apiRole));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
