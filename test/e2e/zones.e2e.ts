import { parse } from 'csv-parse/sync';
import { mintToken } from '../../apps/ledger-api/src/auth/tokens';
import { runScenario } from '../scenarios/run-scenario';
import { certificate, prng, post } from '../scenarios/scenario';
import { RRD_ZONES_2016 as Z, zonesRedRiverDelta2016 } from '../scenarios/zones-red-river-delta-2016';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const ha = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
const tokenFor = (boardId: string) => mintToken(TEST_JWT_SECRET, { sub: `officer-${boardId}`, role: 'officer', boardId }, '1h');

describe('zones: Red River Delta at the end of 2016 (seed 001)', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let position: string;

  beforeAll(async () => {
    server = await startLedgerServer({}, () => new Date('2017-06-01T02:00:00Z'));
    analyst = client(server.baseUrl, bearer('analyst'));
    position = await runScenario(server.baseUrl, zonesRedRiverDelta2016(), tokenFor, '2017-06-01');
  }, 300_000);
  afterAll(() => server.close());

  const report = (query: string) => analyst.get(`/api/v1/reports/zones?regionId=RRD&minPosition=${position}&${query}`);

  it('135 zones with 46,063.9 ha; 65 operating with 14,085.4 ha; 29 building with 9,204.8 ha; 54 with a central wastewater plant', async () => {
    const { status, body } = await report('asOf=2016-12-31');
    expect(status).toBe(200);
    expect(body.total).toMatchObject({
      zones: 135,
      naturalAreaHa: ha(Z.naturalArea),
      byStatus: { OPERATING: { zones: 65, naturalAreaHa: ha(Z.operating.naturalArea) }, BUILDING: { zones: 29, naturalAreaHa: ha(Z.building.naturalArea) }, PLANNED: { zones: 41 } },
      withWastewaterPlant: 54,
    });
    expect(body.total.naturalAreaHa).toBe('46063.90');
  });

  it('what happened in 2017 (zones starting to operate, a plant, an expansion) shows in 2017 only', async () => {
    const { body } = await report('asOf=2017-05-31');
    expect(body.total.byStatus.OPERATING.zones).toBeGreaterThan(65);
    expect(body.total.withWastewaterPlant).toBe(55);
    expect(BigInt(body.total.naturalAreaHa.replace('.', ''))).toBe(Z.naturalArea + 5000n);
  });

  it('as CSV: one row per zone, the same as the JSON', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/reports/zones?regionId=RRD&asOf=2016-12-31&format=csv`, { headers: bearer('analyst') });
    const rows = parse(Buffer.from(await r.arrayBuffer()), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const { body } = await report('asOf=2016-12-31');
    expect(rows).toHaveLength(135);
    expect(rows.map((z) => [z.zoneId, z.status, z.naturalAreaHa])).toEqual(body.zones.map((z: Record<string, string>) => [z.zoneId, z.status, z.naturalAreaHa]));
  });

  it('grouped by board: 11 boards adding up to the region', async () => {
    const { body } = await report('asOf=2016-12-31&groupBy=board');
    expect(body.groups).toHaveLength(11);
    expect(body.groups.reduce((n: number, g: { zones: number }) => n + g.zones, 0)).toBe(135);
  });

  it('known before any zone was recorded: nothing; a rebuild from position 0 gives the same report', async () => {
    expect((await report('asOf=2016-12-31&knownAt=2017-05-01T00:00:00Z')).body.total.zones).toBe(0);
    const before = (await report('asOf=2016-12-31&groupBy=board')).body;
    await server.runner().rebuild();
    expect((await report('asOf=2016-12-31&groupBy=board')).body).toEqual(before);
  });
});

/**
 * Occupancy (tỷ lệ lấp đầy) = leased industrial land of the projects valid on the date / leasable
 * industrial land; over several zones, summed over those operating on the date.
 */
describe('occupancy as of a date, with a zone moving from building to operating in the period', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let now = new Date('2017-02-01T02:00:00Z');
  let position: string;
  const rng = prng(7);
  const project = (code: string, zoneId: string, landAreaM2: string, issuedOn: string) => post('/projects', 'BQL-HN', { ...certificate(rng, { code, boardId: 'BQL-HN', zoneId, origin: 'DDI', capital: 100_000_000_000n, issuedOn }), landAreaM2 });
  const zone = (zoneId: string, decidedOn: string, naturalAreaHa: string, leasableLandHa: string) => ({ method: 'POST' as const, path: '/zones', boardId: 'BQL-HN', effectiveOn: decidedOn, body: { zoneId, boardId: 'BQL-HN', kind: 'KCN', nameVi: zoneId, decisionRef: '1/QĐ-TTg', decidedOn, naturalAreaHa, leasableLandHa } });
  const status = (zoneId: string, s: string, effectiveOn: string) => ({ method: 'POST' as const, path: `/zones/${zoneId}/status`, boardId: 'BQL-HN', effectiveOn, body: { status: s, effectiveOn } });

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    analyst = client(server.baseUrl, bearer('analyst'));
    position = await runScenario(
      server.baseUrl,
      [
        zone('KCN-THANG-LONG', '1997-11-26', '302', '200'),
        status('KCN-THANG-LONG', 'BUILDING', '1998-06-01'),
        status('KCN-THANG-LONG', 'OPERATING', '2000-01-01'),
        zone('KCN-NOI-BAI', '2012-05-01', '150', '100'),
        status('KCN-NOI-BAI', 'BUILDING', '2014-03-01'),
        status('KCN-NOI-BAI', 'OPERATING', '2016-07-01'),
        project('2500000001', 'KCN-THANG-LONG', '500000', '2010-03-01'), // 50 ha
        project('2500000002', 'KCN-THANG-LONG', '300000', '2015-05-01'), // 30 ha, terminated 2016-10-01
        project('2500000003', 'KCN-NOI-BAI', '250000', '2016-03-01'), // 25 ha, leased while the zone was still building
        post('/projects/2500000002/termination', 'BQL-HN', { ground: 'INVESTOR_DECISION', effectiveOn: '2016-10-01', decisionRef: '77/QĐ-BQL' }),
        post('/projects/2500000001/adjustments', 'BQL-HN', { changes: { landAreaM2: '600000' }, effectiveOn: '2016-09-01', reason: 'Thuê thêm đất' }), // 60 ha
      ],
      tokenFor,
      '2017-02-01',
    );
  }, 120_000);
  afterAll(() => server.close());

  const zones = async (asOf: string) => (await analyst.get(`/api/v1/reports/zones?boardId=BQL-HN&asOf=${asOf}&minPosition=${position}`)).body;
  const zoneOf = (body: { zones: { zoneId: string }[] }, id: string) => body.zones.find((z) => z.zoneId === id);

  it('30/06/2016: Thăng Long 80 ha of 200 (40.0 %); Nội Bài still building, so the board’s occupancy is Thăng Long’s alone', async () => {
    const body = await zones('2016-06-30');
    expect(zoneOf(body, 'KCN-THANG-LONG')).toMatchObject({ status: 'OPERATING', leasedLandHa: '80.00', leasableLandHa: '200.00', occupancyPct: '40.0', projects: 2 });
    expect(zoneOf(body, 'KCN-NOI-BAI')).toMatchObject({ status: 'BUILDING', statusSince: '2014-03-01', leasedLandHa: '25.00', occupancyPct: '25.0' });
    expect(body.total.occupancy).toEqual({ leasedLandHa: '80.00', leasableLandHa: '200.00', occupancyPct: '40.0' });
  });

  it('31/12/2016: Nội Bài operates since 01/07; Thăng Long 60 ha after the termination and the adjustment; the board 85 of 300 ha (28.3 %)', async () => {
    const body = await zones('2016-12-31');
    expect(zoneOf(body, 'KCN-NOI-BAI')).toMatchObject({ status: 'OPERATING', statusSince: '2016-07-01' });
    expect(zoneOf(body, 'KCN-THANG-LONG')).toMatchObject({ leasedLandHa: '60.00', occupancyPct: '30.0', projects: 1 });
    expect(body.total.occupancy).toEqual({ leasedLandHa: '85.00', leasableLandHa: '300.00', occupancyPct: '28.3' });
  });

  it('the same occupancy after rebuilding every read model from position 0', async () => {
    const before = [await zones('2016-06-30'), await zones('2016-12-31')];
    await server.runner().rebuild();
    expect([await zones('2016-06-30'), await zones('2016-12-31')]).toEqual(before);
  });

  describe('bad input is a problem+json 4xx and the log is unchanged', () => {
    it.each([
      ['a status moving backwards', '/zones/KCN-NOI-BAI/status', { status: 'BUILDING', effectiveOn: '2016-12-01' }, 422, 'ZONE_STATUS_BACKWARDS'],
      ['a zone that was never established', '/zones/KCN-QUANG-MINH/status', { status: 'BUILDING', effectiveOn: '2016-12-01' }, 422, 'ZONE_UNKNOWN'],
      ['leasable land above the natural area', '/zones', { zoneId: 'KCN-HN-09', boardId: 'BQL-HN', kind: 'KCN', nameVi: 'KCN 9', decisionRef: '1/QĐ', decidedOn: '2016-01-01', naturalAreaHa: '10', leasableLandHa: '11' }, 422, 'LEASABLE_EXCEEDS_NATURAL'],
      ['a zone of config/ under another board', '/zones', { zoneId: 'KCN-DINH-VU', boardId: 'BQL-HN', kind: 'KCN', nameVi: 'KCN', decisionRef: '1/QĐ', decidedOn: '2016-01-01', naturalAreaHa: '10', leasableLandHa: '5' }, 422, 'ZONE_NOT_IN_BOARD'],
      ['an area with three decimals', '/zones/KCN-NOI-BAI/areas', { naturalAreaHa: '10.123', leasableLandHa: '5', effectiveOn: '2016-12-01', decisionRef: '2/QĐ' }, 400, 'VALIDATION_FAILED'],
    ])('%s', async (_name, path, body, status, code) => {
      const before = await server.eventCount();
      const reply = await client(server.baseUrl, { authorization: `Bearer ${tokenFor('BQL-HN')}` }).post(`/api/v1${path}`, body);
      expect([reply.status, reply.body.code]).toEqual([status, code]);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(await server.eventCount()).toBe(before);
    });
  });

  it('an admin establishes the zones of config/ the ledger does not hold yet; a second run changes nothing', async () => {
    const admin = client(server.baseUrl, bearer('admin'));
    const before = await server.eventCount();
    const first = await admin.post('/api/v1/zones/reference-import', { establishedOn: '2005-01-01', operatingFrom: '2006-01-01' });
    expect(first.status).toBe(201);
    expect(first.body.alreadyInLedger).toEqual(['KCN-THANG-LONG', 'KCN-NOI-BAI']);
    expect(first.body.established).toContain('KCN-QUANG-MINH');
    expect(await server.eventCount()).toBe(before + 2 * first.body.established.length);
    const again = await admin.post('/api/v1/zones/reference-import', { establishedOn: '2005-01-01', operatingFrom: '2006-01-01' });
    expect([again.status, again.body.established]).toEqual([200, []]);
    expect(await server.eventCount()).toBe(before + 2 * first.body.established.length);
    const body = (await analyst.get(`/api/v1/reports/zones?boardId=BQL-HN&asOf=2016-12-31&minPosition=${await server.store.headPosition()}`)).body;
    expect(zoneOf(body, 'KCN-QUANG-MINH')).toMatchObject({ status: 'OPERATING', statusSince: '2006-01-01', leasableLandHa: expect.stringMatching(/^\d+\.\d\d$/) });
    const officer = await client(server.baseUrl, { authorization: `Bearer ${tokenFor('BQL-HN')}` }).post('/api/v1/zones/reference-import', { establishedOn: '2005-01-01' });
    expect([officer.status, officer.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await server.eventCount()).toBe(before + 2 * first.body.established.length);
  });
});

/**
 * Occupancy on D as known at T: the projects' land as recorded by T, not as known now. A land
 * adjustment recorded later, and a correction of it recorded later still, leave the earlier
 * knownAt figures as they were.
 */
describe('occupancy as known at a time: later land adjustments and corrections do not change it', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let now = new Date('2017-02-01T02:00:00Z');
  let position: string;
  const rng = prng(11);
  const zone = { zoneId: 'KCN-THANG-LONG', boardId: 'BQL-HN', kind: 'KCN', nameVi: 'KCN Thăng Long', decisionRef: '1/QĐ-TTg', decidedOn: '1997-11-26', naturalAreaHa: '302', leasableLandHa: '200' };
  const steps = async (at: string, list: Parameters<typeof runScenario>[1]) => {
    now = new Date(at);
    position = await runScenario(server.baseUrl, list, tokenFor, at.slice(0, 10));
  };

  beforeAll(async () => {
    server = await startLedgerServer({}, () => now);
    analyst = client(server.baseUrl, bearer('analyst'));
    await steps('2017-02-01T02:00:00Z', [
      { method: 'POST', path: '/zones', boardId: 'BQL-HN', effectiveOn: zone.decidedOn, body: zone },
      { method: 'POST', path: '/zones/KCN-THANG-LONG/status', boardId: 'BQL-HN', effectiveOn: '2000-01-01', body: { status: 'OPERATING', effectiveOn: '2000-01-01' } },
      post('/projects', 'BQL-HN', { ...certificate(rng, { code: '2500000011', boardId: 'BQL-HN', zoneId: 'KCN-THANG-LONG', origin: 'DDI', capital: 100_000_000_000n, issuedOn: '2010-03-01' }), landAreaM2: '500000' }), // 50 ha
    ]);
    // Recorded in March, back-dated to September 2016: 60 ha.
    await steps('2017-03-01T02:00:00Z', [post('/projects/2500000011/adjustments', 'BQL-HN', { changes: { landAreaM2: '600000' }, effectiveOn: '2016-09-01', reason: 'Thuê thêm đất' })]);
    // Recorded in April: the adjustment said 70 ha (version 2 of the project corrected).
    await steps('2017-04-01T02:00:00Z', [
      { method: 'POST', path: '/projects/2500000011/corrections', boardId: 'BQL-HN', effectiveOn: '2016-09-01', body: { correctsVersion: 2, correctedData: { changes: { landAreaM2: '700000' } }, reason: 'Diện tích theo hợp đồng thuê đất' } },
    ]);
  }, 120_000);
  afterAll(() => server.close());

  const occupancy = async (knownAt?: string) => {
    const { body } = await analyst.get(`/api/v1/reports/zones?boardId=BQL-HN&asOf=2016-12-31&minPosition=${position}${knownAt ? `&knownAt=${knownAt}` : ''}`);
    return [body.zones[0].leasedLandHa, body.zones[0].occupancyPct, body.total.occupancy.occupancyPct];
  };
  const asKnown = () => Promise.all([occupancy('2017-02-15T00:00:00Z'), occupancy('2017-03-15T00:00:00Z'), occupancy()]);

  it('known on 15/02: 50 ha (25.0 %); on 15/03, after the adjustment: 60 ha (30.0 %); now, after the correction: 70 ha (35.0 %)', async () => {
    expect(await asKnown()).toEqual([
      ['50.00', '25.0', '25.0'],
      ['60.00', '30.0', '30.0'],
      ['70.00', '35.0', '35.0'],
    ]);
  });

  it('the same three figures after rebuilding every read model from position 0', async () => {
    const before = await asKnown();
    await server.runner().rebuild();
    expect(await asKnown()).toEqual(before);
  });
});
