import type { EventStore } from '@ledger/event-store';

/**
 * The store without its stream-by-stream read: a runner on it applies every event in log order from
 * position 0, as a live catch-up does, instead of replaying fresh read models stream by stream.
 */
export const inLogOrder = <S extends EventStore>(store: S): EventStore =>
  new Proxy(store, { get: (target, key) => (key === 'readByStream' ? undefined : Reflect.get(target, key)) });
