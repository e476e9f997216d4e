import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { canonicalize } from 'json-canonicalize';
import { v5 as uuidv5 } from 'uuid';
import { decide, foldProject, streamIdOf, vietnamDateOf, type ProjectCommand, type ProjectEvent } from '@ledger/domain';
import { WrongExpectedVersionError, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { problem } from '../../http/problem';
import { CLOCK, EVENT_STORE, type Clock } from '../../store/store.providers';
import type { AnyProjectCommand, CommandResult } from './project-commands';
import { Jurisdiction } from './jurisdiction';

/** Namespace for event ids derived from idempotency keys (uuid v5). */
const EVENT_ID_NAMESPACE = 'a3c1f0e2-6b7d-4c55-9a1e-5f3b2d8c9e01';
/** Without If-Match, concurrent writers are retried this many times before the 409 surfaces. */
const MAX_ATTEMPTS = 20;
export const SCHEMA_VERSION = 1;

export const toDomainEvent = (e: RecordedEvent): ProjectEvent => ({ type: e.type, data: e.data }) as ProjectEvent;

/**
 * The one write path: load the stream, decide, append with the expected version. Persist first;
 * projections follow the store's log, never an in-process bus.
 */
@Injectable()
export class ProjectCommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async execute(command: AnyProjectCommand): Promise<CommandResult> {
    const { context } = command;
    const streamId = streamIdOf(command.projectCode);
    const requestHash = createHash('sha256').update(canonicalize({ type: command.type, projectCode: command.projectCode, data: command.data })).digest('hex');
    const commandId = context.idempotencyKey ? uuidv5(`${context.actor.id}\n${context.idempotencyKey}`, EVENT_ID_NAMESPACE) : randomUUID();
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(streamId);
      const replay = this.replayOf(command, history, commandId, requestHash);
      if (replay) return replay;
      const version = BigInt(history.length);
      if (context.ifMatch !== undefined && context.ifMatch !== version) throw new WrongExpectedVersionError(streamId, context.ifMatch, version);
      const state = foldProject(history.map(toDomainEvent));
      const today = vietnamDateOf(this.clock());
      const domainCommand = { type: command.type, data: command.data, today } as ProjectCommand;
      const issuingBoard = state.boardId ?? (command.data as { boardId?: string }).boardId;
      // The board acting today: the issuing board, or its successor after a merger.
      const boardId = issuingBoard === undefined ? undefined : this.jurisdiction.holderOn(issuingBoard, today);
      if (boardId !== undefined) this.jurisdiction.requireOfficerMayAct(context.actor, boardId, command.projectCode, today);
      const events = decide(domainCommand, state);
      const zoneId = command.type === 'IssueCertificate' ? command.data.zoneId : command.type === 'AdjustCertificate' ? command.data.changes.zoneId : undefined;
      if (zoneId !== undefined && boardId !== undefined) this.jurisdiction.requireZoneOfBoard(zoneId, boardId, today);
      try {
        const result = await this.store.append(
          streamId,
          events.map((event, index) => ({
            eventId: index === 0 ? commandId : uuidv5(`${commandId}\n${index}`, EVENT_ID_NAMESPACE),
            type: event.type,
            data: event.data,
            metadata: {
              commandId,
              command: command.type,
              requestId: context.requestId,
              requestHash,
              ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
              actor: context.actor.id,
              role: context.actor.role,
              boardId,
              ...('decisionRef' in command.data && command.data.decisionRef ? { decisionRef: command.data.decisionRef } : {}),
              schemaVersion: SCHEMA_VERSION,
              referenceDataVersion: this.jurisdiction.version,
            },
          })),
          version === 0n ? 'no_stream' : version,
        );
        return { projectCode: command.projectCode, streamVersion: result.streamVersion, position: result.position, events: events.map(summary), replayed: result.duplicate };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || context.ifMatch !== undefined || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A retry with the same Idempotency-Key returns the first result; a different body is refused. */
  private replayOf(command: AnyProjectCommand, history: RecordedEvent[], commandId: string, requestHash: string): CommandResult | undefined {
    const recorded = history.filter((e) => e.metadata.commandId === commandId);
    if (recorded.length === 0) return undefined;
    if (recorded[0].metadata.requestHash !== requestHash) {
      throw new UnprocessableEntityException(
        problem(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency key already used', 'this Idempotency-Key was already used for a request with a different body'),
      );
    }
    const last = recorded[recorded.length - 1];
    return { projectCode: command.projectCode, streamVersion: last.streamVersion, position: last.position, events: recorded.map((e) => summary(toDomainEvent(e))), replayed: true };
  }
}

function summary(event: ProjectEvent): { type: string; adjustmentNo?: number } {
  return 'adjustmentNo' in event.data ? { type: event.type, adjustmentNo: event.data.adjustmentNo } : { type: event.type };
}
