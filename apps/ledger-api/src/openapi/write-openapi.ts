import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { loadLedgerConfig } from '../config/ledger-config';
import { configureApp, openApiDocument } from '../http/configure-app';

/**
 * Writes the OpenAPI document of the API as wired (no port, an in-memory store), so the build generates
 * the workspace's typed client from the DTOs themselves: a changed DTO then fails the front-end build.
 */
async function main(out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  try {
    const config = loadLedgerConfig({ NODE_ENV: 'development', LEDGER_STORE: 'memory', LEDGER_DB_PATH: join(dir, 'ledger.db'), LEDGER_DEMO_DATA: 'false', LEDGER_PROJECTOR: 'external', LOG_LEVEL: 'silent' });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { logger: false, bodyParser: false });
    configureApp(app, config);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main(process.argv[2] ?? 'dist/openapi.json');
