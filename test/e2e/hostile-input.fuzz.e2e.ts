import fc from 'fast-check';
import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * Thousands of generated bad requests against every write endpoint: only 4xx answers (never 5xx),
 * always problem+json, and the log never changes.
 */
const CODE = '2101400001';
const DOSSIER = 'FUZZ-1';
const endpoints: { path: string; valid: () => Record<string, unknown> }[] = [
  { path: '/api/v1/projects', valid: () => fdiCertificate('2101400099') },
  { path: `/api/v1/projects/${CODE}/capital-increases`, valid: () => capitalChange('1000', '1.00', '2016-05-01') },
  { path: `/api/v1/projects/${CODE}/capital-decreases`, valid: () => capitalChange('1000', '1.00', '2016-05-01') },
  { path: `/api/v1/projects/${CODE}/adjustments`, valid: () => ({ changes: { projectName: 'Tên mới' }, effectiveOn: '2016-05-01', reason: 'r' }) },
  { path: `/api/v1/projects/${CODE}/realized-capital`, valid: () => ({ period: '2016-Q2', amount: { vnd: '1000', usd: '1.00' }, reportedOn: '2016-07-15' }) },
  { path: `/api/v1/projects/${CODE}/suspension`, valid: () => ({ ground: 'LABOUR_SAFETY', effectiveOn: '2016-05-01', decisionRef: '1/QĐ' }) },
  { path: `/api/v1/projects/${CODE}/resumption`, valid: () => ({ effectiveOn: '2016-06-01', decisionRef: '2/QĐ' }) },
  { path: `/api/v1/projects/${CODE}/operation-start`, valid: () => ({ effectiveOn: '2016-06-01' }) },
  { path: `/api/v1/projects/${CODE}/termination`, valid: () => ({ ground: 'NO_DEPOSIT', effectiveOn: '2016-06-01', decisionRef: '3/QĐ' }) },
  { path: `/api/v1/projects/${CODE}/corrections`, valid: () => ({ correctsVersion: 1, revoked: true, reason: 'r' }) },
  // The dossier endpoints, with their required fields only (an optional one left out would be valid).
  { path: '/api/v1/dossiers', valid: () => ({ dossierId: 'FUZZ-NEW', procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt: '2026-11-02T09:00:00+07:00', channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['d'] }) },
  { path: `/api/v1/dossiers/${DOSSIER}/supplement-requests`, valid: () => ({ requestedAt: '2026-11-03T09:00:00+07:00', missingDocuments: ['d'] }) },
  { path: `/api/v1/dossiers/${DOSSIER}/supplements`, valid: () => ({ supplementedAt: '2026-11-03T09:00:00+07:00', documents: ['d'] }) },
  { path: `/api/v1/dossiers/${DOSSIER}/resolution`, valid: () => ({ resolvedAt: '2026-11-03T09:00:00+07:00', outcome: 'REFUSED', reason: 'r' }) },
  { path: `/api/v1/dossiers/${DOSSIER}/delays`, valid: () => ({ delayedAt: '2026-11-03T09:00:00+07:00', apology: 'a', newAppointmentOn: '2026-12-30' }) },
  { path: `/api/v1/dossiers/${DOSSIER}/withdrawal`, valid: () => ({ withdrawnAt: '2026-11-03T09:00:00+07:00' }) },
  { path: `/api/v1/dossiers/${DOSSIER}/transfer`, valid: () => ({ transferredAt: '2026-11-03T09:00:00+07:00', toAgency: 'a', reason: 'r' }) },
  // Enterprise reports, plans and zones (issue 19): only their required fields, so every mutation is invalid.
  { path: '/api/v1/enterprise-reports', valid: () => ({ projectCode: CODE, period: '2016', filedOn: '2017-01-20', employees: 10 }) },
  { path: '/api/v1/plans/BQL-HN/2016/actuals', valid: () => ({ code: 'LAND_CLEARED', period: '2016-Q1', value: '1.5' }) },
  { path: '/api/v1/zones', valid: () => ({ zoneId: 'KCN-HN-09', boardId: 'BQL-HN', kind: 'KCN', nameVi: 'KCN', decisionRef: '1/QĐ', decidedOn: '2016-01-01', naturalAreaHa: '10', leasableLandHa: '5' }) },
  { path: '/api/v1/zones/KCN-THANG-LONG/status', valid: () => ({ status: 'BUILDING', effectiveOn: '2016-05-01' }) },
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom("'; DROP TABLE events; --", '" OR 1=1 --', '\u0000', '\uFEFF', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'A'.repeat(70_000), '1e308', 'NaN', '-0', '__proto__', '../../etc/passwd'),
);
const wrongTyped = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));

type Mutation = { body: string; contentType: string };

/** Each mutation is invalid by construction, so no request may ever be accepted. */
function mutations(valid: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const keys = Object.keys(valid);
  const json = (b: unknown): Mutation => ({ body: JSON.stringify(b), contentType: 'application/json' });
  return fc.oneof(
    fc.constantFrom(...keys).map((k) => json(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k)))), // missing field
    fc.tuple(fc.constantFrom(...keys), wrongTyped).map(([k, v]) => json({ ...valid, [k]: typeof valid[k] === 'number' ? 'not-a-number' : v })), // wrong type
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k) && k !== '__proto__'), fc.jsonValue()).map(([k, v]) => json({ ...valid, [k]: v })), // unknown field
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => ({ body: `{"${k}":{"polluted":true},${JSON.stringify(valid).slice(1)}`, contentType: 'application/json' })),
    fc.integer({ min: 50, max: 3000 }).map((depth) => json({ ...valid, nested: JSON.parse('['.repeat(depth) + ']'.repeat(depth)) })),
    hostileString.map((s) => ({ body: s, contentType: 'application/json' })), // not JSON at all, or a bare scalar
    fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map(json), // JSON but not an object
    fc.constant({ body: 'x'.repeat(2 * 1024 * 1024), contentType: 'application/json' }), // oversized
    fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x').map((ct) => ({ body: JSON.stringify({ ...valid, extra: 1 }), contentType: ct })),
  );
}

describe('hostile input (fuzz)', () => {
  let server: LedgerServer;
  let tried = 0;

  beforeAll(async () => {
    server = await startLedgerServer();
    const reply = await fetch(`${server.baseUrl}/api/v1/projects`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('officer', 'BQL-HN') }, body: JSON.stringify(fdiCertificate(CODE)) });
    expect(reply.status).toBe(201);
    const dossier = { dossierId: DOSSIER, procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt: '2026-11-02T09:00:00+07:00', channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['d'] };
    const received = await fetch(`${server.baseUrl}/api/v1/dossiers`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('officer', 'BQL-HN') }, body: JSON.stringify(dossier) });
    expect(received.status).toBe(201);
  });
  afterAll(async () => {
    console.info(`hostile-input fuzz: ${tried} generated bad requests sent`);
    await server.close();
  });

  it.each(endpoints)('$path never accepts, never fails with 5xx, never changes the log', async ({ path, valid }) => {
    const before = await server.eventCount();
    await fc.assert(
      fc.asyncProperty(mutations(valid()), async ({ body, contentType }) => {
        tried += 1;
        const reply = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType, ...bearer('officer', 'BQL-HN') }, body });
        const text = await reply.text();
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const problem = JSON.parse(text);
        expect(problem).toMatchObject({ status: reply.status, code: expect.any(String), detail: expect.any(String) });
        expect(text).not.toMatch(/node_modules|at \w+ \(/);
      }),
      { numRuns: 250, seed: 424242 },
    );
    expect(await server.eventCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
