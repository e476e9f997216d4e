import type { ProjectCommand } from '../commands';
import { RuleViolation, type RuleCode } from '../errors';
import type { ProjectEvent } from '../events';
import { decide } from '../project/decide';
import { foldProject } from '../project/state';

/** `run` breaks the rule `code` (a RuleViolation), whatever decider it calls. */
export function expectRuleViolation(run: () => unknown, code: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RuleViolation);
  expect((caught as RuleViolation).code).toBe(code);
}

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
