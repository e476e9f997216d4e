import type { ProjectCommand } from '../../commands';
import { RuleCode } from '../../errors';
import type { ProjectEvent } from '../../events';
import { TODAY, issued } from '../../testing/fixtures';
import { given } from '../../testing/decider-spec';

const terminated: ProjectEvent = { type: 'ProjectTerminated', data: { ground: 'NO_DEPOSIT', effectiveOn: '2018-05-01', decisionRef: '45/QĐ-BQL' } };
const suspended: ProjectEvent = { type: 'ProjectSuspended', data: { ground: 'ENVIRONMENTAL_VIOLATION', effectiveOn: '2017-02-01', decisionRef: '7/QĐ-BQL' } };

const adjust = (changes: object, effectiveOn = '2017-01-10'): ProjectCommand => ({
  type: 'AdjustCertificate',
  today: TODAY,
  data: { changes, effectiveOn, reason: 'Điều chỉnh' },
});
const realize = (period: string, amount: { vnd: string; usd?: string }, reportedOn = '2017-01-15'): ProjectCommand => ({
  type: 'RecordRealizedCapital',
  today: TODAY,
  data: { period, amount, reportedOn },
});
const suspend: ProjectCommand = { type: 'SuspendProject', today: TODAY, data: suspended.data as never };
const resume = (effectiveOn: string): ProjectCommand => ({ type: 'ResumeProject', today: TODAY, data: { effectiveOn, decisionRef: '9/QĐ-BQL' } });
const terminate = (effectiveOn = '2018-05-01'): ProjectCommand => ({ type: 'TerminateProject', today: TODAY, data: { ground: 'NO_DEPOSIT', effectiveOn, decisionRef: '45/QĐ-BQL' } });

describe('AdjustCertificate (non-capital changes)', () => {
  it('records the changes with the next adjustment number', () => {
    given(issued())
      .when(adjust({ projectName: 'Nhà máy ABC mở rộng', objectives: 'Sản xuất và lắp ráp' }))
      .then([{ type: 'CertificateAdjusted', data: { adjustmentNo: 1, changes: { projectName: 'Nhà máy ABC mở rộng', objectives: 'Sản xuất và lắp ráp' }, effectiveOn: '2017-01-10', reason: 'Điều chỉnh' } }]);
  });

  it('rejects an adjustment that changes nothing', () => {
    given(issued()).when(adjust({})).thenRejects(RuleCode.NO_CHANGES);
  });

  it('requires the USD equivalent and rate when a DDI project becomes FDI', () => {
    given(issued({ origin: 'DDI', registeredCapital: { vnd: '5000' } })).when(adjust({ origin: 'FDI' })).thenRejects(RuleCode.USD_REQUIRED_FOR_FDI);
    given(issued({ origin: 'DDI', registeredCapital: { vnd: '5000' } }))
      .when(adjust({ origin: 'FDI', registeredCapitalUsd: '0.21', exchangeRate: '23500' }))
      .then([{ type: 'CertificateAdjusted', data: { adjustmentNo: 1, changes: { origin: 'FDI', registeredCapitalUsd: '0.21', exchangeRate: '23500' }, effectiveOn: '2017-01-10', reason: 'Điều chỉnh' } }]);
  });

  it('rejects a USD restatement when the origin does not become FDI', () => {
    given(issued()).when(adjust({ registeredCapitalUsd: '5.00' })).thenRejects(RuleCode.USD_NOT_ALLOWED_FOR_DDI);
  });

  it('rejects changes on a terminated project', () => {
    given(issued(), terminated).when(adjust({ projectName: 'x' })).thenRejects(RuleCode.PROJECT_TERMINATED);
  });
});

