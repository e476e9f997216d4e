import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ProjectionRunner } from '@ledger/projections';
import { operationsReport, reportingCompliance, type OperationsQuery, type Units } from '@ledger/reporting';
import { PROJECTION_RUNNER } from '../read-models/read-models.providers';
import { UNITS } from '../reports/units.provider';
import { OPERATIONS_CONFIG, type OperationsConfig } from './operations-config';

export class OperationsReportQuery {
  constructor(
    readonly query: Omit<OperationsQuery, 'rates'>,
    /** The legal date up to which a missed deadline counts as missing. */
    readonly asOf: string,
  ) {}
}

/** Operating results with the reporting compliance of the same periods; read models only. */
@QueryHandler(OperationsReportQuery)
export class OperationsReportHandler implements IQueryHandler<OperationsReportQuery> {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(UNITS) private readonly units: Units,
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
  ) {}

  async execute({ query, asOf }: OperationsReportQuery) {
    const report = operationsReport(this.runner.db, this.units, { ...query, rates: this.config.rates });
    const compliance = reportingCompliance(this.runner.db, this.units, { from: query.from, to: query.to, asOf, knownAt: query.knownAt, filters: query.filters, deadlines: this.config.deadlines });
    return { ...report, compliance: { deadlines: this.config.deadlines, asOf, periods: compliance } };
  }
}
