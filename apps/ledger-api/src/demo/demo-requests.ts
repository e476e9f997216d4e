import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The demo loader's requests are logged at debug, not info: 8,694 request lines would bury the
 * start-up block. They carry this per-process key, known only inside the process, so no client can
 * hide its own requests from the log by sending a header.
 */
const KEY = randomBytes(24).toString('hex');
export const DEMO_LOADER_HEADER = 'x-ledger-demo-loader';
export const demoLoaderHeaders = (): Record<string, string> => ({ [DEMO_LOADER_HEADER]: KEY });

export function isDemoLoaderRequest(headers: Record<string, string | string[] | undefined>): boolean {
  const value = headers[DEMO_LOADER_HEADER];
  return typeof value === 'string' && value.length === KEY.length && timingSafeEqual(Buffer.from(value), Buffer.from(KEY));
}
