import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isLegalDate } from '@ledger/domain';

/** An existing calendar date written YYYY-MM-DD (2023-02-30 is refused). */
export function IsLegalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isLegalDate', validator: { validate: (value) => isLegalDate(value), defaultMessage: buildMessage((each) => `${each}$property must be an existing date written YYYY-MM-DD`, options) } },
    options,
  );
}

/**
 * On an FDI certificate the capital is printed with the rate used: `registeredCapital.exchangeRate` is a
 * field the officer must fill, so its absence is a 400 beside that field, not a late business-rule 422.
 */
export function HasRateWhenFdi(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasRateWhenFdi',
      validator: {
        validate: (value, args) => (args?.object as { origin?: string }).origin !== 'FDI' || typeof (value as { exchangeRate?: unknown } | undefined)?.exchangeRate === 'string',
        defaultMessage: () => '$property.exchangeRate (VND per USD, as printed on the certificate) is required for an FDI certificate',
      },
    },
    options,
  );
}
