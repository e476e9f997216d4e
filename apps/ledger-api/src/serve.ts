import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventStore } from '@ledger/event-store';
import { ForeignReadModelsError } from '@ledger/projections';
import { AppModule } from './app.module';
import { mintToken } from './auth/tokens';
import type { LedgerConfig } from './config/ledger-config';
import { loadDemoData } from './demo/demo-data';
import { configureApp } from './http/configure-app';
import type { ProcessRole } from './processes/serving-processes';
import type { ProjectorThread } from './read-models/projector-thread-spawn';
import { demoProgressLine, portInUse, readyBlock } from './start-up';
import { EVENT_STORE } from './tokens';

export interface ServeOptions {
  role: ProcessRole;
  /** The demo history was written to the SQLite log before (main.ts). */
  demoInSqlite: boolean;
  /** Spawned by main.ts, already projecting. */
  projectorThread?: ProjectorThread;
}

/** The API of one serving process: listens on the port, loads an HTTP demo where asked, says where to go. */
export async function serve(config: LedgerConfig, { role, demoInSqlite, projectorThread }: ServeOptions): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, projectorThread), { bufferLogs: true, bodyParser: false });
  configureApp(app, config);
  try {
    await app.listen(config.port);
  } catch (error) {
    if (error instanceof ForeignReadModelsError) process.stderr.write(`Read models refused: ${error.message}.\n`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') process.stderr.write(portInUse(config.port));
    else throw error;
    process.exit(1);
  }
  if (role === 'follower') return;
  const url = `http://localhost:${config.port}`;
  process.stdout.write(`Ledger API on ${url}/api/v1 (store: ${config.store}${config.store === 'sqlite' ? ` at ${config.dbPath}` : ''})\n`);
  if (config.oidc) process.stdout.write(`Sign-in through ${config.oidc.issuer} (audience ${config.oidc.audience}); grant the first admin with: npm run cli -- users grant --sub <sub> --name <name> --role admin\n`);
  // The HTTP demo loader (stores other than SQLite) records with an HS256 token, which an issuer-backed ledger refuses.
  if (config.demoData && !demoInSqlite && config.oidc) process.stdout.write('Demo data not loaded: sign-in goes through the issuer (LEDGER_DEMO_DATA=false to silence this)\n');
  else if (config.demoData && !demoInSqlite) await loadDemoData(app.get<EventStore>(EVENT_STORE), `http://127.0.0.1:${config.port}`, config.jwtSecret, demoProgressLine(process.stdout));
  // Development only: the built-in secret is public, so handing out a token here costs nothing.
  const devToken = config.devSecret && !config.oidc ? mintToken(config.jwtSecret, { sub: 'dev-analyst', role: 'analyst' }, '12h') : null;
  process.stdout.write(readyBlock(url, devToken));
}
