import type { ProjectCommand } from '../../commands';
import { RuleCode } from '../../errors';
import type { ProjectEvent } from '../../events';
import { moneyToJson } from '../../money';
import { TODAY, issued } from '../../testing/fixtures';
import { given } from '../../testing/decider-spec';
import { foldProject } from '../state';

const increased: ProjectEvent = { type: 'CapitalIncreased', data: { adjustmentNo: 1, amount: { vnd: '23500000000', usd: '1000000.00' }, effectiveOn: '2016-06-01', reason: 'r' } };
const terminated: ProjectEvent = { type: 'ProjectTerminated', data: { ground: 'NO_DEPOSIT', effectiveOn: '2018-05-01', decisionRef: '45/QĐ-BQL' } };
const correct = (correctsVersion: number, change: { correctedData?: Record<string, unknown>; revoked?: boolean }): ProjectCommand => ({
  type: 'CorrectEvent',
  today: TODAY,
  data: { correctsVersion, ...change, reason: 'Nhập sai số liệu' },
});

describe('CorrectEvent (compensating corrections; nothing is edited)', () => {
  it('corrects the amount of an increase, keeping its adjustment number', () => {
    const correctedData = { amount: { vnd: '2350000000', usd: '100000.00' }, effectiveOn: '2016-06-01', reason: 'r' };
    given(issued(), increased)
      .when(correct(2, { correctedData }))
      .then([{ type: 'EventCorrected', data: { correctsVersion: 2, correctedType: 'CapitalIncreased', correctedData: { ...correctedData, adjustmentNo: 1 }, reason: 'Nhập sai số liệu' } }]);
  });

  it('the corrected history reads as if the event had carried the corrected values', () => {
    const correction: ProjectEvent = {
      type: 'EventCorrected',
      data: { correctsVersion: 2, correctedType: 'CapitalIncreased', correctedData: { adjustmentNo: 1, amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2016-06-01', reason: 'r' }, reason: 'x' },
    };
    expect(moneyToJson(foldProject([issued(), increased, correction]).registeredCapital)).toEqual({ vnd: '235000000001', usd: '10000001.00' });
  });

  it('revokes a termination: the project is valid again and may be adjusted', () => {
    given(issued(), terminated)
      .when(correct(2, { revoked: true }))
      .then([{ type: 'EventCorrected', data: { correctsVersion: 2, correctedType: 'ProjectTerminated', revoked: true, reason: 'Nhập sai số liệu' } }]);
    const revocation: ProjectEvent = { type: 'EventCorrected', data: { correctsVersion: 2, correctedType: 'ProjectTerminated', revoked: true, reason: 'x' } };
    expect(foldProject([issued(), terminated, revocation]).status).toBe('VALID');
  });

  it('may be recorded on a terminated project', () => {
    const correctedData = { ground: 'NO_DEPOSIT', effectiveOn: '2018-06-01', decisionRef: '45/QĐ-BQL' };
    given(issued(), terminated)
      .when(correct(2, { correctedData }))
      .then([{ type: 'EventCorrected', data: { correctsVersion: 2, correctedType: 'ProjectTerminated', correctedData, reason: 'Nhập sai số liệu' } }]);
  });

  it('rejects a correction that would take capital to zero (CAPITAL_WOULD_BE_NON_POSITIVE)', () => {
    const decrease: ProjectEvent = { type: 'CapitalDecreased', data: { adjustmentNo: 1, amount: { vnd: '1000', usd: '1.00' }, effectiveOn: '2016-06-01', reason: 'r' } };
    given(issued(), decrease)
      .when(correct(2, { correctedData: { amount: { vnd: '235000000000', usd: '1.00' }, effectiveOn: '2016-06-01', reason: 'r' } }))
      .thenRejects(RuleCode.CAPITAL_WOULD_BE_NON_POSITIVE);
  });

  it('rejects a correction that moves an act before issuance', () => {
    given(issued(), increased)
      .when(correct(2, { correctedData: { amount: { vnd: '1', usd: '1.00' }, effectiveOn: '2015-01-01', reason: 'r' } }))
      .thenRejects(RuleCode.EFFECTIVE_BEFORE_ISSUANCE);
  });

  it('rejects a correction that changes the issuing board', () => {
    const data = issued({ boardId: 'BQL-BN' }).data as unknown as Record<string, unknown>;
    given(issued()).when(correct(1, { correctedData: data })).thenRejects(RuleCode.CORRECTION_TARGET_INVALID);
  });

  it('rejects revoking the issuance, a version that does not exist, and a correction of a correction', () => {
    given(issued()).when(correct(1, { revoked: true })).thenRejects(RuleCode.CORRECTION_TARGET_INVALID);
    given(issued()).when(correct(5, { revoked: true })).thenRejects(RuleCode.CORRECTION_TARGET_INVALID);
    const revocation: ProjectEvent = { type: 'EventCorrected', data: { correctsVersion: 2, correctedType: 'ProjectTerminated', revoked: true, reason: 'x' } };
    given(issued(), terminated, revocation).when(correct(3, { revoked: true })).thenRejects(RuleCode.CORRECTION_TARGET_INVALID);
  });

  it('rejects giving both corrected values and revoked', () => {
    given(issued(), terminated).when(correct(2, { revoked: true, correctedData: {} })).thenRejects(RuleCode.CORRECTION_TARGET_INVALID);
  });
});
