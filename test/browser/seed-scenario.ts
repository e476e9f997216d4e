import { bearer, client } from '../support/ledger-server';

/** The servers of these tests live on 1 February 2017: BQL-BG (merged in 2025) may still write. */
export const SCENARIO_NOW = () => new Date('2017-02-01T02:00:00Z');

/** USD "1234.50" → VND at 23,500 VND/USD, exactly (cents × 235). */
const vndOf = (usd: string) => (BigInt(usd.replace('.', '')) * 235n).toString();
const fdi = (usd: string) => ({ vnd: vndOf(usd), usd });

const certificate = (projectCode: string, over: Record<string, unknown>) => ({
  projectCode,
  boardId: 'BQL-BG',
  zoneId: 'KCN-QUANG-CHAU',
  projectName: `Dự án ${projectCode}`,
  investors: [{ name: 'ABC Electronics Co., Ltd.', country: 'KR' }],
  origin: 'FDI',
  objectives: 'Sản xuất linh kiện điện tử',
  durationYears: 50,
  ...over,
});

/**
 * A small Bắc Giang history (plus one Hà Nội project), written through the API as officers:
 *
 * 2015: FDI P1 10,000,000.00 USD (KCN Quang Châu, KR), DDI P2 50 bn VND (KCN Đình Trám); P1 realizes 1 M USD in 2015.
 * 2016: FDI P3 1,200,345,678.90 USD (KCN Vân Trung, JP), FDI P4 2,500,000.00 USD (terminated 1/12/2016, CN),
 *       DDI P5 1,234,550,000,000 VND; increases P1 +1,000,000 and +250,000 USD, P2 +10 bn VND;
 *       decrease P3 −345,678.90 USD; realized P1 3 M USD (2016-Q2), P2 20 bn VND (2016).
 * Hà Nội: FDI H1 5,000,000.00 USD issued 1/2/2016 (KCN Thăng Long, SG).
 *
 * So for BQL-BG in 2016: 3 new certificates (2 FDI 1,202,845,678.90 USD; 1 DDI 1,234,550,000,000 VND),
 * 4 adjustment occurrences (3 FDI, 1 DDI), added 1,250,000.00 USD and 10,000,000,000 VND; valid at
 * 31/12/2016: 2 FDI (1,211,250,000.00 USD), 2 DDI (1,294,550,000,000 VND); realized 2016 3 M USD and
 * 20 bn VND; cumulative realized 4 M USD and 20 bn VND. Dossiers of BQL-BG in 2016: 3 received (1 online),
 * 2 resolved (1 ahead, 1 on the deadline day), 1 overdue at 31/12/2016.
 */
