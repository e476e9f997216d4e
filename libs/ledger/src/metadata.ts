import type { NewEvent } from '@ledger/event-store';
import type { CommandContext, DecidedEvent } from './context';
import { eventIdOf } from './idempotency';

/** Version of the event envelope (metadata layout); bump when its meaning changes. */
export const SCHEMA_VERSION = 1;

export interface EnvelopeInput {
  command: string;
  requestHash: string;
  context: CommandContext;
  referenceDataVersion: string;
}

/** The metadata every event carries (DESIGN §3), the same for the API, the CLI and the importer. */
export function newEventsOf(decision: { events: DecidedEvent[]; metadata?: Record<string, unknown> }, commandId: string, input: EnvelopeInput): NewEvent[] {
  const { actor, requestId, idempotencyKey } = input.context;
  const metadata = {
    commandId,
    command: input.command,
    ...(requestId ? { requestId } : {}),
    requestHash: input.requestHash,
    ...(idempotencyKey ? { idempotencyKey } : {}),
    actor: actor.id,
    ...(actor.name ? { actorName: actor.name } : {}),
    role: actor.role,
    ...decision.metadata,
    ...input.context.metadata,
    schemaVersion: SCHEMA_VERSION,
    referenceDataVersion: input.referenceDataVersion,
  };
  return decision.events.map((event, index) => ({ eventId: eventIdOf(commandId, index), type: event.type, data: event.data, metadata }));
}
