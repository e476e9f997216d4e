import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleCode, RuleViolation, streamIdOf, type LegalDate } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { toProjectEvent } from '@ledger/ledger';
import type { ReferenceData } from '@ledger/reference-data';
import { certificateDocumentOf } from './certificate-document';
import { renderCertificatePdf } from './certificate-pdf';
import { EVENT_STORE, REFERENCE_DATA } from '../../tokens';

export class GetCertificatePdfQuery {
  constructor(
    readonly projectCode: string,
    readonly asOf: LegalDate,
  ) {}
}

/** The printed certificate as in force on a legal date, rendered from the project's stream. */
@QueryHandler(GetCertificatePdfQuery)
export class GetCertificatePdfHandler implements IQueryHandler<GetCertificatePdfQuery, Buffer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ projectCode, asOf }: GetCertificatePdfQuery): Promise<Buffer> {
    const history = (await this.store.readStream(streamIdOf(projectCode))).map((e) => ({ event: toProjectEvent(e), recordedAt: e.recordedAt }));
    const issuedOn = history.find((h) => h.event.type === 'CertificateIssued')?.event.data as { issuedOn?: string } | undefined;
    if (!issuedOn?.issuedOn || issuedOn.issuedOn > asOf) throw new RuleViolation(RuleCode.PROJECT_NOT_FOUND, `project ${projectCode} had no certificate in force on ${asOf}`);
    return renderCertificatePdf(certificateDocumentOf(history, asOf, this.reference));
  }
}
