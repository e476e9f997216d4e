import { Inject, type Provider } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ProjectState } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { StreamStates, recordProjectAct, type CommandContext, type CommandOutcome, type ProjectAct, type ProjectWriteDeps } from '@ledger/ledger';
import type { ReferenceData } from '@ledger/reference-data';
import { EVENT_STORE, REFERENCE_DATA, WRITE_DEPS } from '../../tokens';


/** The write path's shared state (folded streams, per-stream order) for this process. */
export const writeDepsProvider: Provider = {
  provide: WRITE_DEPS,
  inject: [EVENT_STORE, REFERENCE_DATA],
  useFactory: (store: EventStore, reference: ReferenceData): ProjectWriteDeps => ({ store, reference, referenceDataVersion: reference.version, streams: new StreamStates() }),
};

/** Every licensing act travels the CommandBus as this one message; the library decides and records it. */
export class RecordProjectActCommand {
  constructor(
    readonly act: ProjectAct,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordProjectActCommand)
export class RecordProjectActHandler implements ICommandHandler<RecordProjectActCommand, CommandOutcome<ProjectState>> {
  constructor(@Inject(WRITE_DEPS) private readonly deps: ProjectWriteDeps) {}

  execute({ act, context }: RecordProjectActCommand): Promise<CommandOutcome<ProjectState>> {
    return recordProjectAct(this.deps, act, context);
  }
}
