import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  activityReport,
  projectRegister,
  timeseriesReport,
  validProjectsReport,
  type ActivityQuery,
  type RegisterQuery,
  type TimeseriesQuery,
  type Units,
  type ValidProjectsQuery,
} from '@ledger/reporting';
import type { ProjectionRunner } from '@ledger/projections';
import { PROJECTION_RUNNER } from '../read-models/read-models.providers';
import { UNITS } from './units.provider';

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
    @Inject(PROJECTION_RUNNER) protected readonly runner: ProjectionRunner,
    @Inject(UNITS) protected readonly units: Units,
  ) {}
}

@QueryHandler(ValidProjectsReportQuery)
export class ValidProjectsReportHandler extends ReadModelQueryHandler implements IQueryHandler<ValidProjectsReportQuery> {
  async execute({ query }: ValidProjectsReportQuery) {
    return validProjectsReport(this.runner.db, this.units, query);
  }
}

@QueryHandler(ActivityReportQuery)
export class ActivityReportHandler extends ReadModelQueryHandler implements IQueryHandler<ActivityReportQuery> {
  async execute({ query }: ActivityReportQuery) {
    return activityReport(this.runner.db, this.units, query);
  }
}

@QueryHandler(TimeseriesReportQuery)
export class TimeseriesReportHandler extends ReadModelQueryHandler implements IQueryHandler<TimeseriesReportQuery> {
  async execute({ query }: TimeseriesReportQuery) {
    return timeseriesReport(this.runner.db, this.units, query);
  }
}

@QueryHandler(ProjectRegisterQuery)
export class ProjectRegisterHandler extends ReadModelQueryHandler implements IQueryHandler<ProjectRegisterQuery> {
  async execute({ query }: ProjectRegisterQuery) {
    return projectRegister(this.runner.db, this.units, query);
  }
}

export const REPORT_QUERY_HANDLERS = [ValidProjectsReportHandler, ActivityReportHandler, TimeseriesReportHandler, ProjectRegisterHandler];