export async function seedScenario(baseUrl: string): Promise<{ position: string }> {
  const bg = client(baseUrl, bearer('officer', 'BQL-BG'));
  const hn = client(baseUrl, bearer('officer', 'BQL-HN'));
  let position = '0';
  const ok = async (reply: Promise<{ status: number; body: any }>) => {
    const r = await reply;
    if (r.status !== 201) throw new Error(`seed write failed: ${r.status} ${JSON.stringify(r.body)}`);
    position = r.body.position;
    return r;
  };
  await ok(bg.post('/api/v1/projects', certificate('2101000001', { registeredCapital: { ...fdi('10000000.00'), exchangeRate: '23500' }, issuedOn: '2015-05-10' })));
  await ok(
    bg.post('/api/v1/projects', certificate('2101000002', { zoneId: 'KCN-DINH-TRAM', origin: 'DDI', investors: [{ name: 'Công ty CP Bao bì Việt', country: 'VN' }], registeredCapital: { vnd: '50000000000' }, issuedOn: '2015-08-01' })),
  );
  await ok(bg.post('/api/v1/projects/2101000001/realized-capital', { period: '2015', amount: fdi('1000000.00'), reportedOn: '2016-01-15' }));
  await ok(
    bg.post('/api/v1/projects', certificate('2101000003', { zoneId: 'KCN-VAN-TRUNG', investors: [{ name: 'Nippon Parts KK', country: 'JP' }], registeredCapital: { ...fdi('1200345678.90'), exchangeRate: '23500' }, issuedOn: '2016-03-15' })),
  );
  await ok(bg.post('/api/v1/projects', certificate('2101000004', { investors: [{ name: 'Shenzhen Tech Ltd', country: 'CN' }], registeredCapital: { ...fdi('2500000.00'), exchangeRate: '23500' }, issuedOn: '2016-04-20' })));
  await ok(
    bg.post('/api/v1/projects', certificate('2101000005', { zoneId: 'KCN-DINH-TRAM', origin: 'DDI', investors: [{ name: 'Công ty TNHH Cơ khí Bắc Giang', country: 'VN' }], registeredCapital: { vnd: '1234550000000' }, issuedOn: '2016-05-05' })),
  );
  await ok(bg.post('/api/v1/projects/2101000001/capital-increases', { amount: fdi('1000000.00'), effectiveOn: '2016-06-01', reason: 'Mở rộng sản xuất' }));
  await ok(bg.post('/api/v1/projects/2101000001/capital-increases', { amount: fdi('250000.00'), effectiveOn: '2016-09-01', reason: 'Bổ sung dây chuyền' }));
  await ok(bg.post('/api/v1/projects/2101000002/capital-increases', { amount: { vnd: '10000000000' }, effectiveOn: '2016-07-01', reason: 'Mở rộng kho' }));
  await ok(bg.post('/api/v1/projects/2101000003/capital-decreases', { amount: fdi('345678.90'), effectiveOn: '2016-10-01', reason: 'Thu hẹp quy mô' }));
  await ok(bg.post('/api/v1/projects/2101000001/realized-capital', { period: '2016-Q2', amount: fdi('3000000.00'), reportedOn: '2016-07-15' }));
  await ok(bg.post('/api/v1/projects/2101000002/realized-capital', { period: '2016', amount: { vnd: '20000000000' }, reportedOn: '2017-01-15' }));
  await ok(bg.post('/api/v1/projects/2101000004/termination', { ground: 'INVESTOR_DECISION', effectiveOn: '2016-12-01', decisionRef: '125/QĐ-BQL' }));
  await ok(
    hn.post('/api/v1/projects', certificate('2101000101', { boardId: 'BQL-HN', zoneId: 'KCN-THANG-LONG', investors: [{ name: 'Lion Holdings Pte', country: 'SG' }], registeredCapital: { ...fdi('5000000.00'), exchangeRate: '23500' }, issuedOn: '2016-02-01' })),
  );
  // One-stop desk, BQL-BG 2016 (ADJUST_IRC, committed 5 working days): D1 received 01/03, due 08/03, refused 04/03 (ahead);
  // D3 received 01/06, due 08/06, refused 08/06 (on time); D2 filed online 20/12, due 27/12, open at 31/12 (overdue).
  const dossier = (dossierId: string, receivedAt: string, channel: string) =>
    ok(bg.post('/api/v1/dossiers', { dossierId, procedureCode: 'ADJUST_IRC', boardId: 'BQL-BG', receivedAt, channel, applicant: { name: 'ABC Electronics Co., Ltd.', contact: 'abc@example.com' }, projectCode: '2101000001', documents: ['Văn bản đề nghị'] }));
  const refuse = (dossierId: string, resolvedAt: string) => ok(bg.post(`/api/v1/dossiers/${dossierId}/resolution`, { resolvedAt, outcome: 'REFUSED', reason: 'Hồ sơ không đủ điều kiện' }));
  await dossier('BG-2016-D1', '2016-03-01T09:00:00+07:00', 'DESK');
  await refuse('BG-2016-D1', '2016-03-04T15:00:00+07:00');
  await dossier('BG-2016-D3', '2016-06-01T09:00:00+07:00', 'POST');
  await refuse('BG-2016-D3', '2016-06-08T15:00:00+07:00');
  await dossier('BG-2016-D2', '2016-12-20T09:00:00+07:00', 'ONLINE_FULL');
  return { position };
}
