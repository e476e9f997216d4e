import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, loadLedgerConfig, type LedgerConfig } from './config/ledger-config';
import { configureApp } from './http/configure-app';

function configOrExit(): LedgerConfig {
  try {
    return loadLedgerConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { bufferLogs: true, bodyParser: false });
  configureApp(app, config);
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  process.stdout.write(`Ledger API on ${url}/api/v1 (store: ${config.store}${config.store === 'sqlite' ? ` at ${config.dbPath}` : ''}); OpenAPI at ${url}/api/docs\n`);

}

void bootstrap();
