import { ReportCache } from './report-cache';

/** A computation that counts its calls and answers `value`, when `release()` is called if `held`. */
function counted(value: string, held = false) {
  let release: () => void = () => undefined;
  const gate = held ? new Promise<void>((r) => (release = r)) : Promise.resolve();
  const calls = { n: 0 };
  const compute = async () => {
    calls.n += 1;
    await gate;
    return value;
  };
  return { compute, calls, release: () => release() };
}

const cacheOf = (maxBytes = 1000) => new ReportCache<string>({ maxBytes, sizeOf: (v) => v.length });

describe('ReportCache: answers kept for one read-model checkpoint', () => {
  it('given an answer computed at checkpoint 5, when the same key is asked at 5, then it is the kept answer and nothing is computed', async () => {
    const cache = cacheOf();
    const first = counted('figures@5');
    expect(await cache.through('valid?asOf=2025-12-31', 5n, first.compute)).toBe('figures@5');
    const again = counted('never');
    expect(await cache.through('valid?asOf=2025-12-31', 5n, again.compute)).toBe('figures@5');
    expect(cache.get('valid?asOf=2025-12-31', 5n)).toBe('figures@5');
    expect([first.calls.n, again.calls.n]).toEqual([1, 0]);
    expect(cache.stats()).toMatchObject({ checkpoint: '5', entries: 1, hits: 2, misses: 1 });
  });

  it('given an answer kept at checkpoint 5, when the checkpoint moves to 6, then the key is computed again and the old answer is gone', async () => {
    const cache = cacheOf();
    await cache.through('k', 5n, counted('old').compute);
    const fresh = counted('new');
    expect(await cache.through('k', 6n, fresh.compute)).toBe('new');
    expect(fresh.calls.n).toBe(1);
    expect(cache.get('k', 6n)).toBe('new');
    expect(cache.stats()).toMatchObject({ checkpoint: '6', entries: 1 });
  });

  it('given checkpoint 6 seen, when a caller that read checkpoint 5 asks, then it gets its own answer and nothing is kept for it', async () => {
    const cache = cacheOf();
    await cache.through('k', 6n, counted('at 6').compute);
    const late = counted('at 5');
    expect(await cache.through('k', 5n, late.compute)).toBe('at 5');
    expect(cache.get('k', 5n)).toBeUndefined();
    expect(cache.get('k', 6n)).toBe('at 6');
  });

  it('when three callers ask the same key at the same checkpoint at once, then it is computed once and all get its answer', async () => {
    const cache = cacheOf();
    const slow = counted('shared', true);
    const answers = Promise.all([cache.through('k', 1n, slow.compute), cache.through('k', 1n, slow.compute), cache.through('k', 1n, slow.compute)]);
    slow.release();
    expect(await answers).toEqual(['shared', 'shared', 'shared']);
    expect(slow.calls.n).toBe(1);
  });

  it('given a computation running at checkpoint 1, when the checkpoint moves to 2, then a new caller computes anew and the late answer of 1 is not kept', async () => {
    const cache = cacheOf();
    const old = counted('at 1', true);
    const pending = cache.through('k', 1n, old.compute);
    const fresh = counted('at 2');
    expect(await cache.through('k', 2n, fresh.compute)).toBe('at 2');
    old.release();
    expect(await pending).toBe('at 1');
    expect(cache.get('k', 2n)).toBe('at 2');
    expect([old.calls.n, fresh.calls.n]).toEqual([1, 1]);
  });

  it('when a computation fails, then its callers get the error and the next caller computes again', async () => {
    const cache = cacheOf();
    await expect(cache.through('k', 1n, () => Promise.reject(new Error('read model busy')))).rejects.toThrow('read model busy');
    const retry = counted('ok');
    expect(await cache.through('k', 1n, retry.compute)).toBe('ok');
    expect(retry.calls.n).toBe(1);
  });

  it('given a 100-byte budget full with nine 11-byte answers, when a tenth comes, then the least recently used goes; an answer over an eighth of the budget is never kept', async () => {
    const cache = cacheOf(100);
    const answer = 'x'.repeat(10); // 11 bytes with its one-letter key
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) await cache.through(key, 1n, counted(answer).compute);
    expect(cache.stats()).toMatchObject({ entries: 9, bytes: 99 });
    expect(cache.get('a', 1n)).toBe(answer); // 'a' is now the most recent, 'b' the least
    await cache.through('j', 1n, counted(answer).compute);
    expect(cache.get('b', 1n)).toBeUndefined();
    expect(cache.get('a', 1n)).toBe(answer);
    expect(cache.stats()).toMatchObject({ entries: 9, bytes: 99 });
    await cache.through('big', 1n, counted('y'.repeat(20)).compute);
    expect(cache.get('big', 1n)).toBeUndefined();
  });
});
