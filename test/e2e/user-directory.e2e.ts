import { ddiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/**
 * The user directory over HTTP with development tokens: an admin grants and revokes, and from then on
 * the directory — not the token — decides who may act, for which board, on which dates.
 */
describe('user directory: who may act comes from the ledger', () => {
  let server: LedgerServer;
  let now = new Date('2025-06-20T03:00:00Z');
  const admin = () => client(server.baseUrl, bearer('admin', undefined, 'admin-quan'));
  // The token claims admin; the directory's entry (officer of BQL-HN) is what counts.
  const person = (sub: string) => client(server.baseUrl, bearer('admin', undefined, sub));
  const grant = (sub: string, displayName: string, boardId: string, validFrom: string) => admin().post('/api/v1/users', { sub, displayName, role: 'officer', boardId, validFrom });
  const metric = async (kind: string) => Number(new RegExp(`ledger_security_events_total\\{kind="${kind}"\\} (\\d+)`).exec((await client(server.baseUrl).get('/metrics')).body)?.[1]);

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
  });
  afterAll(() => server.close());

  it('admin grants two officers; each act in the audit trail names the officer who recorded it', async () => {
    now = new Date('2026-11-24T03:00:00Z');
    expect((await grant('kc-lan', 'Nguyễn Thị Lan', 'BQL-HN', '2026-01-01')).status).toBe(201);
    expect((await grant('kc-minh', 'Trần Văn Minh', 'BQL-HN', '2026-01-01')).status).toBe(201);
    expect((await person('kc-lan').post('/api/v1/projects', ddiCertificate('2600000101', 'BQL-HN', 'KCN-THANG-LONG', '2026-11-20'))).status).toBe(201);
    expect((await person('kc-minh').post('/api/v1/projects/2600000101/capital-increases', { amount: { vnd: '5000000000' }, effectiveOn: '2026-11-24', reason: 'Mở rộng' })).status).toBe(201);

    const events = await client(server.baseUrl, bearer('auditor')).get('/api/v1/projects/2600000101/events');
    expect(events.body.events.map((e: { metadata: Record<string, string> }) => [e.metadata.actor, e.metadata.actorName, e.metadata.role, e.metadata.boardId])).toEqual([
      ['kc-lan', 'Nguyễn Thị Lan', 'officer', 'BQL-HN'],
      ['kc-minh', 'Trần Văn Minh', 'officer', 'BQL-HN'],
    ]);
    const byName = await client(server.baseUrl, bearer('auditor')).get(`/api/v1/audit/log?actor=${encodeURIComponent('Trần Văn Minh')}`);
    expect(byName.body.items.map((e: { type: string }) => e.type)).toEqual(['CapitalIncreased']);
    const bySub = await client(server.baseUrl, bearer('auditor')).get('/api/v1/audit/log?actor=kc-lan');
    expect(bySub.body.items.map((e: { type: string }) => e.type)).toEqual(['CertificateIssued']);
  });

  it('a revoked officer is refused from the revocation date, whatever the token claims; the log is unchanged', async () => {
    now = new Date('2026-11-24T03:00:00Z');
    const revoked = await admin().post('/api/v1/users/kc-minh/revocation', { effectiveOn: '2026-11-25', reason: 'chuyển công tác' });
    expect(revoked.status).toBe(201);
    expect((await person('kc-minh').get('/api/v1/projects/2600000101')).status).toBe(200);
    now = new Date('2026-11-25T03:00:00Z');
    const before = await server.eventCount();
    const refusedActs = await metric('act_refused');
    const refused = await person('kc-minh').post('/api/v1/projects/2600000101/capital-increases', { amount: { vnd: '1000' }, effectiveOn: '2026-11-25', reason: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'USER_REVOKED', effectiveOn: '2026-11-25', reason: 'chuyển công tác' });
    expect(await server.eventCount()).toBe(before);
    expect(await metric('act_refused')).toBe(refusedActs + 1);
    const inVietnamese = await person('kc-minh').get('/api/v1/me', { 'accept-language': 'vi' });
    expect(inVietnamese.body).toMatchObject({ code: 'USER_REVOKED', title: 'Quyền truy cập đã bị thu hồi', detail: 'Quyền của tài khoản kc-minh đã bị thu hồi từ ngày 25/11/2026 (chuyển công tác).' });
    const asOf = await admin().get('/api/v1/users/kc-minh?asOf=2026-11-24');
    expect(asOf.body).toMatchObject({ status: 'granted', role: 'officer', boardId: 'BQL-HN', displayName: 'Trần Văn Minh' });
    expect((await admin().get('/api/v1/users/kc-minh')).body.status).toBe('revoked');
  });

  it("a dissolved board's officer is refused after its end date; the successor's officer starts on the merger date", async () => {
    now = new Date('2025-06-20T03:00:00Z');
    expect((await grant('kc-hb', 'Đinh Văn Hòa', 'BQL-HB', '2025-01-01')).status).toBe(201);
    expect((await grant('kc-pt', 'Hà Thị Phú', 'BQL-PT-2025', '2025-06-20')).status).toBe(201);
    expect((await person('kc-hb').get('/api/v1/projects/2600000101')).status).toBe(200);
    expect((await person('kc-pt').get('/api/v1/projects/2600000101')).body.code).toBe('USER_BOARD_NOT_STARTED');
    now = new Date('2025-07-01T03:00:00Z');
    const ended = await person('kc-hb').get('/api/v1/projects/2600000101');
    expect(ended.status).toBe(403);
    expect(ended.body).toMatchObject({ code: 'USER_BOARD_ENDED', boardId: 'BQL-HB', validTo: '2025-06-30', successorId: 'BQL-PT-2025' });
    expect((await person('kc-pt').get('/api/v1/me')).body).toEqual({ sub: 'kc-pt', role: 'officer', boardId: 'BQL-PT-2025', name: 'Hà Thị Phú' });
  });

  it('only admin manages the directory; bad grants are refused naming the field or rule, and append nothing', async () => {
    now = new Date('2026-11-24T03:00:00Z');
    const before = await server.eventCount();
    expect((await client(server.baseUrl, bearer('auditor')).post('/api/v1/users', { sub: 'x', displayName: 'X', role: 'analyst', validFrom: '2026-11-24' })).body.code).toBe('ROLE_NOT_ALLOWED');
    const invalid = await admin().post('/api/v1/users', { sub: 'x', displayName: 'X', role: 'superuser', validFrom: '2026-02-30' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['role', 'validFrom']);
    expect((await admin().post('/api/v1/users', { sub: 'x', displayName: 'X', role: 'officer', validFrom: '2026-11-24' })).body.code).toBe('USER_BOARD_REQUIRED');
    expect((await admin().post('/api/v1/users/kc-nobody/revocation', { effectiveOn: '2026-11-24', reason: 'x' })).status).toBe(404);
    expect((await admin().post('/api/v1/users/kc-lan/revocation', { effectiveOn: '2026-11-23', reason: 'x' })).body.code).toBe('USER_REVOCATION_BACKDATED');
    const preview = await admin().post('/api/v1/users?dryRun=true', { sub: 'kc-new', displayName: 'Ngô Văn Mới', role: 'auditor', validFrom: '2026-11-24' });
    expect(preview).toMatchObject({ status: 200, body: { dryRun: true, status: 'granted', role: 'auditor', events: [{ type: 'UserGranted' }] } });
    expect(await server.eventCount()).toBe(before);
    const list = await admin().get('/api/v1/users');
    expect(list.body.items.map((u: { sub: string; status: string }) => `${u.sub}:${u.status}`)).toEqual(['kc-hb:granted', 'kc-lan:granted', 'kc-minh:granted', 'kc-pt:granted']);
  });
});
