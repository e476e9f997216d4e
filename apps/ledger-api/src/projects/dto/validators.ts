import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isLegalDate } from '@ledger/domain';

/** An existing calendar date written YYYY-MM-DD (2023-02-30 is refused). */
export function IsLegalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isLegalDate', validator: { validate: (value) => isLegalDate(value), defaultMessage: buildMessage((each) => `${each}$property must be an existing date written YYYY-MM-DD`, options) } },
    options,
  );
}
