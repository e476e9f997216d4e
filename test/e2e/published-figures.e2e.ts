import { mintToken } from '../../apps/ledger-api/src/auth/tokens';
import { NORTHERN_MIDLANDS_2016 as NMM, RED_RIVER_DELTA_2016 as P } from '../scenarios/published-figures';
import { northernMidlands2016 } from '../scenarios/northern-midlands-2016';
import { redRiverDelta2016 } from '../scenarios/red-river-delta-2016';
import { TEST_JWT_SECRET, bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';
import { runScenario } from '../scenarios/run-scenario';

const usd = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
const vnd = (dong: bigint) => dong.toString();

/**
 * Seed 001 — "Kết quả thu hút đầu tư vào các KCN, KCX, KKT của 11 tỉnh, thành phố khu vực đồng bằng
 * sông Hồng năm 2016" — recorded act by act through the HTTP API in February 2017, then read back
 * from the reports exactly as published.
 */
describe('published figures: Red River Delta 2016 (seed 001)', () => {
  let server: LedgerServer;
  let analyst: ReturnType<typeof client>;
  let position: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    server = await startLedgerServer({}, () => new Date('2017-02-01T02:00:00Z'));
    analyst = client(server.baseUrl, bearer('analyst'));
    const tokenFor = (boardId: string) => {
      if (!tokens.has(boardId)) tokens.set(boardId, mintToken(TEST_JWT_SECRET, { sub: `officer-${boardId}`, role: 'officer', boardId }, '1h'));
      return tokens.get(boardId) as string;
    };
    position = await runScenario(server.baseUrl, [...redRiverDelta2016(), ...northernMidlands2016()], tokenFor, '2017-02-01');
  }, 300_000);
  afterAll(() => server.close());

  const activity = () => analyst.get(`/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&regionId=RRD&minPosition=${position}`);
  const valid = () => analyst.get(`/api/v1/reports/valid-projects?asOf=2016-12-31&regionId=RRD&minPosition=${position}`);

  it('375 new IRCs: 257 FDI with 4,841.2 M USD and 118 DDI with 33,009.6 bn VND', async () => {
    const { body } = await activity();
    expect(body.total.FDI.current.newCertificates).toEqual({ count: 257, capital: { currency: 'USD', amount: usd(P.newCertificates.FDI.capital) } });
    expect(body.total.DDI.current.newCertificates).toEqual({ count: 118, capital: { currency: 'VND', amount: vnd(P.newCertificates.DDI.capital) } });
    expect(body.total.FDI.current.newCertificates.capital.amount).toBe('4841200000.00');
  });

  it('928 adjustment occurrences (742 FDI, 186 DDI) adding 1,550.3 M USD and 9,766.8 bn VND', async () => {
    const { body } = await activity();
    expect(body.total.FDI.current.adjustmentOccurrences + body.total.DDI.current.adjustmentOccurrences).toBe(928);
    expect(body.total.FDI.current.adjustmentOccurrences).toBe(742);
    expect(body.total.DDI.current.adjustmentOccurrences).toBe(186);
    expect(body.total.FDI.current.increases.capital.amount).toBe('1550300000.00');
    expect(body.total.DDI.current.increases.capital.amount).toBe('9766800000000');
    // several adjustments of the same project: fewer distinct projects than occurrences
    expect(body.total.FDI.current.projectsAdjusted).toBeLessThan(742);
  });

  it('valid at 31/12/2016: 2,034 FDI and 1,611 DDI with 41,552.9 M USD and 255,854.2 bn VND', async () => {
    const { body } = await valid();
    expect(body.total.FDI).toMatchObject({ validProjects: 2034, registeredCapital: { currency: 'USD', amount: '41552900000.00' } });
    expect(body.total.DDI).toMatchObject({ validProjects: 1611, registeredCapital: { currency: 'VND', amount: '255854200000000' } });
  });

  it('realized 2,367.4 M USD and 8,849.3 bn VND in 2016; cumulative 23,255.3 M USD (56.0 %) and 117,412.5 bn VND (45.9 %)', async () => {
    const [a, v] = [await activity(), await valid()];
    expect(a.body.total.FDI.current.realizedCapital.amount).toBe('2367400000.00');
    expect(a.body.total.DDI.current.realizedCapital.amount).toBe('8849300000000');
    expect(v.body.total.FDI).toMatchObject({ realizedCapital: { amount: '23255300000.00' }, realizationRatioPct: '56.0' });
    expect(v.body.total.DDI).toMatchObject({ realizedCapital: { amount: '117412500000000' }, realizationRatioPct: '45.9' });
  });

  it('acts of 01/01/2017 count in 2017, not in 2016', async () => {
    const { body } = await analyst.get('/api/v1/reports/activity?from=2017-01-01&to=2017-01-01&regionId=RRD');
    expect(body.total.FDI.current.newCertificates.count).toBe(1);
    expect(body.total.FDI.current.increases.count).toBe(1);
    expect(body.total.DDI.current.newCertificates.count).toBe(1);
  });

  it('the figures are the same after rebuilding every read model from position 0', async () => {
    const before = [(await activity()).body, (await valid()).body, (await analyst.get('/api/v1/reports/valid-projects?asOf=2016-12-31&groupBy=board,origin')).body];
    await server.runner().rebuild();
    const after = [(await activity()).body, (await valid()).body, (await analyst.get('/api/v1/reports/valid-projects?asOf=2016-12-31&groupBy=board,origin')).body];
    expect(after).toEqual(before);
  });
});

