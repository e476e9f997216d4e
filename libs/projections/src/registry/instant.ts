/** Milliseconds since the epoch; a time without an offset is read as UTC, never as the server's local time. */
const epochMs = (text: string) => Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text);

export const isInstant = (text: string) => !Number.isNaN(epochMs(text));

/**
 * A system time as the facts store it: the canonical UTC ISO form with milliseconds
 * (`2026-12-01T03:00:00.000Z`), so `recorded_at <= knownAt` compares instants even as text:
 * `2026-12-01T10:00:00+07:00` and `2026-12-01T03:00:00Z` are one instant.
 */
export function canonicalInstant(text: string): string {
  const ms = epochMs(text);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 instant: ${JSON.stringify(text)}`);
  return new Date(ms).toISOString();
}
