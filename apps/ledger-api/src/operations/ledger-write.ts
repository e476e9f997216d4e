import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { CommandContext, CommandOutcome, ReportWriteDeps } from '@ledger/ledger';
import { requestContextOf } from '../http/request-context';
import { type Clock } from '../store/store.providers';
import { CLOCK, WRITE_DEPS } from '../tokens';

/**
 * One message for every write of enterprise reports, plans and zones: `record` calls the library's
 * record function with the process's write deps (shared with project acts, so folded streams are too).
 */
export class LedgerWriteCommand {
  constructor(
    readonly name: string,
    readonly record: (deps: ReportWriteDeps) => Promise<unknown>,
  ) {}
}

@CommandHandler(LedgerWriteCommand)
export class LedgerWriteHandler implements ICommandHandler<LedgerWriteCommand, unknown> {
  constructor(@Inject(WRITE_DEPS) private readonly deps: ReportWriteDeps) {}

  execute({ record }: LedgerWriteCommand): Promise<unknown> {
    return record(this.deps);
  }
}

/** Status, headers and request-log fields of a write's answer (200 for a dry run, 201 otherwise). */
function answer<S>(command: LedgerWriteCommand, outcome: CommandOutcome<S>, res: Response) {
  if (outcome.dryRun) res.status(200);
  else res.locals.ledger = { command: command.name, stream: outcome.streamId, position: outcome.position.toString() };
  if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return { stream: outcome.streamId, streamVersion: Number(outcome.streamVersion), position: outcome.position.toString(), events: outcome.events, replayed: outcome.replayed, dryRun: outcome.dryRun };
}

/** Controllers that write through LedgerWriteCommand: the request's context (actor, keys, If-Match, dry run) and the answer. */
export abstract class LedgerWriteController {
  @Inject(CommandBus) private readonly commands!: CommandBus;
  @Inject(CLOCK) protected readonly clock!: Clock;

  protected async write<S>(name: string, record: (deps: ReportWriteDeps, context: CommandContext) => Promise<CommandOutcome<S>>, req: Request, res: Response) {
    const command = this.commandOf(name, record, req);
    const outcome = await this.commands.execute<LedgerWriteCommand, CommandOutcome<S>>(command);
    return { outcome, reply: answer(command, outcome, res) };
  }

  /** A write of several commands (e.g. an import): its own result. */
  protected writeMany<T>(name: string, record: (deps: ReportWriteDeps, context: CommandContext) => Promise<T>, req: Request): Promise<T> {
    return this.commands.execute<LedgerWriteCommand, T>(this.commandOf(name, record, req));
  }

  private commandOf<T>(name: string, record: (deps: ReportWriteDeps, context: CommandContext) => Promise<T>, req: Request) {
    const context = requestContextOf(req, this.clock());
    return new LedgerWriteCommand(name, (deps) => record(deps, context));
  }
}
