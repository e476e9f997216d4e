import { capitalChange, fdiCertificate } from '../support/certificates';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

/** Paged reads keep what was asked for from one page to the next; a format a route cannot answer is refused, not ignored. */
describe('paging and response formats (real server, real SQLite file)', () => {
  let server: LedgerServer;
  const hn = () => client(server.baseUrl, bearer('officer', 'BQL-HN'));
  const qn = () => client(server.baseUrl, bearer('officer', 'BQL-QN'));
  const auditor = () => client(server.baseUrl, bearer('auditor'));

  beforeAll(async () => {
    server = await startLedgerServer();
    // Given two boards recording acts in turn: 3 Hà Nội projects with 2 increases each, 3 Quảng Ninh projects
    for (let i = 0; i < 3; i++) {
      expect((await hn().post('/api/v1/projects', fdiCertificate(`210100000${i}`))).status).toBe(201);
      expect((await qn().post('/api/v1/projects', fdiCertificate(`220100000${i}`, { boardId: 'BQL-QN', zoneId: 'KCN-CAI-LAN' }))).status).toBe(201);
      for (const on of ['2016-06-01', '2017-02-01']) expect((await hn().post(`/api/v1/projects/210100000${i}/capital-increases`, capitalChange('23500000000', '1000000.00', on))).status).toBe(201);
    }
  });
  afterAll(() => server.close());

  /** Follows `next` from the first page, returning every page. */
  async function pages(path: string, base: string): Promise<any[]> {
    const out: any[] = [];
    for (let next: string | null = path; next; ) {
      const reply: { status: number; body: any } = await auditor().get(next);
      expect(reply.status).toBe(200);
      out.push(reply.body);
      next = reply.body.next ? `${base}${reply.body.next}` : null;
    }
    return out;
  }

  it('the audit log keeps its board filter on every page it links to', async () => {
    const all = await pages('/api/v1/audit/log?boardId=BQL-HN&limit=2', '/api/v1/audit/log');
    const items = all.flatMap((p) => p.items);
    expect(all.length).toBeGreaterThan(3);
    expect(items).toHaveLength(9);
    expect(new Set(items.map((e) => e.metadata.boardId))).toEqual(new Set(['BQL-HN']));
    expect(all[0].next).toMatch(/boardId=BQL-HN/);
    expect(all[0].next).toMatch(/limit=2/);
  });

  it('the audit log keeps actor and time filters too', async () => {
    const all = await pages(`/api/v1/audit/log?actor=officer-BQL-QN&from=2000-01-01T00:00:00Z&limit=1`, '/api/v1/audit/log');
    expect(all.flatMap((p) => p.items).map((e) => e.streamId)).toEqual(['project-2201000000', 'project-2201000001', 'project-2201000002']);
  });

  it("a project's history is paged by stream version, the default page holding the whole of it", async () => {
    const whole = await auditor().get('/api/v1/projects/2101000000/events');
    expect(whole.body.events.map((e: any) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(whole.body.next).toBeNull();
    const paged = await pages('/api/v1/projects/2101000000/events?limit=2', '/api/v1/projects/2101000000/events');
    expect(paged.map((p) => p.events.map((e: any) => e.streamVersion))).toEqual([[1, 2], [3]]);
    expect(paged[0].version).toBe(3);
    expect((await auditor().get('/api/v1/projects/2101000000/events?limit=0')).status).toBe(400);
  });

  it.each([
    ['/api/v1/projects/2101000000/events?format=csv', 'json'],
    ['/api/v1/projects/2101000000?format=xlsx', 'json'],
    ['/api/v1/audit/log?format=csv', 'json'],
    ['/api/v1/reports/narrative?from=2016-01-01&to=2016-12-31&format=csv', 'json, text, docx'],
    ['/api/v1/reports/valid-projects?format=pdf', 'json, csv, xlsx'],
  ])('%s is 400 FORMAT_NOT_SUPPORTED naming %s, and appends nothing', async (path, supported) => {
    const before = await server.eventCount();
    const reply = await auditor().get(path);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: 'FORMAT_NOT_SUPPORTED', supportedFormats: supported.split(', ') });
    expect(reply.body.detail).toContain(`supported formats: ${supported}`);
    expect(await server.eventCount()).toBe(before);
  });
});
