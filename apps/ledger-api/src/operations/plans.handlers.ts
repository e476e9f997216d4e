import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlanState } from '@ledger/domain';
import { recordPlanAct, type CommandContext, type CommandOutcome, type PlanAct, type ReportWriteDeps } from '@ledger/ledger';
import type { ProjectionRunner } from '@ledger/projections';
import { planReport, type PlanQuery, type Units } from '@ledger/reporting';
import { WRITE_DEPS } from '../projects/commands/record-project-act';
import { PROJECTION_RUNNER } from '../read-models/read-models.providers';
import { UNITS } from '../reports/units.provider';
import { OPERATIONS_CONFIG, type OperationsConfig } from './operations-config';

export class RecordPlanActCommand {
  constructor(
    readonly act: PlanAct,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordPlanActCommand)
export class RecordPlanActHandler implements ICommandHandler<RecordPlanActCommand, CommandOutcome<PlanState>> {
  constructor(@Inject(WRITE_DEPS) private readonly deps: ReportWriteDeps) {}

  execute({ act, context }: RecordPlanActCommand): Promise<CommandOutcome<PlanState>> {
    return recordPlanAct(this.deps, act, context);
  }
}

export class PlanReportQuery {
  constructor(readonly query: Omit<PlanQuery, 'rates'>) {}
}

@QueryHandler(PlanReportQuery)
export class PlanReportHandler implements IQueryHandler<PlanReportQuery> {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(UNITS) private readonly units: Units,
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
  ) {}

  async execute({ query }: PlanReportQuery) {
    return planReport(this.runner.db, this.units, { ...query, rates: this.config.rates });
  }
}
