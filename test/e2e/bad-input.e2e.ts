import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * Every rejected request gets the right 4xx as application/problem+json naming what is wrong,
 * and leaves the event count exactly as it was.
 */
describe('bad input never changes the log', () => {
  let server: LedgerServer;
  let http: ReturnType<typeof client>;
  const code = '2101999999';
  const terminatedCode = '2101999998';

  beforeAll(async () => {
    server = await startLedgerServer();
    http = client(server.baseUrl, bearer('officer', 'BQL-HN'));
    expect((await http.post('/api/v1/projects', fdiCertificate(code))).status).toBe(201);
    expect((await http.post('/api/v1/projects', fdiCertificate(terminatedCode))).status).toBe(201);
    expect((await http.post(`/api/v1/projects/${terminatedCode}/termination`, { ground: 'NO_DEPOSIT', effectiveOn: '2017-01-01', decisionRef: '1/QĐ' })).status).toBe(201);
  });
  afterAll(() => server.close());

  const increases = `/api/v1/projects/${code}/capital-increases`;
  const huge = JSON.stringify({ ...fdiCertificate('2101888888'), objectives: 'x'.repeat(5 * 1024 * 1024) });

  const cases: { name: string; path: string; body: unknown; headers?: Record<string, string>; status: number; code: string; mentions?: string[] }[] = [
    { name: 'malformed JSON', path: '/api/v1/projects', body: '{"projectCode": "21', status: 400, code: 'MALFORMED_JSON' },
    { name: 'wrong types', path: '/api/v1/projects', body: fdiCertificate('2101777777', { durationYears: '50', registeredCapital: { vnd: 235000000000, usd: '1.00', exchangeRate: '23500' } }), status: 400, code: 'VALIDATION_FAILED', mentions: ['durationYears', 'registeredCapital.vnd'] },
    { name: 'unknown field', path: '/api/v1/projects', body: fdiCertificate('2101777777', { approvedBy: 'me' }), status: 400, code: 'VALIDATION_FAILED', mentions: ['approvedBy'] },
    { name: 'unknown nested field', path: increases, body: { ...capitalChange('100', '1.00', '2016-05-01'), amount: { vnd: '100', usd: '1.00', eur: '1' } }, status: 400, code: 'VALIDATION_FAILED', mentions: ['amount.eur'] },
    { name: 'missing fields', path: '/api/v1/projects', body: { projectCode: '2101777777' }, status: 400, code: 'VALIDATION_FAILED', mentions: ['boardId', 'issuedOn', 'registeredCapital'] },
    { name: 'negative amount', path: increases, body: capitalChange('-100', '1.00', '2016-05-01'), status: 400, code: 'VALIDATION_FAILED', mentions: ['amount.vnd'] },
    { name: 'zero amount', path: increases, body: capitalChange('0', '0.00', '2016-05-01'), status: 422, code: 'AMOUNT_NOT_POSITIVE' },
    { name: 'float-looking amount', path: increases, body: capitalChange('1.5e9', '1.00', '2016-05-01'), status: 400, code: 'VALIDATION_FAILED', mentions: ['amount.vnd'] },
    { name: 'JSON number amount', path: increases, body: { ...capitalChange('1', '1.00', '2016-05-01'), amount: { vnd: 1.5, usd: '1.00' } }, status: 400, code: 'VALIDATION_FAILED', mentions: ['amount.vnd'] },
    { name: 'overlong amount', path: increases, body: capitalChange('9'.repeat(40), '1.00', '2016-05-01'), status: 400, code: 'VALIDATION_FAILED', mentions: ['amount.vnd'] },
    { name: 'USD with 3 decimals', path: increases, body: capitalChange('100', '1.005', '2016-05-01'), status: 400, code: 'VALIDATION_FAILED', mentions: ['amount.usd'] },
    { name: 'FDI increase without USD', path: increases, body: capitalChange('100', undefined, '2016-05-01'), status: 422, code: 'USD_REQUIRED_FOR_FDI' },
    { name: 'malformed project code in body', path: '/api/v1/projects', body: fdiCertificate('21-0123456'), status: 400, code: 'VALIDATION_FAILED', mentions: ['projectCode'] },
    { name: 'malformed project code in path', path: '/api/v1/projects/12345/capital-increases', body: capitalChange('100', '1.00', '2016-05-01'), status: 400, code: 'PROJECT_CODE_INVALID' },
    { name: 'date that does not exist', path: increases, body: capitalChange('100', '1.00', '2023-02-30'), status: 400, code: 'VALIDATION_FAILED', mentions: ['effectiveOn'] },
    { name: 'future date', path: increases, body: capitalChange('100', '1.00', '2999-01-01'), status: 422, code: 'FUTURE_DATED' },
    { name: 'date before issuance', path: increases, body: capitalChange('100', '1.00', '2016-03-14'), status: 422, code: 'EFFECTIVE_BEFORE_ISSUANCE' },
    { name: 'decrease to zero', path: `/api/v1/projects/${code}/capital-decreases`, body: capitalChange('235000000000', '10000000.00', '2016-05-01'), status: 422, code: 'CAPITAL_WOULD_BE_NON_POSITIVE' },
    { name: 'act on a terminated project', path: `/api/v1/projects/${terminatedCode}/capital-increases`, body: capitalChange('100', '1.00', '2017-05-01'), status: 422, code: 'PROJECT_TERMINATED' },
    { name: 'unknown project', path: '/api/v1/projects/2101555555/capital-increases', body: capitalChange('100', '1.00', '2016-05-01'), status: 404, code: 'PROJECT_NOT_FOUND' },
    { name: 'certificate issued twice', path: '/api/v1/projects', body: fdiCertificate(code), status: 422, code: 'PROJECT_ALREADY_ISSUED' },
    { name: 'stale If-Match', path: increases, body: capitalChange('100', '1.00', '2016-05-01'), headers: { 'If-Match': '"7"' }, status: 409, code: 'VERSION_CONFLICT' },
    { name: 'garbage If-Match', path: increases, body: capitalChange('100', '1.00', '2016-05-01'), headers: { 'If-Match': 'yesterday' }, status: 400, code: 'INVALID_IF_MATCH' },
    { name: 'unknown termination ground', path: `/api/v1/projects/${code}/termination`, body: { ground: 'BORED', effectiveOn: '2017-01-01', decisionRef: '1/QĐ' }, status: 400, code: 'VALIDATION_FAILED', mentions: ['ground'] },
    { name: 'a 5 MB body', path: '/api/v1/projects', body: huge, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'JSON array instead of object', path: '/api/v1/projects', body: '[1,2,3]', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'prototype pollution key', path: '/api/v1/projects', body: '{"__proto__":{"admin":true},' + JSON.stringify(fdiCertificate('2101666666')).slice(1), status: 400, code: 'VALIDATION_FAILED' },
  ];

  it.each(cases)('$name → $status $code, event count unchanged', async ({ path, body, headers, status, code: problemCode, mentions }) => {
    const before = await server.eventCount();
    const reply = await http.post(path, body, headers);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status, code: problemCode, title: expect.any(String), detail: expect.any(String) });
    for (const field of mentions ?? []) expect(reply.body.detail).toContain(field);
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(await server.eventCount()).toBe(before);
  });
});
