import { createPublicKey, type KeyObject } from 'node:crypto';
import type { EventStore, Position } from '../port';
import { verifyChain } from '../verify';
import type { AnchorDirectory } from './anchor-directory';
import { checkAgainstAnchor } from './check-anchor';
import { signHeadDigest } from './head-digest';

export interface AnchorPublisherOptions {
  store: EventStore;
  sink: AnchorDirectory;
  privateKey: KeyObject;
  /** Anchor once this many events were appended since the last anchor… */
  everyEvents: number;
  /** …or once this long has passed since it, if anything was appended at all. */
  everyMs: number;
  /** How often the head is looked at (a cheap read); appends by other processes count too. */
  pollMs?: number;
  clock?: () => Date;
  log: { info(line: string): void; error(line: string): void };
}

/**
 * Publishes signed head digests from a running ledger. Before signing it verifies the chain from
 * the previous anchor to the head (at most a few `everyEvents`, yielding to the event loop), so it
 * never signs a history that does not extend what it signed before; if the log no longer matches
 * the newest anchor (a vanished or rewritten tail), it stops publishing and says so.
 */
export class AnchorPublisher {
  private last?: { position: Position; hash: string; at: number };
  private stopped?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly clock: () => Date;

  constructor(private readonly options: AnchorPublisherOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Checks the newest anchor, then looks at the head every `pollMs`. */
  async start(): Promise<void> {
    let latest;
    try {
      latest = this.options.sink.latest();
    } catch (error) {
      return this.stop((error as Error).message);
    }
    if (latest) {
      const check = await checkAgainstAnchor(this.options.store, latest.digest, createPublicKey(this.options.privateKey), this.clock());
      if (!check.ok) return this.stop(`the log does not match the newest anchor ${latest.path} (${check.problem}): ${check.detail}`);
      this.last = { position: BigInt(latest.digest.position), hash: latest.digest.headHash, at: Date.parse(latest.digest.createdAt) };
    }
    this.timer = setInterval(() => void this.tick(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  /** Anchors now if enough events or time have gone by; one run at a time. */
  tick(force = false): Promise<void> {
    this.running ??= this.anchorIfDue(force).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and anchors what was appended since the last anchor. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    if (!this.stopped) await this.tick(true);
  }

  private async anchorIfDue(force: boolean): Promise<void> {
    if (this.stopped) return;
    const head = await this.options.store.headPosition();
    if (head === 0n || head === this.last?.position) return;
    if (this.last && head < this.last.position) return this.stop(`the log ends at position ${head}, before the last anchored position ${this.last.position}`);
    const from = this.last?.position ?? 0n;
    const now = this.clock();
    const due = force || !this.last || head - from >= BigInt(this.options.everyEvents) || now.getTime() - this.last.at >= this.options.everyMs;
    if (!due) return;
    const chain = await verifyChain(this.options.store, { from: this.last, pause: () => new Promise((r) => setImmediate(r)) });
    if (!chain.ok) return this.stop(`the log fails verification at position ${chain.position} (${chain.problem}): ${chain.detail}`);
    const digest = signHeadDigest({ position: chain.headPosition, hash: chain.headHash }, this.options.privateKey, now);
    const path = this.options.sink.write(digest);
    this.last = { position: chain.headPosition, hash: chain.headHash, at: now.getTime() };
    this.options.log.info(`anchored position ${digest.position} in ${path}`);
  }

  private stop(reason: string): void {
    this.stopped = reason;
    clearInterval(this.timer);
    this.options.log.error(`NOT publishing anchors any more: ${reason}`);
  }
}
