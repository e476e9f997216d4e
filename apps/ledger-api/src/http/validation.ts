import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { problem } from './problem';

function flatten(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Path of the first key that could pollute prototypes if some later code merged the body. */
function forbiddenKeyPath(value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const nested = forbiddenKeyPath((value as Record<string, unknown>)[key], here);
    if (nested) return nested;
  }
  return undefined;
}

class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const path = forbiddenKeyPath(value);
      if (path) {
        throw new BadRequestException(problem(400, 'VALIDATION_FAILED', 'The request is invalid', `${path}: property ${path} is not allowed`, { errors: [{ field: path, messages: ['key not allowed'] }] }));
      }
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException(
        problem(400, 'VALIDATION_FAILED', 'The request is invalid', fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | '), { errors: fields }),
      );
    },
  });
}
