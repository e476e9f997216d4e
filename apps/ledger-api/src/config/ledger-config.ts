import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside } from '@ledger/event-store';
import { ConfigError } from './config-error';
import { loadOidcConfig, type OidcConfig } from './oidc-config';

export { ConfigError } from './config-error';

/**
 * Environment-driven configuration, validated once at start. A bad value stops start-up with
 * one line naming the variable, the allowed values and what was given.
 */
/** Where the log and the read models are, and the anchors' keys: all that the operator's CLI needs. */
export interface StoreConfig {
  /** Any NODE_ENV but `development` or `test` (unset counts as development, so `npm start` works). */
  production: boolean;
  store: 'sqlite' | 'postgres' | 'esdb' | 'memory';
  dbPath: string;
  readDbPath: string;
  esdbUrl?: string;
  /** PostgreSQL log shared by several API replicas (each keeps its own read-model file). */
  pgUrl?: string;
  /** Where signed head digests are published, and how often (LEDGER_ANCHOR_*). */
  anchors?: { dir: string; everyEvents: number; everyMinutes: number };
  /** Ed25519 private key (PEM file) that signs digests; never inside the log's directory. */
  digestKeyPath?: string;
  /** The public key verification trusts (PEM text or file); never taken from a digest. */
  digestPublicKey?: string;
}

export interface LedgerConfig extends StoreConfig {
  port: number;
  logLevel: string;
  demoData: boolean;
  bodyLimitBytes: number;
  /** `in-process`: the API runs the projections; `external`: a separate `ledger-cli project` does. */
  projector: 'in-process' | 'external';
  /** How long a query with ?minPosition= waits for the read models before answering 503. */
  readYourWritesTimeoutMs: number;
  /** Requests per minute per token (or per address without one); 0 turns limiting off. */
  rateLimitPerMinute: number;
  /** Memory bound of each answer cache, reports' and the log's (LEDGER_REPORT_CACHE_MB); 0 turns them off. */
  reportCacheBytes: number;
  /** Processes serving HTTP on the one port (LEDGER_HTTP_PROCESSES): the first runs the projections, the others read its read models. */
  httpProcesses: number;
  /** HS256 secret for bearer tokens (≥ 32 characters). */
  jwtSecret: string;
  /** True when the built-in development secret is in use (never in production). */
  devSecret: boolean;
  /** Sign-in through an OpenID Connect issuer; HS256 tokens are refused when set. */
  oidc?: OidcConfig;
}

/** Lets `npm ci && npm start` work with no set-up; refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

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

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return !!env.NODE_ENV && !['development', 'test'].includes(env.NODE_ENV);
}

/**
 * The HS256 secret tokens are checked with. This is the seam for an OpenID Connect issuer
 * (LEDGER_OIDC_ISSUER, issue 16): production will then need an issuer or an explicit secret.
 */
/**
 * With an issuer no HS256 token is accepted, so production needs no secret: an unguessable one keeps the
 * signer unusable. Without one, production needs a secret of its own, never the public development string.
 */
function jwtSecretOf(env: NodeJS.ProcessEnv, production: boolean, withIssuer: boolean): string {
  const secret = env.LEDGER_JWT_SECRET;
  if (!secret) {
    if (production && withIssuer) return randomBytes(32).toString('base64url');
    if (production) throw new ConfigError(`LEDGER_OIDC_ISSUER (sign-in through your identity provider) or LEDGER_JWT_SECRET is required in production (NODE_ENV=${JSON.stringify(env.NODE_ENV)}; only development and test run without them)`);
    return DEVELOPMENT_JWT_SECRET;
  }
  if (production && secret.trim() === DEVELOPMENT_JWT_SECRET) throw new ConfigError('LEDGER_JWT_SECRET is the public development secret; production needs a secret of its own');
  if (secret.length < 32) throw new ConfigError(`LEDGER_JWT_SECRET must be at least 32 characters (got ${secret.length})`);
  return secret;
}

/** Demo acts go only into a store declared a demo: in production that takes a second flag. */
function demoDataOf(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const demo = oneOf(env, 'LEDGER_DEMO_DATA', ['true', 'false'] as const, production ? 'false' : 'true') === 'true';
  if (demo && production && env.LEDGER_DEMO_STORE !== 'true') {
    throw new ConfigError('LEDGER_DEMO_DATA=true in production would append demo acts to a log that can never be cleaned; set LEDGER_DEMO_STORE=true as well if this store is a demo');
  }
  return demo;
}

/** A mistyped path must not silently start a new, empty ledger in a new folder. */
function existingParent(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const path = env[name] || undefined;
  if (path && path !== ':memory:' && !existsSync(dirname(resolve(path)))) {
    throw new ConfigError(`${name}: the directory ${dirname(resolve(path))} does not exist (got ${JSON.stringify(path)}); create it or fix the path`);
  }
  return path;
}

/** Evidence against the log must not sit where whoever can rewrite the log can rewrite it too. */
function outsideLog(env: NodeJS.ProcessEnv, name: string, logDir: string | undefined): string | undefined {
  const path = env[name] || undefined;
  if (path && logDir && isInside(path, logDir)) throw new ConfigError(`${name} must be outside the log's directory ${logDir} (got ${JSON.stringify(path)})`);
  return path;
}

