import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { setUpPostgresLog } from './setup';

/**
 * A throwaway PostgreSQL server for the tests and `npm run bench` (not for production): its own cluster under a temporary
 * folder, listening on 127.0.0.1 only, on a free port, stopped and deleted by `stop()`.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to a system user
 * (`ledgerpg`, created when missing) and every server command runs through `runuser`.
 * Debian's `postgresql` package is installed by scripts/install-debian-packages.sh (npm pretest).
 */
export interface PostgresCluster {
  /** Superuser URL (trust authentication: reachable from this machine's loopback only). */
  url: string;
  port: number;
  /** URL of `database` as `user` on this cluster. */
  urlFor(database: string, user?: string): string;
  stop(): Promise<void>;
}

const SERVER_USER = 'ledgerpg';
const SUPERUSER = 'postgres';

/** Debian's server binaries, newest major version first; undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function asServerUser(bin: string, args: string[]): void {
  const [command, argv] = isRoot() ? ['runuser', ['-u', SERVER_USER, '--', bin, ...args]] : [bin, args];
  execFileSync(command, argv, { stdio: 'pipe' });
}

function ensureServerUser(): void {
  try {
    execFileSync('id', ['-u', SERVER_USER], { stdio: 'pipe' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER], { stdio: 'pipe' });
  }
}

/**
 * initdb + pg_ctl start. Durability settings are the defaults (fsync on) so that the multi-replica
 * test and the benchmark see the cost of real commits.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (run scripts/install-debian-packages.sh with postgresql, as npm pretest does)');
  const dir = mkdtempSync(join(tmpdir(), 'ledger-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    ensureServerUser();
    execFileSync('chown', [SERVER_USER, dir]);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200`;
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  const urlFor = (database: string, user = SUPERUSER) => `postgres://${user}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    stop: async () => {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The owner that creates the schema and the API's role without UPDATE/DELETE (schema.ts). */
export const OWNER_ROLE = 'ledger_owner';
export const API_ROLE = 'ledger_api';

export interface LedgerDatabase {
  /** As the schema owner (migrations, import, tamper tests). */
  ownerUrl: string;
  /** As the API's role: SELECT and INSERT on events only. */
  apiUrl: string;
}

/** One statement (or several) on a connection of its own. */
export async function runSql(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database owned by the owner role, with the owner and API roles created on the cluster when missing. */
export async function createDatabase(cluster: PostgresCluster, name: string): Promise<LedgerDatabase> {
  await runSql(
    cluster.url,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN CREATE ROLE ${OWNER_ROLE} LOGIN; END IF;
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${API_ROLE}') THEN CREATE ROLE ${API_ROLE} LOGIN; END IF;
     END $$`,
  );
  await runSql(cluster.url, `CREATE DATABASE "${name}" OWNER ${OWNER_ROLE}`);
  await runSql(cluster.urlFor(name), `ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
  return { ownerUrl: cluster.urlFor(name, OWNER_ROLE), apiUrl: cluster.urlFor(name, API_ROLE) };
}

/** A new database with the ledger's log set up by its owner, as an operator would (README "Running on several machines"). */
export async function createLedgerDatabase(cluster: PostgresCluster, name: string): Promise<LedgerDatabase> {
  const database = await createDatabase(cluster, name);
  await setUpPostgresLog(database.ownerUrl, API_ROLE);
  return database;
}
