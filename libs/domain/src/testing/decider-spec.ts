import type { ProjectCommand } from '../commands';
import type { RuleCode } from '../errors';
import type { ProjectEvent } from '../events';
import { decide } from '../project/decide';
import { foldProject } from '../project/state';
import { expectRuleViolation } from './rule-violation';

/** Given/when/then for the project decider, in the style of Emmett's DeciderSpecification. */
export function given(...history: ProjectEvent[]) {
  return {
    when(command: ProjectCommand) {
      const run = () => decide(command, foldProject(history));
      return {
        then(expected: ProjectEvent[]): void {
          expect(run()).toEqual(expected);
        },
        thenRejects(code: RuleCode): void {
          expectRuleViolation(run, code);
        },
      };
    },
  };
}
