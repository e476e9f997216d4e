import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { LedgerConfig } from '../config/ledger-config';
import { ledgerValidationPipe } from './validation';

/** HTTP wiring shared by `main.ts` and the end-to-end tests, so tests exercise the real server. */
export function configureApp(app: NestExpressApplication, config: LedgerConfig): INestApplication {
  app.useLogger(app.get(Logger));
  // Security headers; the CSP is left to the dashboard and Swagger UI pages, which need inline scripts.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.bodyLimitBytes, strict: true });
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'metrics', 'dashboard', 'dashboard/{*path}'] });
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Investment Registration Ledger')
      .setDescription('Event-sourced ledger of Investment Registration Certificates (GCNĐKĐT) for industrial- and economic-zone management boards')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
