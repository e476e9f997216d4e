import { vietnamDateOf, type LegalDate } from '@ledger/domain';
import { IdempotencyConflictError, WrongExpectedVersionError, type EventStore, type Position, type RecordedEvent, type StreamVersion } from '@ledger/event-store';
import type { CommandContext, DecidedEvent } from './context';
import { commandIdOf, requestHashOf } from './idempotency';
import { newEventsOf } from './metadata';
import { StreamStates, type Aggregate } from './stream-states';

export interface Decision {
  events: DecidedEvent[];
  metadata?: Record<string, unknown>;
}

/** A command on one stream: who may issue it on the current state, and what it decides. */
export interface StreamCommand<S, A, D extends Decision | Promise<Decision> = Decision | Promise<Decision>> {
  streamId: string;
  /** Stable command name recorded in metadata (e.g. `IncreaseCapital`). */
  name: string;
  /** What a retry with the same Idempotency-Key must repeat exactly. */
  payload: unknown;
  /** Checks the actor's authority on the current state (throws a coded error); its result reaches decide. */
  authorize(state: S, today: LegalDate): A;
  /** Synchronous for projects; a dossier's decision may first look up the acts it links. */
  decide(state: S, authority: A, today: LegalDate): D;
}

export interface CommandOutcome<S> {
  streamId: string;
  streamVersion: StreamVersion;
  position: Position;
  events: DecidedEvent[];
  /** A retry of an already recorded command: nothing was appended. */
  replayed: boolean;
  dryRun: boolean;
  /** The stream's state after the command (what a dry run would leave). */
  state: S;
}

/** What the write path needs; one per process, shared by every caller. */
export interface WriteDeps {
  store: EventStore;
  streams: StreamStates;
  referenceDataVersion: string;
  /** How long conflicts with other processes are retried (default 5,000 ms) before the caller sees one. */
  retryForMs?: number;
}

/**
 * A fully jittered pause below a small cap (2, 4, 8 … 50 ms): replicas contending for one stream spread out, and a
 * retried write is not starved by fresh ones that start without a pause (a count of long backoffs was: CI saw a
 * write lose ten times in a row to six writers on three replicas).
 */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

/**
 * The one write path, in the spirit of Emmett's handleCommand: read the stream (only what is new since
 * the cached fold), authorise, answer a retried Idempotency-Key with its first result, check If-Match,
 * decide, append with the expected version; a conflict with another process is retried for a few seconds.
 */
export async function handleCommand<S, A>(deps: WriteDeps, aggregate: Aggregate<S>, command: StreamCommand<S, A>, context: CommandContext): Promise<CommandOutcome<S>> {
  const requestHash = requestHashOf(command.name, command.streamId, command.payload);
  const commandId = commandIdOf(context.actor, context.idempotencyKey);
  const today = vietnamDateOf(context.now);
  const retryUntil = Date.now() + (deps.retryForMs ?? 5000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.streams.exclusive(command.streamId, async () => {
        const { state, version, recorded } = await deps.streams.load(deps.store, command.streamId, aggregate);
        const authority = command.authorize(state, today);
        const replay = replayOf(recorded, commandId, requestHash);
        if (replay) return { ...replay, streamId: command.streamId, dryRun: false, state };
        if (context.expectedVersion !== undefined && context.expectedVersion !== version) throw new WrongExpectedVersionError(command.streamId, context.expectedVersion, version);
        const decision = await command.decide(state, authority, today);
        const stamped = newEventsOf(decision, commandId, { command: command.name, requestHash, context, referenceDataVersion: deps.referenceDataVersion });
        const after = aggregate.evolve(state, stamped.map((e, i) => ({ ...e, streamId: command.streamId, streamVersion: version + BigInt(i + 1), position: 0n, recordedAt: context.now.toISOString(), prevHash: '', hash: '' })));
        if (context.dryRun) return { streamId: command.streamId, streamVersion: version + BigInt(stamped.length), position: 0n, events: decision.events, replayed: false, dryRun: true, state: after };
        const result = await deps.store.append(command.streamId, stamped, version === 0n ? 'no_stream' : version);
        if (result.duplicate) {
          // Another process recorded these event ids first: a replay only if it was this very request.
          const reloaded = await deps.streams.load(deps.store, command.streamId, aggregate);
          const first = replayOf(reloaded.recorded, commandId, requestHash);
          if (!first) throw new IdempotencyConflictError(commandId);
          return { ...first, streamId: command.streamId, dryRun: false, state: reloaded.state };
        }
        return { streamId: command.streamId, streamVersion: result.streamVersion, position: result.position, events: decision.events, replayed: false, dryRun: false, state: after };
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || context.expectedVersion !== undefined || Date.now() >= retryUntil) throw error;
      await pause(attempt);
    }
  }
}

/** A command recorded before under this id: its first result; a different request under the same key is refused. */
function replayOf(recorded: readonly RecordedEvent[], commandId: string, requestHash: string): Omit<CommandOutcome<never>, 'streamId' | 'dryRun' | 'state'> | undefined {
  const events = recorded.filter((e) => e.metadata.commandId === commandId);
  if (events.length === 0) return undefined;
  if (events[0].metadata.requestHash !== requestHash) throw new IdempotencyConflictError(commandId);
  const last = events[events.length - 1];
  return { streamVersion: last.streamVersion, position: last.position, events: events.map((e) => ({ type: e.type, data: e.data })), replayed: true };
}
