import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { operationsReport, planReport, reportingCompliance, zonesReport, type OperationsQuery, type PlanQuery, type ZonesQuery } from '@ledger/reporting';
import { ReadModelQueryHandler } from '../reports/report.queries';
import { type OperationsConfig } from './operations-config';
import { OPERATIONS_CONFIG } from '../tokens';

export class OperationsReportQuery {
  constructor(
    readonly query: Omit<OperationsQuery, 'rates'>,
    /** The legal date up to which a missed deadline counts as missing. */
    readonly asOf: string,
  ) {}
}
export class PlanReportQuery {
  constructor(readonly query: Omit<PlanQuery, 'rates'>) {}
}
export class ZonesReportQuery {
  constructor(readonly query: ZonesQuery) {}
}

/** These reports read the read models only, with the configured exchange rates and filing deadlines. */
abstract class OperationsQueryHandler extends ReadModelQueryHandler {
  @Inject(OPERATIONS_CONFIG) protected readonly config!: OperationsConfig;
}

/** Operating results with the reporting compliance of the same periods. */
@QueryHandler(OperationsReportQuery)
export class OperationsReportHandler extends OperationsQueryHandler implements IQueryHandler<OperationsReportQuery> {
  async execute({ query, asOf }: OperationsReportQuery) {
    const report = operationsReport(this.runner.db, this.units, { ...query, rates: this.config.rates });
    const compliance = reportingCompliance(this.runner.db, this.units, { from: query.from, to: query.to, asOf, knownAt: query.knownAt, filters: query.filters, deadlines: this.config.deadlines });
    return { ...report, compliance: { deadlines: this.config.deadlines, asOf, periods: compliance } };
  }
}

@QueryHandler(PlanReportQuery)
export class PlanReportHandler extends OperationsQueryHandler implements IQueryHandler<PlanReportQuery> {
  async execute({ query }: PlanReportQuery) {
    return planReport(this.runner.db, this.units, { ...query, rates: this.config.rates });
  }
}

@QueryHandler(ZonesReportQuery)
export class ZonesReportHandler extends OperationsQueryHandler implements IQueryHandler<ZonesReportQuery> {
  async execute({ query }: ZonesReportQuery) {
    return zonesReport(this.runner.db, this.units, query);
  }
}
