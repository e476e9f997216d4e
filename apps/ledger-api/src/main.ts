import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, assertCanPublishAnchors, loadLedgerConfig, type LedgerConfig } from './config/ledger-config';
import { mintToken } from './auth/tokens';
import { configureApp } from './http/configure-app';
import { ReferenceData } from '@ledger/reference-data';
import { demoSteps, loadDemoData } from './demo/demo-data';
import { importDemoHistory } from './demo/demo-history';
import { demoProgressLine, portInUse, readyBlock } from './start-up';
import type { EventStore } from '@ledger/event-store';
import { ForeignReadModelsError } from '@ledger/projections';
import { EVENT_STORE } from './tokens';
import { processRole, superviseServingProcesses } from './processes/serving-processes';

function configOrExit(): LedgerConfig {
  try {
    const config = loadLedgerConfig(process.env);
    assertCanPublishAnchors(config);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

/** Said on stderr before anything else, so that no one runs the ledger this way by accident. */
function warnAboutUnsafeSettings(config: LedgerConfig): void {
  if (config.devSecret) {
    process.stderr.write(
      `WARNING: tokens are signed with the PUBLIC development secret: anyone can mint any token for this ledger.\n` +
        `         Set LEDGER_JWT_SECRET (production refuses to start without it).\n`,
    );
  }
  if (!config.anchors) {
    process.stderr.write(`WARNING: LEDGER_ANCHOR_DIR is not set: no signed head digests are published, so a vanished or re-hashed tail of the log cannot be detected.\n`);
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const role = processRole();
  if (role === 'only') warnAboutUnsafeSettings(config);
  // A SQLite demo ledger is written before the API opens it, with back-dated recording times (demo only).
  const demoInSqlite = config.demoData && config.store === 'sqlite' && role === 'only';
  if (demoInSqlite) await importDemoHistory(config.dbPath, ReferenceData.load(), demoSteps(), demoProgressLine(process.stdout));
  if (role === 'only' && config.httpProcesses > 1) {
    process.stdout.write(`Starting ${config.httpProcesses} processes serving port ${config.port}: the first projects the read models, the others read them.\n`);
    superviseServingProcesses(config.httpProcesses, demoInSqlite ? { LEDGER_DEMO_DATA: 'false' } : {});
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { bufferLogs: true, bodyParser: false });
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

void bootstrap();
