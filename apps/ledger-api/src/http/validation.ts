import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem } from './problem';

function flatten(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Strict DTO validation: unknown fields are errors, nothing is coerced, every bad field is named. */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
