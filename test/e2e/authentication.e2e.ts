import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { fdiCertificate } from '../support/certificates';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const REPORT = '/api/v1/reports/valid-projects?asOf=2016-12-31';

describe('authentication and rate limiting', () => {
  let server: LedgerServer;
  beforeAll(async () => {
    server = await startLedgerServer({ LEDGER_RATE_LIMIT_PER_MINUTE: '10' });
  });
  afterAll(() => server.close());

  it('given a correctly signed token without an expiry → 401 INVALID_TOKEN, nothing appended', async () => {
    const forever = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: 'officer-forever', role: 'officer', boardId: 'BQL-HN' }, { algorithm: 'HS256' });
    const reply = await client(server.baseUrl, { authorization: `Bearer ${forever}` }).post('/api/v1/projects', fdiCertificate('2101999999'));
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ code: 'INVALID_TOKEN', detail: expect.stringContaining('no expiry') });
    expect(await server.eventCount()).toBe(0);
  });

  it('given a flood of tokens with random signatures from one address → 429 once the address has spent its limit; verified callers keep their own buckets', async () => {
    const [header, payload] = bearer('analyst').authorization.slice(7).split('.');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const forged = `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
      statuses.push((await fetch(`${server.baseUrl}${REPORT}`, { headers: { authorization: `Bearer ${forged}` } })).status);
    }
    // Buckets are per route (as @nestjs/throttler keys them): this route has seen nothing else from this address.
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(15).fill(429)]);
    expect((await client(server.baseUrl, bearer('analyst', undefined, 'analyst-a')).get(REPORT)).status).toBe(200);
    expect((await client(server.baseUrl, bearer('analyst', undefined, 'analyst-b')).get(REPORT)).status).toBe(200);
  });
});
