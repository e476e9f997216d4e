/**
 * Answers of reports by key, valid for one read-model checkpoint. A report is a pure function of
 * its query and the read models, which change only when their checkpoint moves: while the log is
 * still, a repeated request costs a lookup. The first lookup at a newer checkpoint drops every
 * entry (checkpoints never move back, so none of them can be asked for again), and requests for
 * the same key at the same checkpoint share one computation. Memory is bounded (LRU by bytes).
 */
export interface ReportCacheOptions<V> {
  /** Total size of the kept answers; the least recently used go first. */
  maxBytes: number;
  sizeOf(value: V): number;
}

export interface ReportCacheStats {
  checkpoint: string | null;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class ReportCache<V> {
  private at?: bigint;
  /** Map order is recency order: a hit moves its entry to the end, eviction takes from the front. */
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private readonly computing = new Map<string, Promise<V>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: ReportCacheOptions<V>) {}

  /** The kept answer for `key` at `checkpoint`, if any. */
  get(key: string, checkpoint: bigint): V | undefined {
    if (!this.current(checkpoint)) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits += 1;
    return entry.value;
  }

  /** The answer for `key` at `checkpoint`: kept, being computed by an earlier caller, or computed now (and kept). */
  through(key: string, checkpoint: bigint, compute: () => Promise<V>): Promise<V> {
    const kept = this.get(key, checkpoint);
    if (kept !== undefined) return Promise.resolve(kept);
    // A caller that read an older checkpoint than another one already did: answer it, keep nothing.
    if (!this.current(checkpoint)) return compute();
    const running = this.computing.get(key);
    if (running) return running;
    this.misses += 1;
    const computation = compute().then((value) => {
      if (this.at === checkpoint) this.keep(key, value);
      return value;
    });
    this.computing.set(key, computation);
    const forget = () => {
      if (this.computing.get(key) === computation) this.computing.delete(key);
    };
    computation.then(forget, forget);
    return computation;
  }

  stats(): ReportCacheStats {
    return { checkpoint: this.at === undefined ? null : this.at.toString(), entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  /** Moves to a newer checkpoint (dropping what was kept); false for an older one. */
  private current(checkpoint: bigint): boolean {
    if (this.at === checkpoint) return true;
    if (this.at !== undefined && checkpoint < this.at) return false;
    this.at = checkpoint;
    this.entries.clear();
    this.computing.clear();
    this.bytes = 0;
    return true;
  }

  private keep(key: string, value: V): void {
    const bytes = this.options.sizeOf(value) + key.length;
    // One answer may not take more than an eighth of the budget, or a few large ones would evict all the rest.
    if (bytes > this.options.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
