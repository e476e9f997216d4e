/** A whole number in a query string as a number for class-validator; anything else is left for the validators to name. */
export const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);
