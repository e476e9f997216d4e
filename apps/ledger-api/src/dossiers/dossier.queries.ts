import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { LegalDate } from '@ledger/domain';
import type { ReadModelRunner } from '@ledger/projections';
import type { DossierConfig } from '@ledger/reference-data';
import { dossierInbox, dossierReport, dossierView, type DossierInboxQuery, type DossierReportQuery as ReportQuery, type Units } from '@ledger/reporting';
import { DOSSIER_CONFIG, PROJECTION_RUNNER, UNITS } from '../tokens';

/** A dossier due within this many working days is flagged as due soon in the inbox. */
export const DUE_SOON_WORKING_DAYS = 2;

export class DossierReportQuery {
  constructor(readonly query: ReportQuery) {}
}
export class DossierInboxListQuery {
  constructor(readonly query: Omit<DossierInboxQuery, 'dueSoonBy'>) {}
}
export class DossierViewQuery {
  constructor(
    readonly dossierId: string,
    readonly today: LegalDate,
  ) {}
}

abstract class DossierReadHandler {
  constructor(
    @Inject(PROJECTION_RUNNER) protected readonly runner: ReadModelRunner,
    @Inject(UNITS) protected readonly units: Units,
    @Inject(DOSSIER_CONFIG) protected readonly config: DossierConfig,
  ) {}

  protected dueSoonBy(today: LegalDate): LegalDate {
    return this.config.calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  }
}

@QueryHandler(DossierReportQuery)
export class DossierReportHandler extends DossierReadHandler implements IQueryHandler<DossierReportQuery> {
  async execute({ query }: DossierReportQuery) {
    return dossierReport(this.runner.db, this.units, query);
  }
}

@QueryHandler(DossierInboxListQuery)
export class DossierInboxHandler extends DossierReadHandler implements IQueryHandler<DossierInboxListQuery> {
  async execute({ query }: DossierInboxListQuery) {
    return dossierInbox(this.runner.db, { ...query, dueSoonBy: this.dueSoonBy(query.today) });
  }
}

@QueryHandler(DossierViewQuery)
export class DossierViewHandler extends DossierReadHandler implements IQueryHandler<DossierViewQuery> {
  async execute({ dossierId, today }: DossierViewQuery) {
    return dossierView(this.runner.db, dossierId, today, this.dueSoonBy(today));
  }
}

export const DOSSIER_QUERY_HANDLERS = [DossierReportHandler, DossierInboxHandler, DossierViewHandler];
