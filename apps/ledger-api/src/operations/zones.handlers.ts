import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ZoneState } from '@ledger/domain';
import { recordZoneAct, type CommandContext, type CommandOutcome, type ReportWriteDeps, type ZoneAct } from '@ledger/ledger';
import type { ProjectionRunner } from '@ledger/projections';
import { zonesReport, type Units, type ZonesQuery } from '@ledger/reporting';
import { WRITE_DEPS } from '../projects/commands/record-project-act';
import { PROJECTION_RUNNER } from '../read-models/read-models.providers';
import { UNITS } from '../reports/units.provider';

export class RecordZoneActCommand {
  constructor(
    readonly act: ZoneAct,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordZoneActCommand)
export class RecordZoneActHandler implements ICommandHandler<RecordZoneActCommand, CommandOutcome<ZoneState>> {
  constructor(@Inject(WRITE_DEPS) private readonly deps: ReportWriteDeps) {}

  execute({ act, context }: RecordZoneActCommand): Promise<CommandOutcome<ZoneState>> {
    return recordZoneAct(this.deps, act, context);
  }
}

export class ZonesReportQuery {
  constructor(readonly query: ZonesQuery) {}
}

@QueryHandler(ZonesReportQuery)
export class ZonesReportHandler implements IQueryHandler<ZonesReportQuery> {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(UNITS) private readonly units: Units,
  ) {}

  async execute({ query }: ZonesReportQuery) {
    return zonesReport(this.runner.db, this.units, query);
  }
}
