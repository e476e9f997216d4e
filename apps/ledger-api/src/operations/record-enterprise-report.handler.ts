import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EnterpriseReportState } from '@ledger/domain';
import { recordEnterpriseReport, type CommandContext, type CommandOutcome, type EnterpriseReportFiling, type ReportWriteDeps } from '@ledger/ledger';
import { WRITE_DEPS } from '../projects/commands/record-project-act';

export class RecordEnterpriseReportCommand {
  constructor(
    readonly filing: EnterpriseReportFiling,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordEnterpriseReportCommand)
export class RecordEnterpriseReportHandler implements ICommandHandler<RecordEnterpriseReportCommand, CommandOutcome<EnterpriseReportState>> {
  // The project write path's deps: one cache of folded streams, so the project read here is shared.
  constructor(@Inject(WRITE_DEPS) private readonly deps: ReportWriteDeps) {}

  execute({ filing, context }: RecordEnterpriseReportCommand): Promise<CommandOutcome<EnterpriseReportState>> {
    return recordEnterpriseReport(this.deps, filing, context);
  }
}
