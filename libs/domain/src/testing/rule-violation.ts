import { RuleViolation, type RuleCode } from '../errors';

/** Expects `run` to throw a RuleViolation with `code` (and, if given, a message mentioning `mention`). */
export function expectRuleViolation(run: () => unknown, code: RuleCode | string, mention?: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RuleViolation);
  expect((caught as RuleViolation).code).toBe(code);
  if (mention) expect((caught as Error).message).toContain(mention);
}
