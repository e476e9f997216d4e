import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventStore } from '@ledger/event-store';
import type { ReadModelRunner } from '@ledger/projections';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { loadLedgerConfig, type LedgerConfig } from '../../apps/ledger-api/src/config/ledger-config';
import { configureApp } from '../../apps/ledger-api/src/http/configure-app';
import type { Role } from '../../apps/ledger-api/src/auth/roles';
import { mintToken } from '../../apps/ledger-api/src/auth/tokens';
import { CLOCK, EVENT_STORE, PROJECTION_RUNNER } from '../../apps/ledger-api/src/tokens';

export const TEST_JWT_SECRET = 'end-to-end-test-secret-of-at-least-32-chars';

/** A bearer header for a caller of the given role (officers act for one board). */
export function bearer(role: Role, boardId?: string, sub = `${role}-${boardId ?? 'all'}`): Record<string, string> {
  return { authorization: `Bearer ${mintToken(TEST_JWT_SECRET, { sub, role, ...(boardId ? { boardId } : {}) }, '1h')}` };
}

export interface LedgerServer {
  baseUrl: string;
  config: LedgerConfig;
  store: EventStore;
  eventCount(): Promise<number>;
  runner(): ReadModelRunner;
  close(): Promise<void>;
}

/**
 * The real API on a real HTTP port over a real SQLite file in a temporary folder,
 * wired exactly as `main.ts` wires it.
 */
export async function startLedgerServer(env: Record<string, string> = {}, clock?: () => Date): Promise<LedgerServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config = loadLedgerConfig({ LEDGER_DB_PATH: join(dir, 'ledger.db'), LOG_LEVEL: 'silent', LEDGER_DEMO_DATA: 'false', PORT: '0', LEDGER_JWT_SECRET: TEST_JWT_SECRET, ...env });
  const builder = AppModule.register(config);
  const module = clock ? { ...builder, providers: builder.providers.map((p) => (typeof p === 'object' && 'provide' in p && p.provide === CLOCK ? { provide: CLOCK, useValue: clock } : p)) } : builder;
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, logger: false });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    config,
    store,
    eventCount: async () => Number(await store.count()),
    runner: () => app.get<ReadModelRunner>(PROJECTION_RUNNER),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpReply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small JSON client over fetch; `body` may be a raw string to send malformed input. */
export function client(baseUrl: string, defaults: Record<string, string> = {}) {
  const send = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpReply<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...defaults, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON bodies (CSV, HTML) are returned as text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => send<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, headers),
  };
}
