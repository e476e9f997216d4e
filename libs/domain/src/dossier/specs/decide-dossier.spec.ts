import { RuleCode } from '../../errors';
import { calendar2024And2025 as calendar } from '../../testing/calendar-fixture';
import { givenDossier } from '../../testing/dossier-spec';
import type { ActToLink, DossierCommand, ReceiveDossierData } from '../commands';
import type { DossierEvent, ProcedureTerms } from '../types';

const NOW = '2025-12-01T10:00:00+07:00';
const adjust: ProcedureTerms = { code: 'ADJUST_IRC', statutoryDays: 10, unit: 'working', committedDays: 5, actTypes: ['CertificateAdjusted', 'CapitalIncreased'] };

const receipt: ReceiveDossierData = {
  dossierId: 'BG-2025-0001',
  procedureCode: 'ADJUST_IRC',
  boardId: 'BQL-BG',
  receivedAt: '2025-01-24T09:00:00+07:00',
  channel: 'ONLINE_FULL',
  applicant: { name: 'ABC Electronics Co., Ltd.', contact: 'abc@example.com' },
  projectCode: '2101234567',
  documents: ['Văn bản đề nghị điều chỉnh', 'Báo cáo tình hình thực hiện dự án'],
};
const { procedureCode: _code, ...receivedData } = receipt;
const received: DossierEvent = {
  type: 'DossierReceived',
  data: { ...receivedData, procedure: adjust, clockStartsOn: '2025-01-24', statutoryDueOn: '2025-02-14', committedDueOn: '2025-02-07' },
};
const receive = (data: Partial<ReceiveDossierData> = {}, procedure: ProcedureTerms | undefined = adjust): DossierCommand => ({ type: 'ReceiveDossier', now: NOW, calendar, procedure, data: { ...receipt, ...data } });
const requestSupplement = (requestedAt: string): DossierCommand => ({ type: 'RequestSupplement', now: NOW, data: { requestedAt, missingDocuments: ['Hợp đồng thuê đất'] } });
const supplementRequested = (requestedAt: string): DossierEvent => ({ type: 'DossierSupplementRequested', data: { requestedAt, missingDocuments: ['Hợp đồng thuê đất'] } });
const supplement = (supplementedAt: string): DossierCommand => ({ type: 'SupplementDossier', now: NOW, calendar, data: { supplementedAt, documents: ['Hợp đồng thuê đất'] } });
const act = (found: Partial<NonNullable<ActToLink['found']>> | 'missing' = {}): ActToLink => ({
  streamId: 'project-2101234567',
  version: 3,
  ...(found === 'missing' ? {} : { found: { type: 'CapitalIncreased', boardId: 'BQL-BG', projectCode: '2101234567', ...found } }),
});
const approve = (resolvedAt: string, acts: ActToLink[] = [act()]): DossierCommand => ({ type: 'ResolveDossier', now: NOW, data: { resolvedAt, outcome: 'APPROVED', acts } });
const refuse = (resolvedAt: string, reason?: string): DossierCommand => ({ type: 'ResolveDossier', now: NOW, data: { resolvedAt, outcome: 'REFUSED', reason } });
const approved: DossierEvent = { type: 'DossierResolved', data: { resolvedAt: '2025-02-05T15:00:00+07:00', outcome: 'APPROVED', acts: [{ streamId: 'project-2101234567', version: 3, type: 'CapitalIncreased' }] } };

describe('ReceiveDossier', () => {
  it('records the dossier with the procedure terms of the day and its deadlines (Tết 2025 skipped)', () => {
    givenDossier().when(receive()).then([received]);
  });

  it('refuses an unknown procedure', () => {
    givenDossier().when(receive({ procedureCode: 'BUILD_A_CASTLE' }, undefined)).thenRejects(RuleCode.PROCEDURE_UNKNOWN);
  });

  it('refuses a second receipt of the same dossier id', () => {
    givenDossier(received).when(receive()).thenRejects(RuleCode.DOSSIER_ALREADY_RECEIVED);
  });

  it('refuses a receipt time in the future or without an offset', () => {
    givenDossier().when(receive({ receivedAt: '2026-01-05T09:00:00+07:00' })).thenRejects(RuleCode.FUTURE_DATED);
    givenDossier().when(receive({ receivedAt: '2025-01-24T09:00:00' })).thenRejects(RuleCode.INSTANT_INVALID);
  });
});

