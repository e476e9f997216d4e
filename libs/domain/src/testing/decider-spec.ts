import type { ProjectCommand } from '../commands';
import type { RuleCode } from '../errors';
import type { ProjectEvent } from '../events';
import { decide } from '../project/decide';
import { foldProject } from '../project/state';
import { expectRuleViolation } from './rule-violation';

export { expectRuleViolation };

/** Given/when/then for a decider, in the style of Emmett's DeciderSpecification. */
export function deciderSpec<C, E, S>(decideFn: (command: C, state: S) => E[], fold: (events: E[]) => S) {
  return (...history: E[]) => ({
    when(command: C) {
      const run = () => decideFn(command, fold(history));
      return {
        then(expected: E[]): void {
          expect(run()).toEqual(expected);
        },
        thenRejects(code: RuleCode): void {
          expectRuleViolation(run, code);
        },
      };
    },
  });
}

/** Given/when/then for the project decider. */
export const given = deciderSpec<ProjectCommand, ProjectEvent, ReturnType<typeof foldProject>>(decide, foldProject);
