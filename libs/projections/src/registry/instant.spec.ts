import fc from 'fast-check';
import { canonicalInstant } from './instant';

/** What canonicalInstant was before its fast path: parse, then print. */
const parsedAndPrinted = (text: string) => new Date(Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text)).toISOString();

describe('canonicalInstant', () => {
  it('gives a recorded time (toISOString) back as it is', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        expect(canonicalInstant(date.toISOString())).toBe(date.toISOString());
      }),
    );
  });

  it('gives every text of the canonical shape what parsing and printing it gives, impossible dates included', () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const shaped = fc
      .tuple(digits(4, 9999), digits(2, 13), digits(2, 32), digits(2, 24), digits(2, 60), digits(2, 60), digits(3, 999))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(shaped, (text) => {
        const expected = Number.isNaN(Date.parse(text)) ? 'RangeError' : parsedAndPrinted(text);
        let actual: string;
        try {
          actual = canonicalInstant(text);
        } catch (error) {
          actual = (error as Error).name;
        }
        expect(actual).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads other forms as the instant they name', () => {
    expect(canonicalInstant('2026-12-01T10:00:00+07:00')).toBe('2026-12-01T03:00:00.000Z');
    expect(canonicalInstant('2026-12-01T03:00')).toBe('2026-12-01T03:00:00.000Z');
    expect(canonicalInstant('2026-02-30T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(() => canonicalInstant('31/12/2016')).toThrow(RangeError);
  });
});