describe('supplements stop the clock and restart it from the completion date', () => {
  it('a request stops the clock; a resolution while waiting for documents is refused', () => {
    givenDossier(received).when(requestSupplement('2025-02-03T10:00:00+07:00')).then([supplementRequested('2025-02-03T10:00:00+07:00')]);
    givenDossier(received, supplementRequested('2025-02-03T10:00:00+07:00')).when(approve('2025-02-05T10:00:00+07:00')).thenRejects(RuleCode.DOSSIER_AWAITING_SUPPLEMENT);
  });

  it('the supplement restarts the full time from the day the dossier became complete', () => {
    givenDossier(received, supplementRequested('2025-02-03T10:00:00+07:00'))
      .when(supplement('2025-02-20T08:30:00+07:00'))
      .then([{ type: 'DossierSupplemented', data: { supplementedAt: '2025-02-20T08:30:00+07:00', documents: ['Hợp đồng thuê đất'], clockStartsOn: '2025-02-20', statutoryDueOn: '2025-03-06', committedDueOn: '2025-02-27' } }]);
  });

  it('edge: requested on the last day (the appointment day, 07/02/2025) is in time, and the completion date counts in full', () => {
    givenDossier(received).when(requestSupplement('2025-02-07T16:30:00+07:00')).then([supplementRequested('2025-02-07T16:30:00+07:00')]);
    givenDossier(received, supplementRequested('2025-02-07T16:30:00+07:00'))
      .when(supplement('2025-02-10T09:00:00+07:00'))
      .then([{ type: 'DossierSupplemented', data: { supplementedAt: '2025-02-10T09:00:00+07:00', documents: ['Hợp đồng thuê đất'], clockStartsOn: '2025-02-10', statutoryDueOn: '2025-02-24', committedDueOn: '2025-02-17' } }]);
  });

  it('edge: a request the day after the appointment is refused — the board owes an apology instead', () => {
    givenDossier(received).when(requestSupplement('2025-02-08T09:00:00+07:00')).thenRejects(RuleCode.SUPPLEMENT_AFTER_DEADLINE);
  });

  it('a supplement nobody asked for is refused', () => {
    givenDossier(received).when(supplement('2025-02-03T10:00:00+07:00')).thenRejects(RuleCode.NO_SUPPLEMENT_REQUESTED);
  });
});

describe('ResolveDossier', () => {
  it('an approval links the act it produced (stream and version)', () => {
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00')).then([approved]);
  });

  it('an approval must link an act of the same board and project, of a type the procedure produces', () => {
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00', [])).thenRejects(RuleCode.APPROVAL_NEEDS_ACT);
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00', [act('missing')])).thenRejects(RuleCode.ACT_NOT_FOUND);
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00', [act({ boardId: 'BQL-HN' })])).thenRejects(RuleCode.ACT_OF_OTHER_BOARD);
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00', [act({ projectCode: '2109999999' })])).thenRejects(RuleCode.ACT_OF_OTHER_PROJECT);
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00', [act({ dossierId: 'BG-2025-0999' })])).thenRejects(RuleCode.ACT_OF_OTHER_DOSSIER);
    givenDossier(received).when(approve('2025-02-05T15:00:00+07:00', [act({ type: 'ProjectTerminated' })])).thenRejects(RuleCode.ACT_TYPE_NOT_OF_PROCEDURE);
  });

  it('a dossier for a new project takes the project of its act', () => {
    const issuing: DossierEvent = { type: 'DossierReceived', data: { ...received.data, projectCode: undefined } } as DossierEvent;
    givenDossier(issuing).when(approve('2025-02-05T15:00:00+07:00', [act({ projectCode: '2109999999' })])).then([
      { type: 'DossierResolved', data: { resolvedAt: '2025-02-05T15:00:00+07:00', outcome: 'APPROVED', acts: [{ streamId: 'project-2101234567', version: 3, type: 'CapitalIncreased' }] } },
    ]);
  });

  it('a refusal carries its reason in writing', () => {
    givenDossier(received).when(refuse('2025-02-05T15:00:00+07:00', 'Dự án không phù hợp quy hoạch')).then([
      { type: 'DossierResolved', data: { resolvedAt: '2025-02-05T15:00:00+07:00', outcome: 'REFUSED', reason: 'Dự án không phù hợp quy hoạch' } },
    ]);
    givenDossier(received).when(refuse('2025-02-05T15:00:00+07:00', '  ')).thenRejects(RuleCode.REASON_REQUIRED);
    givenDossier(received)
      .when({ type: 'ResolveDossier', now: NOW, data: { resolvedAt: '2025-02-05T15:00:00+07:00', outcome: 'REFUSED', reason: 'x', acts: [act()] } })
      .thenRejects(RuleCode.REFUSAL_LINKS_ACTS);
  });

  it('a resolution before receipt is refused — no dossier, or dated before it was received', () => {
    givenDossier().when(approve('2025-02-05T15:00:00+07:00')).thenRejects(RuleCode.DOSSIER_NOT_FOUND);
    givenDossier(received).when(approve('2025-01-23T15:00:00+07:00')).thenRejects(RuleCode.DOSSIER_BEFORE_RECEIPT);
  });

  it('a step dated before the last recorded step is refused', () => {
    givenDossier(received, supplementRequested('2025-02-03T10:00:00+07:00')).when(supplement('2025-02-01T10:00:00+07:00')).thenRejects(RuleCode.DOSSIER_BEFORE_LAST_STEP);
  });

  it('a second resolution is refused', () => {
    givenDossier(received, approved).when(refuse('2025-02-06T15:00:00+07:00', 'x')).thenRejects(RuleCode.DOSSIER_ALREADY_RESOLVED);
  });
});

