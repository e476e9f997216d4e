import { ddiIssued } from '../../domain/src/testing/fixtures';
import { MemoryEventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';
import { ReferenceData } from '@ledger/reference-data';
import { checkRateTable } from './exchange-rates';
import { operationsReport } from './operations';
import { unitsOf } from './units';

const units = unitsOf(ReferenceData.load());
const rates = checkRateTable(
  { source: 'approximate annual average, not an official rate', rates: { '2016': '22300' }, boards: { 'BQL-HN': { source: 'Cục Thống kê Hà Nội', rates: { '2016': '22350' } } } },
  'config/exchange-rates.json',
);

/**
 * Given two domestic enterprises, of Hà Nội (whose board publishes its own rate) and of Hải Phòng,
 * each filing its 2016 exports in VND only: in one currency (exports in USD) each is converted at its
 * board's rate, and the report states both conversions with their sources.
 */
it('operations in one currency: a board’s own rate converts its projects’ figures, each conversion with its source', async () => {
  const store = new MemoryEventStore(() => new Date('2017-02-01T03:00:00Z'));
  const runner = new ProjectionRunner(store, ':memory:', allProjections());
  const enterprises = [
    { code: '2600000001', boardId: 'BQL-HN', zoneId: 'KCN-THANG-LONG', exportsVnd: '22350000000' },
    { code: '2600000002', boardId: 'BQL-HP', zoneId: 'KCN-DINH-VU', exportsVnd: '22300000000' },
  ];
  for (const e of enterprises) {
    await store.append(`project-${e.code}`, [{ eventId: `${e.code}-1`, type: 'CertificateIssued', data: { ...ddiIssued, projectCode: e.code, boardId: e.boardId, zoneId: e.zoneId } as never, metadata: {} }], 'no_stream');
    const filing = { projectCode: e.code, period: '2016', filedOn: '2017-01-20', exportValue: { vnd: e.exportsVnd }, employees: 10, revision: 1 };
    await store.append(`enterprise-report-${e.code}-2016`, [{ eventId: `${e.code}-r`, type: 'EnterpriseReportFiled', data: filing as never, metadata: {} }], 'no_stream');
  }
  await runner.catchUp();
  const report = operationsReport(runner.db, units, { from: '2016-01-01', to: '2016-12-31', filters: {}, groupBy: [], presentation: 'oneCurrency', rates });
  // 22,350,000,000 VND at 22,350 and 22,300,000,000 VND at 22,300: one million USD each.
  expect((report.total as { all: { current: { exportValue: unknown } } }).all.current.exportValue).toEqual({ currency: 'USD', amount: '2000000.00' });
  expect(report.conversions).toEqual([
    { period: '2016', rateKey: '2016', vndPerUsd: '22300', source: 'approximate annual average, not an official rate', from: 'VND', to: 'USD', figures: 1 },
    { period: '2016', rateKey: '2016', vndPerUsd: '22350', source: 'Cục Thống kê Hà Nội', boardId: 'BQL-HN', from: 'VND', to: 'USD', figures: 1 },
  ]);
  runner.db.close();
});
