import createClient from 'openapi-fetch';
import type { Lang } from '@ledger/labels';
import type { paths } from './generated/api';

/** Problem details as the API answers every error (RFC 9457 + a stable code). */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { field: string; label?: string; messages: string[] }[];
  currentVersion?: number;
}

/**
 * The API client typed from the OpenAPI document the build writes from the DTOs: a request body that no
 * longer matches a DTO fails this front-end's type check, not the officer.
 */
export function apiClient(token: () => string | undefined, lang: () => Lang) {
  const client = createClient<paths>({ baseUrl: location.origin });
  client.use({
    onRequest({ request }) {
      const bearer = token();
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
      request.headers.set('Accept-Language', lang());
      return request;
    },
  });
  return client;
}
export type Api = ReturnType<typeof apiClient>;

/** A fresh Idempotency-Key for one form: a double click or a retry sends the same key, so it records once. */
export const newIdempotencyKey = () => `ws-${crypto.randomUUID()}`;
