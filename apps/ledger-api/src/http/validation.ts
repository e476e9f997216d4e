import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@ledger/labels';
import { problem } from './problem';

/**
 * Every bad field with what is wrong and the rule names (so the message can be given in Vietnamese).
 * A missing field is just "required": not the list of every check an absent value also fails.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const missing = error.value === undefined && !('whitelistValidation' in constraints);
    const own: FieldProblem[] = !error.constraints ? [] : missing ? [{ field, messages: [`${field} is required`], rules: ['required'] }] : [{ field, messages: Object.values(constraints), rules: Object.keys(constraints) }];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// Keys that name Object.prototype members (valueOf, toString, __proto__…) slip past class-validator's
// whitelist because lookups by name find the inherited member; the fuzz test found this.
const FORBIDDEN_KEYS = new Set(['prototype', ...Object.getOwnPropertyNames(Object.prototype)]);
const MAX_DEPTH = 32;

/**
 * Walks the body iteratively (hostile nesting cannot overflow the stack) and names the first key
 * that could pollute prototypes if later code merged it, or the first place nested too deeply.
 */
function bodyProblem(body: unknown): { field: string; message: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return { field: path || '(body)', message: `nested more than ${MAX_DEPTH} levels deep` };
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { field: here, message: `property ${here} is not allowed` };
      stack.push({ value: (value as Record<string, unknown>)[key], path: here, depth: depth + 1 });
    }
  }
  return undefined;
}

class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const bad = bodyProblem(value);
      if (bad) throw new BadRequestException(problem(400, 'VALIDATION_FAILED', 'The request is invalid', `${bad.field}: ${bad.message}`, { errors: [{ field: bad.field, messages: [bad.message], rules: ['whitelistValidation'] }] }));
    }
    return super.transform(value, metadata);
  }
}

/** Strict DTO validation: unknown fields are errors, nothing is coerced, every bad field is named. */
export function ledgerValidationPipe(): ValidationPipe {
  return new LedgerValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Values are read to tell a missing field from a wrong one; they never reach the response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new BadRequestException(
        problem(400, 'VALIDATION_FAILED', 'The request is invalid', fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | '), { errors: fields }),
      );
    },
  });
}
