import { RuleCode } from '../../errors';
import { expectRuleViolation } from '../../testing/rule-violation';
import { decideEnterpriseReport } from '../decide';
import { evolveEnterpriseReport, initialEnterpriseReportState } from '../state';
import type { EnterpriseReportEvent, FileEnterpriseReport, ReportedProject } from '../types';

const TODAY = '2017-02-01';
const project: ReportedProject = { issuedOn: '2016-03-15' };
const file = (data: Partial<FileEnterpriseReport['data']> = {}): FileEnterpriseReport => ({
  type: 'FileEnterpriseReport',
  today: TODAY,
  data: {
    projectCode: '2101234567',
    period: '2016',
    filedOn: '2017-01-20',
    revenue: { vnd: '223000000000', usd: '10000000.00' },
    exportValue: { usd: '8000000.00' },
    employees: 420,
    foreignEmployees: 12,
    newJobs: 420,
    ...data,
  },
});

/** given(filings of this project and period) / when(filing) / then(events) or thenRejects(code). */
function given(...history: EnterpriseReportEvent[]) {
  const state = history.reduce(evolveEnterpriseReport, initialEnterpriseReportState);
  return {
    /** `of`: the project as recorded; 'unissued' when no certificate carries the code. */
    when: (command: FileEnterpriseReport, recorded: ReportedProject | 'unissued' = project) => {
      const of = recorded === 'unissued' ? undefined : recorded;
      return {
        then: (expected: EnterpriseReportEvent[]) => expect(decideEnterpriseReport(command, state, of)).toEqual(expected),
        thenRejects: (code: RuleCode, mention?: string) => expectRuleViolation(() => decideEnterpriseReport(command, state, of), code, mention),
      };
    },
  };
}

const filed = (data: Partial<FileEnterpriseReport['data']> = {}, revision = 1): EnterpriseReportEvent => ({ type: 'EnterpriseReportFiled', data: { ...file(data).data, revision } });

describe('FileEnterpriseReport', () => {
  it('records the figures as filed (VND, USD or both) as revision 1', () => given().when(file()).then([filed()]));

  it('a second filing for the same period supersedes the first as revision 2; both stay in the stream', () =>
    given(filed()).when(file({ filedOn: '2017-01-25', employees: 430 })).then([filed({ filedOn: '2017-01-25', employees: 430 }, 2)]));

  it('refuses a refiling that repeats the last one', () => given(filed()).when(file({ filedOn: '2017-01-25' })).thenRejects(RuleCode.NO_CHANGES));

  it('refuses negative employees, foreign employees or new jobs', () => {
    given().when(file({ employees: -1 })).thenRejects(RuleCode.FIGURE_NEGATIVE, 'employees');
    given().when(file({ foreignEmployees: -3 })).thenRejects(RuleCode.FIGURE_NEGATIVE, 'foreignEmployees');
    given().when(file({ newJobs: -5 })).thenRejects(RuleCode.FIGURE_NEGATIVE, 'newJobs');
  });

  it('refuses more foreign employees than employees, and fractional head counts', () => {
    given().when(file({ employees: 10, foreignEmployees: 11 })).thenRejects(RuleCode.FOREIGN_EXCEEDS_EMPLOYEES);
    given().when(file({ employees: 10.5 })).thenRejects(RuleCode.AMOUNT_INVALID);
  });

  it('refuses a period that ended before the certificate was issued; the period of issuance is fine', () => {
    given().when(file({ period: '2016-Q1', filedOn: '2016-04-05' }), { issuedOn: '2016-04-01' }).thenRejects(RuleCode.PERIOD_BEFORE_ISSUANCE, '2016-04-01');
    given().when(file({ period: '2016-Q2', filedOn: '2016-07-05' }), { issuedOn: '2016-04-01' }).then([filed({ period: '2016-Q2', filedOn: '2016-07-05' })]);
  });

  it('an unknown project is PROJECT_NOT_FOUND', () => given().when(file(), 'unissued').thenRejects(RuleCode.PROJECT_NOT_FOUND));

  it('refuses a period that has not ended when filed, a future filing date and a period after termination', () => {
    given().when(file({ filedOn: '2016-12-31' })).thenRejects(RuleCode.PERIOD_NOT_ENDED);
    given().when(file({ filedOn: '2017-02-02' })).thenRejects(RuleCode.FUTURE_DATED);
    given().when(file({ period: '2016-Q4', filedOn: '2017-01-05' }), { issuedOn: '2016-03-15', terminatedOn: '2016-09-01' }).thenRejects(RuleCode.PROJECT_TERMINATED);
  });

  it('accepts years and quarters only, and money with at least one currency', () => {
    given().when(file({ period: '2016-H1' })).thenRejects(RuleCode.PERIOD_INVALID);
    given().when(file({ revenue: {} })).thenRejects(RuleCode.AMOUNT_INVALID);
    given().when(file({ budgetPaid: { vnd: '-5' } })).thenRejects(RuleCode.AMOUNT_INVALID);
  });
});
