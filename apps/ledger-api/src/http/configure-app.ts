import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'metrics', 'dashboard', 'dashboard/{*path}', 'workspace', 'workspace/{*path}'] });
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { swaggerOptions: { persistAuthorization: false } });
  return app;
}

/** The OpenAPI document: served at /api/docs and written at build time for the workspace's typed client. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Investment Registration Ledger')
      .setDescription('Event-sourced ledger of Investment Registration Certificates (GCNĐKĐT) for industrial- and economic-zone management boards. Authorize with a bearer token (development: `npm run cli -- token --role officer --board BQL-HN`).')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurityRequirements('bearer')
      .build(),
  );
}
