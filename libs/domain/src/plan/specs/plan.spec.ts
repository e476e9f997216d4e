import { RuleCode } from '../../errors';
import { expectRuleViolation } from '../../testing/rule-violation';
import { decidePlan, evolvePlan, initialPlanState } from '../decide';
import type { PlanBoard, PlanCommand, PlanEvent, PlanTargets } from '../types';

const TODAY = '2016-02-01';
const bacGiang: PlanBoard = { validFrom: '2003-01-01', validTo: '2025-06-30' };
const set = (targets: PlanTargets, year = 2016, boardId = 'BQL-BG'): PlanCommand => ({ type: 'SetPlanTargets', today: TODAY, data: { boardId, year, targets } });
const actual = (code: string, period: string, value: string): PlanCommand => ({ type: 'RecordIndicatorActual', today: TODAY, data: { boardId: 'BQL-BG', year: 2016, code, period, value } });
const LAND = { code: 'LAND_CLEARED', label: 'Giải phóng mặt bằng', unit: 'ha', target: '120.5' };

function given(...history: PlanEvent[]) {
  const state = history.reduce(evolvePlan, initialPlanState);
  return {
    when: (command: PlanCommand, board: PlanBoard | 'unknown' = bacGiang) => {
      const run = () => decidePlan(command, state, board === 'unknown' ? undefined : board);
      return {
        then: (expected: PlanEvent[]) => expect(run()).toEqual(expected),
        thenRejects: (code: RuleCode) => expectRuleViolation(run, code),
      };
    },
  };
}

const targetsSet = (targets: PlanTargets, revision = 1): PlanEvent => ({ type: 'PlanTargetsSet', data: { boardId: 'BQL-BG', year: 2016, targets, revision } });

describe('plan targets', () => {
  it('sets a board’s targets for a year as revision 1; a revised plan is revision 2', () => {
    given().when(set({ newProjects: 20, indicators: [LAND] })).then([targetsSet({ newProjects: 20, indicators: [LAND] })]);
    given(targetsSet({ newProjects: 20 })).when(set({ newProjects: 25 })).then([targetsSet({ newProjects: 25 }, 2)]);
  });

  it('a target for an unknown board is BOARD_UNKNOWN; for a year the board did not exist, BOARD_NOT_IN_FORCE', () => {
    given().when(set({ newProjects: 20 }, 2016, 'BQL-NOWHERE'), 'unknown').thenRejects(RuleCode.BOARD_UNKNOWN);
    given().when(set({ newProjects: 20 }, 2026)).thenRejects(RuleCode.PLAN_YEAR_INVALID);
    given().when({ ...set({ newProjects: 20 }, 2026), today: '2026-02-01' }).thenRejects(RuleCode.BOARD_NOT_IN_FORCE);
  });

  it('refuses negative or malformed targets', () => {
    given().when(set({ newProjects: -1 })).thenRejects(RuleCode.FIGURE_NEGATIVE);
    given().when(set({ revenueVnd: '12.5' })).thenRejects(RuleCode.AMOUNT_INVALID);
    given().when(set({ indicators: [LAND, LAND] })).thenRejects(RuleCode.AMOUNT_INVALID);
  });

  it('records the board’s own actual of an indicator its plan sets, per month or quarter of the year', () => {
    given(targetsSet({ indicators: [LAND] }))
      .when(actual('LAND_CLEARED', '2016-Q1', '30.25'))
      .then([{ type: 'PlanIndicatorActualRecorded', data: { boardId: 'BQL-BG', year: 2016, code: 'LAND_CLEARED', period: '2016-Q1', value: '30.25' } }]);
    given(targetsSet({ indicators: [LAND] })).when(actual('JOBS', '2016-Q1', '3')).thenRejects(RuleCode.INDICATOR_UNKNOWN);
    given(targetsSet({ indicators: [LAND] })).when(actual('LAND_CLEARED', '2017-Q1', '3')).thenRejects(RuleCode.PERIOD_INVALID);
    given(targetsSet({ indicators: [LAND] })).when(actual('LAND_CLEARED', '2016-Q1', '-3')).thenRejects(RuleCode.AMOUNT_INVALID);
  });
});
