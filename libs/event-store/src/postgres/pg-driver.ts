import type * as Pg from 'pg';

/** node-postgres, loaded with the first PostgreSQL connection: a SQLite ledger never needs it, and it was part of every start. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pg = (): typeof Pg => require('pg') as typeof Pg;