/**
 * The store part alone: verify, export, import and the external projector run without the API's
 * sign-in settings (a production operator verifying the log has no use for the JWT secret).
 */
export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const production = isProduction(env);
  const store = oneOf(env, 'LEDGER_STORE', ['sqlite', 'postgres', 'esdb', 'memory'] as const, 'sqlite');
  const pgUrl = env.LEDGER_PG_URL || undefined;
  if (store === 'postgres' && !pgUrl) throw new ConfigError('LEDGER_PG_URL is required when LEDGER_STORE=postgres (e.g. postgres://ledger_api@localhost:5432/ledger)');
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) throw new ConfigError(`LEDGER_PG_URL must start with postgres:// or postgresql:// (got ${JSON.stringify(pgUrl.replace(/:[^:@/]*@/, ':***@'))})`);
  const esdbUrl = env.LEDGER_ESDB_URL || undefined;
  if (store === 'esdb' && !esdbUrl) throw new ConfigError('LEDGER_ESDB_URL is required when LEDGER_STORE=esdb (e.g. esdb://localhost:2113?tls=false)');
  if (esdbUrl && !/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//.test(esdbUrl)) throw new ConfigError(`LEDGER_ESDB_URL must start with esdb:// or esdb+discover:// (got ${JSON.stringify(esdbUrl)})`);
  const dbPath = (store === 'sqlite' ? existingParent(env, 'LEDGER_DB_PATH') : env.LEDGER_DB_PATH) || './data/ledger.db';
  // A log in memory starts empty every time: read models kept in a file would stand past it on the next start.
  const logInMemory = store === 'memory' || (store === 'sqlite' && dbPath === ':memory:');
  const readDbPath = existingParent(env, 'LEDGER_READ_DB_PATH') || (logInMemory ? ':memory:' : dbPath.replace(/(\.db)?$/, '.read-models.db'));
  const logDir = store === 'sqlite' ? dirname(resolve(dbPath)) : undefined;
  const anchorDir = outsideLog(env, 'LEDGER_ANCHOR_DIR', logDir);
  return {
    production,
    store,
    dbPath,
    readDbPath,
    esdbUrl,
    pgUrl,
    ...(anchorDir
      ? { anchors: { dir: anchorDir, everyEvents: integer(env, 'LEDGER_ANCHOR_EVERY_EVENTS', 1000, 1, 10_000_000), everyMinutes: integer(env, 'LEDGER_ANCHOR_EVERY_MINUTES', 5, 1, 7 * 24 * 60) } }
      : {}),
    digestKeyPath: outsideLog(env, 'LEDGER_DIGEST_KEY', logDir),
    digestPublicKey: env.LEDGER_DIGEST_PUBLIC_KEY || undefined,
  };
}

export function loadLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const storeConfig = loadStoreConfig(env);
  const { production } = storeConfig;
  const oidc = loadOidcConfig(env);
  const jwtSecret = jwtSecretOf(env, production, oidc !== undefined);
  return {
    ...storeConfig,
    port: integer(env, 'PORT', 3000, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    demoData: demoDataOf(env, production),
    bodyLimitBytes: integer(env, 'LEDGER_BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    projector: oneOf(env, 'LEDGER_PROJECTOR', ['in-process', 'external'] as const, 'in-process'),
    readYourWritesTimeoutMs: integer(env, 'LEDGER_READ_WAIT_MS', 5000, 0, 60_000),
    rateLimitPerMinute: integer(env, 'LEDGER_RATE_LIMIT_PER_MINUTE', 20_000, 0, 10_000_000),
    reportCacheBytes: integer(env, 'LEDGER_REPORT_CACHE_MB', 64, 0, 4096) * 1_048_576,
    httpProcesses: httpProcessesOf(env, storeConfig),
    jwtSecret,
    devSecret: jwtSecret === DEVELOPMENT_JWT_SECRET,
    ...(oidc ? { oidc } : {}),
  };
}

/** The log or the read models are in memory: another process, or another thread, cannot open them. */
export const keptInMemory = ({ store, dbPath, readDbPath }: Pick<StoreConfig, 'store' | 'dbPath' | 'readDbPath'>) => store === 'memory' || [dbPath, readDbPath].includes(':memory:');

/** Serving processes share the log and the lead's read-model file; what is in memory is each process's own. */
function httpProcessesOf(env: NodeJS.ProcessEnv, config: StoreConfig): number {
  const count = integer(env, 'LEDGER_HTTP_PROCESSES', 1, 1, 64);
  if (count > 1 && keptInMemory(config)) throw new ConfigError(`LEDGER_HTTP_PROCESSES=${count} needs the log and the read models in files (or the log in PostgreSQL): in memory each process would have its own`);
  return count;
}

/** The API signs anchors itself, so a sink without a signing key is a configuration error there. */
export function assertCanPublishAnchors(config: StoreConfig): void {
  if (config.anchors && !config.digestKeyPath) throw new ConfigError('LEDGER_DIGEST_KEY (the Ed25519 key that signs anchors) is required when LEDGER_ANCHOR_DIR is set');
}

