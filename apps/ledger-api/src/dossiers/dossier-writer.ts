import { createHash, randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { canonicalize } from 'json-canonicalize';
import { v5 as uuidv5 } from 'uuid';
import { decideDossier, dossierStreamIdOf, foldDossier, vietnamDateOf, type DossierCommand, type DossierEvent, type DossierState } from '@ledger/domain';
import { WrongExpectedVersionError, type EventStore, type RecordedEvent } from '@ledger/event-store';
import type { ReferenceData } from '@ledger/reference-data';
import { problem } from '../http/problem';
import type { RequestContext } from '../projects/commands/project-commands';
import { SCHEMA_VERSION } from '../projects/commands/project-command-executor';
import { REFERENCE_DATA } from '../reports/units.provider';
import { CLOCK, EVENT_STORE, type Clock } from '../store/store.providers';

/** Namespace of dossier event ids derived from idempotency keys (uuid v5). */
const DOSSIER_EVENT_ID_NAMESPACE = '6f1c2a7e-3d4b-4e8f-9a61-0c5d7b2e9f13';
const MAX_ATTEMPTS = 20;

export interface DossierCommandResult {
  dossierId: string;
  streamVersion: number;
  position: string;
  events: { type: string }[];
  replayed: boolean;
}

/** Builds the domain command once the state is known (approvals look up the acts they link). */
export type CommandBuilder = (state: DossierState, now: Date) => DossierCommand | Promise<DossierCommand>;

/**
 * The dossier write path: read the stream, fold, check the officer's board, decide, append with the
 * expected version. Metadata has the shape the project executor writes; the lead's generic
 * handleCommand (libs/ledger) is to take this over.
 */
@Injectable()
export class DossierWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute(dossierId: string, commandType: DossierCommand['type'], body: unknown, context: RequestContext, build: CommandBuilder): Promise<DossierCommandResult> {
    const streamId = dossierStreamIdOf(dossierId);
    const requestHash = createHash('sha256').update(canonicalize({ type: commandType, dossierId, data: body })).digest('hex');
    const commandId = context.idempotencyKey ? uuidv5(`${context.actor.id}\n${context.idempotencyKey}`, DOSSIER_EVENT_ID_NAMESPACE) : randomUUID();
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(streamId);
      const replay = replayOf(dossierId, history, commandId, requestHash);
      if (replay) return replay;
      const version = BigInt(history.length);
      if (context.ifMatch !== undefined && context.ifMatch !== version) throw new WrongExpectedVersionError(streamId, context.ifMatch, version);
      const state = foldDossier(history.map((e) => ({ type: e.type, data: e.data }) as DossierEvent));
      const now = this.clock();
      // Only a receipt names the board; on any other step without a receipt the decider answers DOSSIER_NOT_FOUND.
      const boardId = state.boardId ?? (body as { boardId?: string }).boardId;
      if (boardId !== undefined) this.requireOwnBoard(context, boardId, dossierId, vietnamDateOf(now), state.status === 'NONE');
      const events = decideDossier(await build(state, now), state);
      try {
        const result = await this.store.append(
          streamId,
          events.map((event, index) => ({
            eventId: index === 0 ? commandId : uuidv5(`${commandId}\n${index}`, DOSSIER_EVENT_ID_NAMESPACE),
            type: event.type,
            data: event.data,
            metadata: {
              commandId,
              command: commandType,
              requestId: context.requestId,
              requestHash,
              ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
              actor: context.actor.id,
              role: context.actor.role,
              boardId,
              dossierId,
              schemaVersion: SCHEMA_VERSION,
              referenceDataVersion: this.reference.version,
            },
          })),
          version === 0n ? 'no_stream' : version,
        );
        return { dossierId, streamVersion: Number(result.streamVersion), position: result.position.toString(), events: events.map((e) => ({ type: e.type })), replayed: result.duplicate };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || context.ifMatch !== undefined || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The board must exist; officers act for their own, still existing board only, on dossiers their
   * board holds today (a dossier of a merged board passes to its successor, as its projects do).
   */
  private requireOwnBoard(context: RequestContext, boardId: string, dossierId: string, today: string, receipt: boolean): void {
    if (!this.reference.board(boardId)) {
      throw new UnprocessableEntityException(problem(422, 'BOARD_UNKNOWN', 'Business rule violated', `board ${boardId} is not in the reference data (config/reference-data/boards.json)`));
    }
    const { actor } = context;
    if (actor.role !== 'officer') return;
    const own = actor.boardId ? this.reference.board(actor.boardId) : undefined;
    // A receipt is for the officer's own board itself; a later step, for the board holding the dossier today.
    const holder = receipt ? boardId : this.reference.successorBoardOn(boardId, today);
    if (own?.validTo && own.validTo < today) {
      throw new ForbiddenException(problem(403, 'BOARD_DISSOLVED', 'Your board no longer exists', `board ${own.id} ended on ${own.validTo}; dossier ${dossierId} is held by ${holder}`, { boardId: holder }));
    }
    if (actor.boardId !== holder) {
      throw new ForbiddenException(problem(403, 'OUTSIDE_JURISDICTION', 'Outside your board', `dossier ${dossierId} is held by board ${holder}; your token acts for ${actor.boardId}`, { boardId: holder }));
    }
  }
}

/** A retry with the same Idempotency-Key returns the first result; the same key with another body is refused. */
function replayOf(dossierId: string, history: RecordedEvent[], commandId: string, requestHash: string): DossierCommandResult | undefined {
  const recorded = history.filter((e) => e.metadata.commandId === commandId);
  if (recorded.length === 0) return undefined;
  if (recorded[0].metadata.requestHash !== requestHash) {
    throw new UnprocessableEntityException(problem(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency key already used', 'this Idempotency-Key was already used for a request with a different body'));
  }
  const last = recorded[recorded.length - 1];
  return { dossierId, streamVersion: Number(last.streamVersion), position: last.position.toString(), events: recorded.map((e) => ({ type: e.type })), replayed: true };
}
