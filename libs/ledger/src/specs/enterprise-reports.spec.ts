import { fdiIssued } from '../../../domain/src/testing/fixtures';
import { recordEnterpriseReport, type EnterpriseReportFiling } from '../enterprise-report/record-enterprise-report';
import { recordProjectAct } from '../project/record-project-act';
import { contextOf, officerOf, writePath } from '../testing/write-path';

const officer = officerOf('BQL-HN');
const issue = { type: 'IssueCertificate' as const, projectCode: fdiIssued.projectCode, data: { ...fdiIssued, boardId: 'BQL-HN', zoneId: 'KCN-THANG-LONG' } };
const filing = (extra: Partial<EnterpriseReportFiling> = {}): EnterpriseReportFiling => ({
  projectCode: fdiIssued.projectCode,
  period: '2016',
  filedOn: '2017-01-20',
  revenue: { usd: '1000000.00' },
  employees: 50,
  ...extra,
});

/** Enterprise reports go through the one write path, decided with the project as its stream records it. */
describe('enterprise reports through the write path', () => {
  it('files on the stream of the project and period, with the acting board in metadata', async () => {
    const deps = writePath();
    await recordProjectAct(deps, issue, contextOf(officer));
    const outcome = await recordEnterpriseReport(deps, filing(), contextOf(officer));
    const [event] = await deps.store.readStream(`enterprise-report-${fdiIssued.projectCode}-2016`);
    expect(outcome.streamVersion).toBe(1n);
    expect(event).toMatchObject({ type: 'EnterpriseReportFiled', data: { revision: 1, employees: 50 }, metadata: { boardId: 'BQL-HN', command: 'FileEnterpriseReport' } });
  });

  it('an unknown project is PROJECT_NOT_FOUND and nothing is appended', async () => {
    const deps = writePath();
    await expect(recordEnterpriseReport(deps, filing(), contextOf(officer))).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect(await deps.store.count()).toBe(0n);
  });

  it('a period ending before the issuance (15/03/2016) is refused and nothing is appended', async () => {
    const deps = writePath();
    await recordProjectAct(deps, issue, contextOf(officer));
    await expect(recordEnterpriseReport(deps, filing({ period: '2015', filedOn: '2016-03-20' }), contextOf(officer))).rejects.toMatchObject({ code: 'PERIOD_BEFORE_ISSUANCE' });
    expect(await deps.store.count()).toBe(1n);
  });

  it('an officer of another board may not file for the project', async () => {
    const deps = writePath();
    await recordProjectAct(deps, issue, contextOf(officer));
    await expect(recordEnterpriseReport(deps, filing(), contextOf(officerOf('BQL-BN-2025')))).rejects.toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
    expect(await deps.store.count()).toBe(1n);
  });
});
