import { RuleCode } from '../../errors';
import type { ProjectEvent } from '../../events';
import { decrease, increase, issued } from '../../testing/fixtures';
import { given } from '../../testing/decider-spec';

const increased = (adjustmentNo: number, vnd: string, usd: string): ProjectEvent => ({
  type: 'CapitalIncreased',
  data: { adjustmentNo, amount: { vnd, usd }, effectiveOn: '2016-06-01', reason: 'Mở rộng sản xuất' },
});

describe('IncreaseCapital', () => {
  it('given an issued FDI certificate, when capital is increased, then CapitalIncreased with adjustment 1', () => {
    given(issued())
      .when(increase({ vnd: '23500000000', usd: '1000000.00' }))
      .then([increased(1, '23500000000', '1000000.00')]);
  });

  it('numbers adjustments 1, 2, 3 across increases, decreases and other adjustments', () => {
    const adjusted: ProjectEvent = {
      type: 'CertificateAdjusted',
      data: { adjustmentNo: 2, changes: { projectName: 'Tên mới' }, effectiveOn: '2016-06-02', reason: 'Đổi tên' },
    };
    given(issued(), increased(1, '100', '1.00'), adjusted)
      .when(increase({ vnd: '200', usd: '2.00' }))
      .then([increased(3, '200', '2.00')]);
  });

  it('given no certificate, when capital is increased, then PROJECT_NOT_FOUND (only issuance starts a stream)', () => {
    given().when(increase({ vnd: '100', usd: '1.00' })).thenRejects(RuleCode.PROJECT_NOT_FOUND);
  });

  it('rejects an FDI increase without the USD equivalent', () => {
    given(issued()).when(increase({ vnd: '100' })).thenRejects(RuleCode.USD_REQUIRED_FOR_FDI);
  });

  it('rejects a DDI increase that states USD', () => {
    given(issued({ origin: 'DDI', registeredCapital: { vnd: '5000' } }))
      .when(increase({ vnd: '100', usd: '1.00' }))
      .thenRejects(RuleCode.USD_NOT_ALLOWED_FOR_DDI);
  });

  it('rejects a zero increase', () => {
    given(issued()).when(increase({ vnd: '0', usd: '0.00' })).thenRejects(RuleCode.AMOUNT_NOT_POSITIVE);
  });

  it('rejects an increase effective before issuance', () => {
    given(issued()).when(increase({ vnd: '100', usd: '1.00' }, '2016-03-14')).thenRejects(RuleCode.EFFECTIVE_BEFORE_ISSUANCE);
  });

  it('rejects a future-dated increase', () => {
    given(issued()).when(increase({ vnd: '100', usd: '1.00' }, '2026-11-25')).thenRejects(RuleCode.FUTURE_DATED);
  });

  it('accepts a back-dated increase effective on the issuance date', () => {
    given(issued())
      .when(increase({ vnd: '100', usd: '1.00' }, '2016-03-15'))
      .then([{ type: 'CapitalIncreased', data: { adjustmentNo: 1, amount: { vnd: '100', usd: '1.00' }, effectiveOn: '2016-03-15', reason: 'Mở rộng sản xuất' } }]);
  });
});

describe('DecreaseCapital', () => {
  it('given capital of 235 bn VND / 10 M USD, when decreased by 35 bn / 1.5 M, then CapitalDecreased', () => {
    given(issued())
      .when(decrease({ vnd: '35000000000', usd: '1500000.00' }))
      .then([{ type: 'CapitalDecreased', data: { adjustmentNo: 1, amount: { vnd: '35000000000', usd: '1500000.00' }, effectiveOn: '2016-07-01', reason: 'Thu hẹp quy mô' } }]);
  });

  it('rejects a decrease that takes VND capital to exactly zero', () => {
    given(issued()).when(decrease({ vnd: '235000000000', usd: '1.00' })).thenRejects(RuleCode.CAPITAL_WOULD_BE_NON_POSITIVE);
  });

  it('rejects a decrease that takes USD capital below zero', () => {
    given(issued()).when(decrease({ vnd: '1', usd: '10000000.01' })).thenRejects(RuleCode.CAPITAL_WOULD_BE_NON_POSITIVE);
  });

  it('counts earlier increases when checking the remaining capital', () => {
    given(issued(), increased(1, '100', '1.00'))
      .when(decrease({ vnd: '235000000000', usd: '1.00' }))
      .then([{ type: 'CapitalDecreased', data: { adjustmentNo: 2, amount: { vnd: '235000000000', usd: '1.00' }, effectiveOn: '2016-07-01', reason: 'Thu hẹp quy mô' } }]);
  });

  it('rejects a negative-looking amount', () => {
    given(issued()).when(decrease({ vnd: '-1', usd: '1.00' })).thenRejects(RuleCode.AMOUNT_INVALID);
  });

  it('given a terminated project, when capital is decreased, then PROJECT_TERMINATED', () => {
    given(issued(), { type: 'ProjectTerminated', data: { ground: 'INVESTOR_DECISION', effectiveOn: '2017-01-01', decisionRef: '12/QĐ-BQL' } })
      .when(decrease({ vnd: '1', usd: '1.00' }))
      .thenRejects(RuleCode.PROJECT_TERMINATED);
  });
});
