import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, assertCanPublishAnchors, loadLedgerConfig, type LedgerConfig } from './config/ledger-config';
import { mintToken } from './auth/tokens';
import { configureApp } from './http/configure-app';
import { loadDemoData } from './demo/demo-data';
import { EVENT_STORE } from './store/store.providers';
import type { EventStore } from '@ledger/event-store';

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
  warnAboutUnsafeSettings(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { bufferLogs: true, bodyParser: false });
  configureApp(app, config);
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  if (config.devSecret && !config.oidc) {
    // Development only: the built-in secret is public, so handing out a token here costs nothing.
    const analyst = mintToken(config.jwtSecret, { sub: 'dev-analyst', role: 'analyst' }, '12h');
    process.stdout.write(
      `Development token (analyst, 12 h): ${analyst}\n` +
        `Other roles: npm run cli -- token --role officer --board BQL-HN   (roles: officer, auditor, analyst, admin)\n` +
        `Dashboard: ${url}/dashboard#token=${analyst}\n`,
    );
  }
  process.stdout.write(`Ledger API on ${url}/api/v1 (store: ${config.store}${config.store === 'sqlite' ? ` at ${config.dbPath}` : ''}); OpenAPI at ${url}/api/docs\n`);
  if (config.oidc) process.stdout.write(`Sign-in through ${config.oidc.issuer} (audience ${config.oidc.audience}); grant the first admin with: npm run cli -- users grant --sub <sub> --name <name> --role admin\n`);
  // The demo loader records its acts over HTTP with an HS256 token, which an issuer-backed ledger refuses.
  if (config.demoData && config.oidc) process.stdout.write('Demo data not loaded: sign-in goes through the issuer (LEDGER_DEMO_DATA=false to silence this)\n');
  else if (config.demoData) {
    await loadDemoData(app.get<EventStore>(EVENT_STORE), `http://127.0.0.1:${config.port}`, config.jwtSecret, (line) => process.stdout.write(`${line}\n`));
  }

}

void bootstrap();
