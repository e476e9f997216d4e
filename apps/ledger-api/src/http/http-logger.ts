import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { LedgerConfig } from '../config/ledger-config';
import { isDemoLoaderRequest } from '../demo/demo-requests';

/** One JSON line per request: requestId, status, duration and, for writes, command, stream, position. */
export function httpLoggerOptions(config: LedgerConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // pino-http's own rule (error for a failure or a 5xx, info otherwise), and the demo loader's requests at debug.
      customLogLevel: (req, res, error) => (error || res.statusCode >= 500 ? 'error' : isDemoLoaderRequest(req.headers) ? 'debug' : 'info'),
      customSuccessObject: (_req, res, value) => ({ ...value, ...(res as { locals?: { ledger?: object } }).locals?.ledger }),
      customErrorObject: (_req, res, _error, value) => ({ ...value, problem: (res as { locals?: { problemCode?: string } }).locals?.problemCode }),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.authorization'],
    },
    // Named wildcard: the path-to-regexp of Express 5 rejects nestjs-pino's default '*' (a warning at every start).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
