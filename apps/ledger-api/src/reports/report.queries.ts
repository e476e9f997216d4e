import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  projectRegister,
  type ActivityQuery,
  type RegisterQuery,
  type TimeseriesQuery,
  type Units,
  type ValidProjectsQuery,
} from '@ledger/reporting';
import type { ReadModelRunner } from '@ledger/projections';
import type { ReadWorkerPool } from '../read-workers/read-worker-pool';
import type { ActivityReport, TimeseriesReport, ValidProjectsReport } from './export/tables';
import { PROJECTION_RUNNER, READ_WORKERS, UNITS } from '../tokens';

/** Report queries read the read models only, never the event store. */
export class ValidProjectsReportQuery {
  constructor(readonly query: ValidProjectsQuery) {}
}
export class ActivityReportQuery {
  constructor(readonly query: ActivityQuery) {}
}
export class TimeseriesReportQuery {
  constructor(readonly query: TimeseriesQuery) {}
}
export class ProjectRegisterQuery {
  constructor(readonly query: RegisterQuery) {}
}

export abstract class ReadModelQueryHandler {
  constructor(
    @Inject(PROJECTION_RUNNER) protected readonly runner: ReadModelRunner,
    @Inject(UNITS) protected readonly units: Units,
  ) {}
}

/** On a read worker, like the other reports below: a slow one (by investor country it reads every fact) does not hold the request thread. */
@QueryHandler(ValidProjectsReportQuery)
export class ValidProjectsReportHandler implements IQueryHandler<ValidProjectsReportQuery> {
  constructor(@Inject(READ_WORKERS) private readonly workers: ReadWorkerPool) {}

  async execute({ query }: ValidProjectsReportQuery): Promise<ValidProjectsReport> {
    return this.workers.run<ValidProjectsReport>({ kind: 'validProjects', query });
  }
}

/** On a read worker: over a whole history with every grouping it takes seconds (14 s at 1.5M events). */
@QueryHandler(ActivityReportQuery)
export class ActivityReportHandler implements IQueryHandler<ActivityReportQuery> {
  constructor(@Inject(READ_WORKERS) private readonly workers: ReadWorkerPool) {}

  async execute({ query }: ActivityReportQuery): Promise<ActivityReport> {
    return this.workers.run<ActivityReport>({ kind: 'activity', query });
  }
}

@QueryHandler(TimeseriesReportQuery)
export class TimeseriesReportHandler implements IQueryHandler<TimeseriesReportQuery> {
  constructor(@Inject(READ_WORKERS) private readonly workers: ReadWorkerPool) {}

  async execute({ query }: TimeseriesReportQuery): Promise<TimeseriesReport> {
    return this.workers.run<TimeseriesReport>({ kind: 'timeseries', query });
  }
}

@QueryHandler(ProjectRegisterQuery)
export class ProjectRegisterHandler extends ReadModelQueryHandler implements IQueryHandler<ProjectRegisterQuery> {
  async execute({ query }: ProjectRegisterQuery) {
    return projectRegister(this.runner.db, this.units, query);
  }
}

export const REPORT_QUERY_HANDLERS = [ValidProjectsReportHandler, ActivityReportHandler, TimeseriesReportHandler, ProjectRegisterHandler];
