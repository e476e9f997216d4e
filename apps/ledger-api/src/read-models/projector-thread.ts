import { parentPort, workerData } from 'node:worker_threads';
import { OWN_THREAD, ProjectionRunner, allProjections } from '@ledger/projections';
import { openEventStore } from '../store/open-event-store';
import { errorOf } from '../read-workers/worker-errors';
import type { FromProjector, ProjectorThreadData, ToProjector } from './projector-messages';

/**
 * The API's projector on a thread of its own (ThreadedProjector): its own connections to the log and
 * the read models, batches without a time budget. It tells the request thread of every committed
 * batch, so a request waiting for a position is released at once.
 */
const files = workerData as ProjectorThreadData;
const port = parentPort as NonNullable<typeof parentPort>;
const post = (message: FromProjector) => port.postMessage(message);

const store = openEventStore(files.log, () => new Date(), false);
/** The last pass told, so the poll's empty passes (ten a second) tell nothing. */
let told: { position?: bigint; error?: string } = {};
const runner = new ProjectionRunner(store, files.readModelPath, allProjections(), {
  ...OWN_THREAD,
  onBatch: (position, head) => post({ kind: 'batch', position, head }),
  onPass: (outcome) => {
    const now = { position: outcome.error ? undefined : outcome.position, error: outcome.error?.message };
    if (now.position === told.position && now.error === told.error) return;
    told = now;
    post({ kind: 'pass', at: new Date().toISOString(), ...(outcome.error ? { error: errorOf(outcome.error) } : { position: outcome.position }) });
  },
});

if (files.projectAtOnce) runner.start();

async function answer(op: Extract<ToProjector, { kind: 'request' }>['op']): Promise<bigint | undefined> {
  switch (op) {
    case 'stop':
      await runner.stop();
      return undefined;
    case 'catchUp':
      return runner.catchUp();
    case 'rebuild':
      return runner.rebuild();
    case 'close':
      await runner.close();
      await store.close();
      return undefined;
  }
}

port.on('message', (message: ToProjector) => {
  if (message.kind === 'start') return runner.start();
  answer(message.op).then(
    (position) => post({ kind: 'reply', id: message.id, ...(position === undefined ? {} : { position }) }),
    (error: unknown) => post({ kind: 'reply', id: message.id, error: errorOf(error) }),
  );
});
