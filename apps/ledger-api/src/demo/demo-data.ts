import type { EventStore } from '@ledger/event-store';
import { vietnamDateOf } from '@ledger/domain';
import { northernMidlands2016 } from '../../../../test/scenarios/northern-midlands-2016';
import { redRiverDelta2016 } from '../../../../test/scenarios/red-river-delta-2016';
import { runScenario } from '../../../../test/scenarios/run-scenario';
import { mintToken } from '../auth/tokens';
import { demoLoaderHeaders } from './demo-requests';

export interface DemoProgress {
  start(total: number): void;
  update(done: number): void;
  done(total: number): void;
}

/**
 * Fills an empty store with the 2016 board-report scenarios through the public HTTP API, exactly as
 * officers record acts, so the demo ledger is built by the same path as real data.
 */
export async function loadDemoData(store: EventStore, baseUrl: string, jwtSecret: string, progress: DemoProgress): Promise<void> {
  if ((await store.count()) > 0n) return;
  const steps = [...redRiverDelta2016(), ...northernMidlands2016()];
  progress.start(steps.length);
  const tokens = new Map<string, string>();
  const tokenFor = (boardId: string) => {
    if (!tokens.has(boardId)) tokens.set(boardId, mintToken(jwtSecret, { sub: `demo-officer-${boardId}`, role: 'officer', boardId }, '1h'));
    return tokens.get(boardId) as string;
  };
  await runScenario(baseUrl, steps, tokenFor, vietnamDateOf(new Date()), (done) => progress.update(done), demoLoaderHeaders());
  progress.done(steps.length);
}
