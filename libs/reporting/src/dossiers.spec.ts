import { calendar2024To2026 as calendar } from '../../domain/src/testing/calendar-fixture';
import { decideDossier, foldDossier, type DossierCommand, type DossierEvent, type ProcedureTerms } from '@ledger/domain';
import { periodFigures } from './dossiers';

const adjust: ProcedureTerms = { code: 'ADJUST_IRC', statutoryDays: 10, unit: 'working', committedDays: 5, actTypes: ['CertificateAdjusted'] };
const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;

/** A dossier's stream, produced by the decider so its due dates are the real ones. */
function stream(receivedAt: string, ...steps: ((now: string) => DossierCommand)[]): DossierEvent[] {
  const now = '2026-02-01T10:00:00+07:00';
  const events: DossierEvent[] = decideDossier(
    { type: 'ReceiveDossier', now, calendar, procedure: adjust, data: { dossierId: 'X', procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt, channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: [] } },
    foldDossier([]),
  );
  for (const step of steps) events.push(...decideDossier(step(now), foldDossier(events)));
  return events;
}
const refusedAt = (resolvedAt: string) => (now: string): DossierCommand => ({ type: 'ResolveDossier', now, data: { resolvedAt, outcome: 'REFUSED', reason: 'r' } });

describe('dossier figures at the edges of a period (Vietnam dates, inclusive)', () => {
  const from = '2025-07-01';
  const to = '2025-12-31';

  it('a dossier received on the first day is received in the period, not carried over', () => {
    expect(periodFigures([stream(at(from))], from, to)).toMatchObject({ received: { total: 1 }, carriedOver: 0, inProcess: { total: 1, overdue: 1 } });
  });

  it('one received at 23:59 the day before the period, Vietnam time, is carried over; at midnight it is received', () => {
    expect(periodFigures([stream('2025-06-30T16:59:00Z')], from, to)).toMatchObject({ received: { total: 0 }, carriedOver: 1 }); // 23:59 on 30/06 in Hà Nội
    expect(periodFigures([stream('2025-06-30T17:00:00Z')], from, to)).toMatchObject({ received: { total: 1 }, carriedOver: 0 }); // 00:00 on 01/07
  });

  it('one resolved on the last day (its committed due day, 24/12 + 5 working days) is resolved on time in the period; one received on the last day is in process', () => {
    expect(periodFigures([stream(at('2025-12-24'), refusedAt(at(to, '16:00')))], from, to)).toMatchObject({ resolved: { total: 1, onTime: 1 }, inProcess: { total: 0 } });
    expect(periodFigures([stream(at(to))], from, to)).toMatchObject({ received: { total: 1 }, inProcess: { total: 1, withinDeadline: 1 } });
  });

  it('one resolved on the deadline day is on time, the day before ahead, the day after late (committed due Mon 15/12/2025)', () => {
    const received = at('2025-12-08');
    const figures = periodFigures([refusedAt(at('2025-12-12')), refusedAt(at('2025-12-15')), refusedAt(at('2025-12-16'))].map((step) => stream(received, step)), from, to);
    expect(figures.resolved).toMatchObject({ aheadOfTime: 1, onTime: 1, late: 1, withinStatutoryTime: 3 });
  });

  it('one closed before the period or received after it does not count at all', () => {
    const figures = periodFigures([stream(at('2025-06-02'), refusedAt(at('2025-06-30'))), stream(at('2026-01-05'))], from, to);
    expect([figures.received.total, figures.carriedOver, figures.resolved.total, figures.inProcess.total]).toEqual([0, 0, 0, 0]);
  });
});