describe('a closed dossier accepts nothing more', () => {
  const withdrawn: DossierEvent = { type: 'DossierWithdrawn', data: { withdrawnAt: '2025-02-03T10:00:00+07:00', reason: 'Nhà đầu tư rút hồ sơ' } };
  const transferred: DossierEvent = { type: 'DossierTransferred', data: { transferredAt: '2025-02-03T10:00:00+07:00', toAgency: 'Sở Tài chính tỉnh Bắc Ninh', reason: 'Không thuộc thẩm quyền' } };
  it.each([
    ['resolved', approved],
    ['withdrawn', withdrawn],
    ['transferred', transferred],
  ])('%s', (_name, closing) => {
    const later = '2025-02-10T10:00:00+07:00';
    for (const command of [requestSupplement(later), supplement(later), { type: 'DelayDossier', now: NOW, data: { delayedAt: later, apology: 'Xin lỗi', newAppointmentOn: '2025-03-01' } } as DossierCommand, { type: 'WithdrawDossier', now: NOW, data: { withdrawnAt: later } } as DossierCommand]) {
      givenDossier(received, closing).when(command).thenRejects(RuleCode.DOSSIER_CLOSED);
    }
  });
});

describe('DelayDossier', () => {
  const delay = (newAppointmentOn: string, apology = 'Ban Quản lý xin lỗi Quý doanh nghiệp vì chậm trả kết quả'): DossierCommand => ({ type: 'DelayDossier', now: NOW, data: { delayedAt: '2025-02-06T10:00:00+07:00', apology, newAppointmentOn } });
  it('records the apology and the new appointment date', () => {
    givenDossier(received).when(delay('2025-02-12')).then([{ type: 'DossierDelayed', data: { delayedAt: '2025-02-06T10:00:00+07:00', apology: 'Ban Quản lý xin lỗi Quý doanh nghiệp vì chậm trả kết quả', newAppointmentOn: '2025-02-12' } }]);
  });
  it('needs a written apology and an appointment after the current one', () => {
    givenDossier(received).when(delay('2025-02-12', '')).thenRejects(RuleCode.APOLOGY_REQUIRED);
    givenDossier(received).when(delay('2025-02-07')).thenRejects(RuleCode.APPOINTMENT_NOT_LATER);
    givenDossier(received).when(delay('2025-02-30')).thenRejects(RuleCode.DATE_INVALID);
  });
});

describe('TransferDossier', () => {
  it('names the receiving agency and the reason', () => {
    const transfer = (toAgency: string): DossierCommand => ({ type: 'TransferDossier', now: NOW, data: { transferredAt: '2025-01-27T09:00:00+07:00', toAgency, reason: 'Không thuộc thẩm quyền' } });
    givenDossier(received).when(transfer('Sở Tài chính')).then([{ type: 'DossierTransferred', data: { transferredAt: '2025-01-27T09:00:00+07:00', toAgency: 'Sở Tài chính', reason: 'Không thuộc thẩm quyền' } }]);
    givenDossier(received).when(transfer('')).thenRejects(RuleCode.REASON_REQUIRED);
  });
});
