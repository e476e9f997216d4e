/** Timing helpers: hrtime in nanoseconds, nearest-rank percentiles. */
export const now = () => process.hrtime.bigint();
export const secondsSince = (start: bigint) => Number(now() - start) / 1e9;

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `fn` `n` times (after `warmup` untimed runs); returns each duration in milliseconds. */
export function timeSync(n: number, fn: (i: number) => void, warmup = Math.min(20, n)): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    fn(i);
    out.push(Number(now() - t) / 1e6);
  }
  return out;
}

export async function timeAsync(n: number, fn: (i: number) => Promise<unknown>, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn(i);
    out.push(Number(now() - t) / 1e6);
  }
  return out;
}
