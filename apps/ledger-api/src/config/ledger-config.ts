/**
 * Environment-driven configuration, validated once at start. A bad value stops start-up with
 * one line naming the variable, the allowed values and what was given.
 */
export interface LedgerConfig {
  port: number;
  store: 'sqlite' | 'postgres' | 'esdb' | 'memory';
  dbPath: string;
  readDbPath: string;
  esdbUrl?: string;
  /** PostgreSQL log shared by several API replicas (each keeps its own read-model file). */
  pgUrl?: string;
  logLevel: string;
  demoData: boolean;
  bodyLimitBytes: number;
  /** `in-process`: the API runs the projections; `external`: a separate `ledger-cli project` does. */
  projector: 'in-process' | 'external';
  /** How long a query with ?minPosition= waits for the read models before answering 503. */
  readYourWritesTimeoutMs: number;
  /** Requests per minute per token (or per address without one); 0 turns limiting off. */
  rateLimitPerMinute: number;
  /** HS256 secret for bearer tokens (≥ 32 characters). */
  jwtSecret: string;
  /** True when the built-in development secret is in use (never in production). */
  devSecret: boolean;
}

/** Lets `npm ci && npm start` work with no set-up; refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name] ?? fallback;
  if (!allowed.includes(value as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  return Number(raw);
}

export function loadLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const store = oneOf(env, 'LEDGER_STORE', ['sqlite', 'postgres', 'esdb', 'memory'] as const, 'sqlite');
  const pgUrl = env.LEDGER_PG_URL || undefined;
  if (store === 'postgres' && !pgUrl) throw new ConfigError('LEDGER_PG_URL is required when LEDGER_STORE=postgres (e.g. postgres://ledger_api@localhost:5432/ledger)');
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) throw new ConfigError(`LEDGER_PG_URL must start with postgres:// or postgresql:// (got ${JSON.stringify(pgUrl.replace(/:[^:@/]*@/, ':***@'))})`);
  const esdbUrl = env.LEDGER_ESDB_URL || undefined;
  if (store === 'esdb' && !esdbUrl) throw new ConfigError('LEDGER_ESDB_URL is required when LEDGER_STORE=esdb (e.g. esdb://localhost:2113?tls=false)');
  if (esdbUrl && !/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//.test(esdbUrl)) throw new ConfigError(`LEDGER_ESDB_URL must start with esdb:// or esdb+discover:// (got ${JSON.stringify(esdbUrl)})`);
  const dbPath = env.LEDGER_DB_PATH || './data/ledger.db';
  const jwtSecret = env.LEDGER_JWT_SECRET || (env.NODE_ENV === 'production' ? '' : DEVELOPMENT_JWT_SECRET);
  if (!jwtSecret) throw new ConfigError('LEDGER_JWT_SECRET is required when NODE_ENV=production');
  if (jwtSecret.length < 32) throw new ConfigError(`LEDGER_JWT_SECRET must be at least 32 characters (got ${jwtSecret.length})`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    store,
    dbPath,
    readDbPath: env.LEDGER_READ_DB_PATH || dbPath.replace(/(\.db)?$/, '.read-models.db'),
    esdbUrl,
    pgUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    demoData: oneOf(env, 'LEDGER_DEMO_DATA', ['true', 'false'] as const, 'true') === 'true',
    bodyLimitBytes: integer(env, 'LEDGER_BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    projector: oneOf(env, 'LEDGER_PROJECTOR', ['in-process', 'external'] as const, 'in-process'),
    readYourWritesTimeoutMs: integer(env, 'LEDGER_READ_WAIT_MS', 5000, 0, 60_000),
    rateLimitPerMinute: integer(env, 'LEDGER_RATE_LIMIT_PER_MINUTE', 20_000, 0, 10_000_000),
    jwtSecret,
    devSecret: jwtSecret === DEVELOPMENT_JWT_SECRET,
  };
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
