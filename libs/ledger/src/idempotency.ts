import { createHash, randomUUID } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { v5 as uuidv5 } from 'uuid';
import type { Actor } from './actor';

/** Namespace for event ids derived from idempotency keys (uuid v5). */
const EVENT_ID_NAMESPACE = 'a3c1f0e2-6b7d-4c55-9a1e-5f3b2d8c9e01';

/**
 * A command's id: derived from its Idempotency-Key, scoped by the person *and* the board they act for,
 * so a key reused by another person or for another board is another command. Without a key, random.
 */
export function commandIdOf(actor: Actor, idempotencyKey?: string): string {
  return idempotencyKey ? uuidv5(`${actor.id}\n${actor.boardId ?? ''}\n${idempotencyKey}`, EVENT_ID_NAMESPACE) : randomUUID();
}

/** The first event carries the command id; the others derive from it, so a retry repeats every id. */
export function eventIdOf(commandId: string, index: number): string {
  return index === 0 ? commandId : uuidv5(`${commandId}\n${index}`, EVENT_ID_NAMESPACE);
}

/** What a replay must match: the command, its stream and its payload, canonically hashed. */
export function requestHashOf(command: string, streamId: string, payload: unknown): string {
  return createHash('sha256').update(canonicalize({ command, streamId, payload })).digest('hex');
}
