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

/** The demo ledger's history: the acts behind the 2016 Red River Delta and northern midlands board reports. */
export const demoSteps = () => [...redRiverDelta2016(), ...northernMidlands2016()];

/**
 * Fills an empty store (other than SQLite: see demo-history.ts for that one) with the demo history
 * through the public HTTP API, exactly as officers record acts; every act is recorded "now".
 */
export async function loadDemoData(store: EventStore, baseUrl: string, jwtSecret: string, progress: DemoProgress): Promise<void> {
  if ((await store.count()) > 0n) return;
  const steps = demoSteps();
  progress.start(steps.length);
  const tokens = new Map<string, string>();
  const tokenFor = (boardId: string) => {
    if (!tokens.has(boardId)) tokens.set(boardId, mintToken(jwtSecret, { sub: `demo-officer-${boardId}`, role: 'officer', boardId }, '1h'));
    return tokens.get(boardId) as string;
  };
  await runScenario(baseUrl, steps, tokenFor, vietnamDateOf(new Date()), (done) => progress.update(done), demoLoaderHeaders());
  progress.done(steps.length);
}
