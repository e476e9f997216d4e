import { RuleCode } from '../../errors';
import { expectRuleViolation } from '../../testing/rule-violation';
import { decideZone, evolveZone, initialZoneState } from '../decide';
import type { ZoneCommand, ZoneEvent, ZoneReference } from '../types';

const TODAY = '2017-02-01';
const reference: ZoneReference = {
  board: (id) => (['BQL-HN', 'BQL-HP'].includes(id) ? { validFrom: '1990-01-01', validTo: '2025-06-30' } : undefined),
  listedZoneBoard: (zoneId) => (zoneId === 'KCN-THANG-LONG' ? 'BQL-HN' : undefined),
};
const established: ZoneEvent = {
  type: 'ZoneEstablished',
  data: { zoneId: 'KCN-NEW', boardId: 'BQL-HN', kind: 'KCN', nameVi: 'KCN Mới', decisionRef: '12/QĐ-TTg', decidedOn: '2008-05-01', naturalAreaHa: '300', leasableLandHa: '210.5' },
};
const establish = (data: Partial<typeof established.data> = {}, zoneId = 'KCN-NEW'): ZoneCommand => ({ type: 'EstablishZone', today: TODAY, zoneId, data: { ...established.data, ...data, zoneId } });
const status = (s: 'BUILDING' | 'OPERATING', effectiveOn: string): ZoneCommand => ({ type: 'ChangeZoneStatus', today: TODAY, zoneId: 'KCN-NEW', data: { status: s, effectiveOn } });

function given(...history: ZoneEvent[]) {
  const state = history.reduce(evolveZone, initialZoneState);
  return {
    when: (command: ZoneCommand) => ({
      then: (expected: ZoneEvent[]) => expect(decideZone(command, state, reference)).toEqual(expected),
      thenRejects: (code: RuleCode) => expectRuleViolation(() => decideZone(command, state, reference), code),
    }),
  };
}

describe('zones', () => {
  it('establishes a zone (planned from its decision) once', () => {
    given().when(establish()).then([established]);
    given(established).when(establish()).thenRejects(RuleCode.ZONE_ALREADY_ESTABLISHED);
  });

  it('a zone of config/ must keep the board listed there; the board must exist on the decision date', () => {
    given().when(establish({ boardId: 'BQL-HN' }, 'KCN-THANG-LONG')).then([{ ...established, data: { ...established.data, zoneId: 'KCN-THANG-LONG' } }]);
    given().when(establish({ boardId: 'BQL-HP' }, 'KCN-THANG-LONG')).thenRejects(RuleCode.ZONE_NOT_IN_BOARD);
    given().when(establish({ boardId: 'BQL-XX' })).thenRejects(RuleCode.BOARD_UNKNOWN);
    given().when(establish({ decidedOn: '1989-01-01' })).thenRejects(RuleCode.BOARD_NOT_IN_FORCE);
    given().when(establish({ decidedOn: '2026-01-05' })).thenRejects(RuleCode.FUTURE_DATED);
  });

  it('refuses leasable land above the natural area, and areas that are not hectares', () => {
    given().when(establish({ leasableLandHa: '300.01' })).thenRejects(RuleCode.LEASABLE_EXCEEDS_NATURAL);
    given().when(establish({ naturalAreaHa: '-3' })).thenRejects(RuleCode.AMOUNT_INVALID);
  });

  it('status moves forward only, on dates that do not go back', () => {
    const building: ZoneEvent = { type: 'ZoneStatusChanged', data: { status: 'BUILDING', effectiveOn: '2010-03-01' } };
    given(established).when(status('BUILDING', '2010-03-01')).then([building]);
    given(established, building).when(status('OPERATING', '2016-06-15')).then([{ type: 'ZoneStatusChanged', data: { status: 'OPERATING', effectiveOn: '2016-06-15' } }]);
    given(established, building).when(status('BUILDING', '2012-01-01')).thenRejects(RuleCode.ZONE_STATUS_BACKWARDS);
    given(established, building).when(status('OPERATING', '2009-01-01')).thenRejects(RuleCode.EFFECTIVE_BEFORE_LAST_ACT);
    given().when(status('BUILDING', '2010-03-01')).thenRejects(RuleCode.ZONE_UNKNOWN);
  });

  it('a central wastewater plant from a date, once', () => {
    const plant: ZoneEvent = { type: 'ZoneWastewaterPlantStarted', data: { effectiveOn: '2012-01-01', capacityM3PerDay: 4000 } };
    given(established).when({ type: 'StartWastewaterPlant', today: TODAY, zoneId: 'KCN-NEW', data: plant.data }).then([plant]);
    given(established, plant).when({ type: 'StartWastewaterPlant', today: TODAY, zoneId: 'KCN-NEW', data: { effectiveOn: '2013-01-01' } }).thenRejects(RuleCode.NO_CHANGES);
  });
});
