import { Injectable } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { ProjectCommandExecutor } from './project-command-executor';
import {
  AdjustCertificateCommand,
  CorrectEventCommand,
  DecreaseCapitalCommand,
  IncreaseCapitalCommand,
  IssueCertificateCommand,
  RecordRealizedCapitalCommand,
  ResumeProjectCommand,
  SuspendProjectCommand,
  TerminateProjectCommand,
  type AnyProjectCommand,
  type CommandResult,
} from './project-commands';

/** One handler per command, as @nestjs/cqrs wires them; all share the load → decide → append path. */
@Injectable()
abstract class ProjectCommandHandler<C extends AnyProjectCommand> {
  constructor(private readonly executor: ProjectCommandExecutor) {}
  execute(command: C): Promise<CommandResult> {
    return this.executor.execute(command);
  }
}

@CommandHandler(IssueCertificateCommand)
export class IssueCertificateHandler extends ProjectCommandHandler<IssueCertificateCommand> {}

@CommandHandler(IncreaseCapitalCommand)
export class IncreaseCapitalHandler extends ProjectCommandHandler<IncreaseCapitalCommand> {}

@CommandHandler(DecreaseCapitalCommand)
export class DecreaseCapitalHandler extends ProjectCommandHandler<DecreaseCapitalCommand> {}

@CommandHandler(AdjustCertificateCommand)
export class AdjustCertificateHandler extends ProjectCommandHandler<AdjustCertificateCommand> {}

@CommandHandler(RecordRealizedCapitalCommand)
export class RecordRealizedCapitalHandler extends ProjectCommandHandler<RecordRealizedCapitalCommand> {}

@CommandHandler(SuspendProjectCommand)
export class SuspendProjectHandler extends ProjectCommandHandler<SuspendProjectCommand> {}

@CommandHandler(ResumeProjectCommand)
export class ResumeProjectHandler extends ProjectCommandHandler<ResumeProjectCommand> {}

@CommandHandler(TerminateProjectCommand)
export class TerminateProjectHandler extends ProjectCommandHandler<TerminateProjectCommand> {}

@CommandHandler(CorrectEventCommand)
export class CorrectEventHandler extends ProjectCommandHandler<CorrectEventCommand> {}

export const PROJECT_COMMAND_HANDLERS = [
  CorrectEventHandler,
  IssueCertificateHandler,
  IncreaseCapitalHandler,
  DecreaseCapitalHandler,
  AdjustCertificateHandler,
  RecordRealizedCapitalHandler,
  SuspendProjectHandler,
  ResumeProjectHandler,
  TerminateProjectHandler,
];