describe('published figures: Northern midlands and mountains 2016 (seed 000), per board', () => {
  let server: LedgerServer;
  let groups: Record<string, { FDI: { current: any }; DDI: { current: any } }>;

  beforeAll(async () => {
    server = await startLedgerServer({}, () => new Date('2017-02-01T02:00:00Z'));
    const token = (boardId: string) => mintToken(TEST_JWT_SECRET, { sub: `officer-${boardId}`, role: 'officer', boardId }, '1h');
    const position = await runScenario(server.baseUrl, northernMidlands2016(), token, '2017-02-01');
    const { body } = await client(server.baseUrl, bearer('analyst')).get(`/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&regionId=NMM&groupBy=board&minPosition=${position}`);
    expect(body.units.mode).toBe('historical');
    groups = Object.fromEntries(body.groups.map((g: { key: { boardId: string } }) => [g.key.boardId, g]));
  }, 120_000);
  afterAll(() => server.close());

  it('Bắc Giang: 44 new IRCs (13 DDI, 31 FDI), 840.37 M USD and 3,214.7 bn VND', () => {
    const bg = groups['BQL-BG'];
    expect([bg.FDI.current.newCertificates.count, bg.DDI.current.newCertificates.count]).toEqual([31, 13]);
    expect(bg.FDI.current.newCertificates.capital.amount).toBe(usd(NMM['BQL-BG'].newCapitalUSD));
    expect(bg.FDI.current.newCertificates.capital.amount).toBe('840370000.00');
    expect(bg.DDI.current.newCertificates.capital.amount).toBe('3214700000000');
  });

  it('Thái Nguyên: 30 new (8 DDI, 22 FDI); 38 projects adjusted, 13 increases and 1 decrease; new + added 1,203.87 bn VND and 150.149 M USD', () => {
    const tn = groups['BQL-TN'];
    expect([tn.FDI.current.newCertificates.count, tn.DDI.current.newCertificates.count]).toEqual([22, 8]);
    expect(tn.FDI.current.projectsAdjusted + tn.DDI.current.projectsAdjusted).toBe(38);
    expect(tn.FDI.current.increases.count + tn.DDI.current.increases.count).toBe(13);
    expect(tn.FDI.current.decreases.count + tn.DDI.current.decreases.count).toBe(1);
    expect(tn.DDI.current.newAndAddedCapital.amount).toBe('1203870000000');
    expect(tn.FDI.current.newAndAddedCapital.amount).toBe('150149000.00');
  });

  it('Phú Thọ: 30 new (16 DDI, 14 FDI), 4,336.8 bn VND and 131.8 M USD; Yên Bái: 6 new, 1,845 bn VND', () => {
    const [pt, yb] = [groups['BQL-PT'], groups['BQL-YB']];
    expect([pt.FDI.current.newCertificates.count, pt.DDI.current.newCertificates.count]).toEqual([14, 16]);
    expect([pt.DDI.current.newCertificates.capital.amount, pt.FDI.current.newCertificates.capital.amount]).toEqual(['4336800000000', '131800000.00']);
    expect(yb.DDI.current.newCertificates).toEqual({ count: 6, capital: { currency: 'VND', amount: '1845000000000' } });
  });
});
