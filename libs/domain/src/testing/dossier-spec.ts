import { RuleViolation, type RuleCode } from '../errors';
import type { DossierCommand } from '../dossier/commands';
import { decideDossier } from '../dossier/decide';
import { foldDossier } from '../dossier/state';
import type { DossierEvent } from '../dossier/types';

/** Given/when/then for the dossier decider, like `given` for the project decider. */
export function givenDossier(...history: DossierEvent[]) {
  return {
    when(command: DossierCommand) {
      const run = () => decideDossier(command, foldDossier(history));
      return {
        then(expected: DossierEvent[]): void {
          expect(run()).toEqual(expected);
        },
        thenRejects(code: RuleCode): void {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(RuleViolation);
          expect((caught as RuleViolation).code).toBe(code);
        },
      };
    },
  };
}