describe('RecordRealizedCapital', () => {
  it('records disbursed capital for a quarter', () => {
    given(issued()).when(realize('2016-Q4', { vnd: '4700000000', usd: '200000.00' })).then([
      { type: 'CapitalRealized', data: { period: '2016-Q4', amount: { vnd: '4700000000', usd: '200000.00' }, reportedOn: '2017-01-15' } },
    ]);
  });

  it('does not count as an adjustment', () => {
    given(issued(), { type: 'CapitalRealized', data: { period: '2016', amount: { vnd: '1', usd: '1.00' }, reportedOn: '2017-01-01' } })
      .when({ type: 'IncreaseCapital', today: TODAY, data: { amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2017-02-01', reason: 'r' } })
      .then([{ type: 'CapitalIncreased', data: { adjustmentNo: 1, amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2017-02-01', reason: 'r' } }]);
  });

  it.each(['2016-Q5', '2016-13', '16-Q1', '2016/Q1'])('rejects the malformed period %p', (period) => {
    given(issued()).when(realize(period, { vnd: '1', usd: '1.00' })).thenRejects(RuleCode.PERIOD_INVALID);
  });

  it('rejects a period that has not started when reported', () => {
    given(issued()).when(realize('2017-Q2', { vnd: '1', usd: '1.00' }, '2017-03-31')).thenRejects(RuleCode.PERIOD_NOT_STARTED);
  });

  it('rejects a period that ended before issuance', () => {
    given(issued()).when(realize('2015', { vnd: '1', usd: '1.00' })).thenRejects(RuleCode.EFFECTIVE_BEFORE_ISSUANCE);
  });

  it('rejects a zero amount', () => {
    given(issued()).when(realize('2016', { vnd: '0', usd: '0.00' })).thenRejects(RuleCode.AMOUNT_NOT_POSITIVE);
  });
});

describe('SuspendProject / ResumeProject (art. 47)', () => {
  it('suspends a valid project', () => {
    given(issued()).when(suspend).then([suspended]);
  });

  it('rejects suspending twice', () => {
    given(issued(), suspended).when(suspend).thenRejects(RuleCode.ALREADY_SUSPENDED);
  });

  it('a suspended project stays valid: capital may still be adjusted', () => {
    given(issued(), suspended)
      .when({ type: 'IncreaseCapital', today: TODAY, data: { amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2017-03-01', reason: 'r' } })
      .then([{ type: 'CapitalIncreased', data: { adjustmentNo: 1, amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2017-03-01', reason: 'r' } }]);
  });

  it('resumes a suspended project', () => {
    given(issued(), suspended).when(resume('2017-06-01')).then([{ type: 'ProjectResumed', data: { effectiveOn: '2017-06-01', decisionRef: '9/QĐ-BQL' } }]);
  });

  it('rejects resuming a project that is not suspended', () => {
    given(issued()).when(resume('2017-06-01')).thenRejects(RuleCode.NOT_SUSPENDED);
  });

  it('rejects resuming before the suspension took effect', () => {
    given(issued(), suspended).when(resume('2017-01-31')).thenRejects(RuleCode.RESUME_BEFORE_SUSPENSION);
  });
});

describe('StartOperation (the investor notifies the start of operation)', () => {
  const start = (effectiveOn: string): ProjectCommand => ({ type: 'StartOperation', today: TODAY, data: { effectiveOn, noticeRef: '12/TB-ABC' } });
  const started: ProjectEvent = { type: 'OperationStarted', data: { effectiveOn: '2016-09-01', noticeRef: '12/TB-ABC' } };

  it('records the day a valid project started operating', () => {
    given(issued()).when(start('2016-09-01')).then([started]);
  });

  it('a suspended project may still record its start (it stays valid)', () => {
    given(issued(), suspended).when(start('2017-03-01')).then([{ type: 'OperationStarted', data: { effectiveOn: '2017-03-01', noticeRef: '12/TB-ABC' } }]);
  });

  it('rejects a second start: a wrong date is corrected, not recorded again', () => {
    given(issued(), started).when(start('2016-10-01')).thenRejects(RuleCode.OPERATION_ALREADY_STARTED);
  });

  it('rejects a start before the certificate was issued', () => {
    given(issued()).when(start('2016-03-14')).thenRejects(RuleCode.EFFECTIVE_BEFORE_ISSUANCE);
  });

  it('rejects a start on a terminated project', () => {
    given(issued(), terminated).when(start('2018-06-01')).thenRejects(RuleCode.PROJECT_TERMINATED);
  });

  it('rejects a start in the future and on an unknown project', () => {
    given(issued()).when(start('2026-11-25')).thenRejects(RuleCode.FUTURE_DATED);
    given().when(start('2016-09-01')).thenRejects(RuleCode.PROJECT_NOT_FOUND);
  });

  it('a corrected start date is the one the project reads', () => {
    given(issued(), started)
      .when({ type: 'CorrectEvent', today: TODAY, data: { correctsVersion: 2, correctedData: { effectiveOn: '2016-08-15' }, reason: 'Ngày trên thông báo' } })
      .then([{ type: 'EventCorrected', data: { correctsVersion: 2, correctedType: 'OperationStarted', correctedData: { effectiveOn: '2016-08-15', noticeRef: '12/TB-ABC' }, reason: 'Ngày trên thông báo' } }]);
  });
});

describe('TerminateProject (art. 48)', () => {
  it('terminates a valid project', () => {
    given(issued()).when(terminate()).then([terminated]);
  });

  it('terminates a suspended project', () => {
    given(issued(), suspended).when(terminate()).then([terminated]);
  });

  it('rejects terminating twice', () => {
    given(issued(), terminated).when(terminate()).thenRejects(RuleCode.PROJECT_TERMINATED);
  });

  it('rejects recording realized capital on a terminated project', () => {
    given(issued(), terminated).when(realize('2018', { vnd: '1', usd: '1.00' }, '2018-12-31')).thenRejects(RuleCode.PROJECT_TERMINATED);
  });

  it('rejects a termination effective before issuance', () => {
    given(issued()).when(terminate('2015-12-31')).thenRejects(RuleCode.EFFECTIVE_BEFORE_ISSUANCE);
  });

  it('rejects an unknown project', () => {
    given().when(terminate()).thenRejects(RuleCode.PROJECT_NOT_FOUND);
  });
});

describe('acts that move the whole project may not precede recorded acts', () => {
  const increasedIn2019: ProjectEvent = { type: 'CapitalIncreased', data: { adjustmentNo: 1, amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2019-01-01', reason: 'r' } };

  it('rejects a termination effective before the last recorded act', () => {
    given(issued(), increasedIn2019).when(terminate('2018-05-01')).thenRejects(RuleCode.EFFECTIVE_BEFORE_LAST_ACT);
  });

  it('rejects a zone change effective before the last recorded act', () => {
    given(issued(), increasedIn2019).when(adjust({ zoneId: 'KCN-DINH-TRAM' }, '2018-12-31')).thenRejects(RuleCode.EFFECTIVE_BEFORE_LAST_ACT);
  });

  it("rejects a change of the main investor's country effective before the last recorded act", () => {
    given(issued(), increasedIn2019).when(adjust({ investors: [{ name: 'Samsung Display', country: 'JP' }] }, '2018-12-31')).thenRejects(RuleCode.EFFECTIVE_BEFORE_LAST_ACT);
  });

  it('allows a back-dated change of investors that keeps the main investor in its country', () => {
    const investors = [{ name: 'ABC Electronics Co., Ltd.', country: 'KR' }, { name: 'Công ty CP Bao bì Việt', country: 'VN' }];
    given(issued(), increasedIn2019)
      .when(adjust({ investors }, '2018-12-31'))
      .then([{ type: 'CertificateAdjusted', data: { adjustmentNo: 2, changes: { investors }, effectiveOn: '2018-12-31', reason: 'Điều chỉnh' } }]);
  });

  it('allows a back-dated change of name', () => {
    given(issued(), increasedIn2019)
      .when(adjust({ projectName: 'Tên cũ' }, '2018-12-31'))
      .then([{ type: 'CertificateAdjusted', data: { adjustmentNo: 2, changes: { projectName: 'Tên cũ' }, effectiveOn: '2018-12-31', reason: 'Điều chỉnh' } }]);
  });
});
