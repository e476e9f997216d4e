import { GENESIS_HASH, chainHash } from './hash-chain';
import type { LogReader, Position } from './port';
import { readAll } from './read-all';

export type VerifyResult =
  | { ok: true; events: bigint; headPosition: Position; headHash: string }
  | { ok: false; events: bigint; position: Position; problem: 'ORDER' | 'CHAIN' | 'CONTENT'; detail: string };

export interface VerifyOptions {
  /** Start after a known-good point (e.g. a signed digest): its position and hash. */
  from?: { position: Position; hash: string };
  onProgress?: (position: Position) => void;
  /** Awaited after every page of 250 events (instead of 2000), e.g. to let a server answer requests during the walk. */
  pause?: () => Promise<void>;
}

/**
 * Walks the log in pages (constant memory) and names the first position whose order, chain link
 * or content does not match: a deleted row shows as an ORDER gap, an edited row as CONTENT, rows
 * swapped or re-chained as CHAIN.
 */
export async function verifyChain(store: LogReader, options: VerifyOptions = {}): Promise<VerifyResult> {
  let expectedPosition = (options.from?.position ?? 0n) + 1n;
  let prevHash = options.from?.hash ?? GENESIS_HASH;
  let events = 0n;
  const pageSize = options.pause ? 250 : 2000;
  for await (const event of readAll(store, options.from?.position ?? 0n, pageSize)) {
    if (event.position !== expectedPosition) {
      return { ok: false, events, position: expectedPosition, problem: 'ORDER', detail: `expected position ${expectedPosition}, found ${event.position}: an event is missing or out of order` };
    }
    if (event.prevHash !== prevHash) {
      return { ok: false, events, position: event.position, problem: 'CHAIN', detail: `prevHash does not link to the hash of position ${event.position - 1n}` };
    }
    const { hash, prevHash: _ignored, ...content } = event;
    if (chainHash(prevHash, content) !== hash) {
      return { ok: false, events, position: event.position, problem: 'CONTENT', detail: 'the stored content does not match its hash: the event was altered after it was recorded' };
    }
    prevHash = hash;
    expectedPosition += 1n;
    events += 1n;
    if (events % 10_000n === 0n) options.onProgress?.(event.position);
    if (options.pause && events % BigInt(pageSize) === 0n) await options.pause();
  }
  options.onProgress?.(expectedPosition - 1n);
  return { ok: true, events, headPosition: expectedPosition - 1n, headHash: prevHash };
}
