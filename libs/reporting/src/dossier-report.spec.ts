import { calendar2024To2026 as calendar } from '../../domain/src/testing/calendar-fixture';
import { decideDossier, foldDossier, type DossierCommand, type DossierEvent } from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { DossiersProjection, ProjectionRunner } from '@ledger/projections';
import { ReferenceData } from '@ledger/reference-data';
import { dossierReport } from './dossiers';
import { unitsOf } from './units';

const units = unitsOf(ReferenceData.load());
const NOW = '2026-02-01T10:00:00+07:00';
// Its same period is H2 2024: the dossier below closes before both.
const H2_2025 = { from: '2025-07-01', to: '2025-12-31', filters: {}, groupBy: [] };

/** The dossiers read model over a log whose recording times the test sets. */
async function ledger() {
  let clock = new Date('2026-01-10T00:00:00Z');
  const store = new MemoryEventStore(() => clock);
  const runner = new ProjectionRunner(store, ':memory:', [new DossiersProjection()]);
  const history = new Map<string, DossierEvent[]>();
  return {
    runner,
    at: (instant: string) => (clock = new Date(instant)),
    async record(id: string, command: DossierCommand) {
      const events = history.get(id) ?? [];
      const decided = decideDossier(command, foldDossier(events));
      await store.append(`dossier-${id}`, decided.map((e, i) => ({ eventId: `${id}-${events.length + i}`, type: e.type, data: e.data as never, metadata: {} })), events.length === 0 ? 'no_stream' : BigInt(events.length));
      history.set(id, [...events, ...decided]);
      await runner.catchUp();
    },
  };
}

const receive = (dossierId: string, receivedAt: string): DossierCommand => ({
  type: 'ReceiveDossier',
  now: NOW,
  calendar,
  procedure: { code: 'ADJUST_IRC', statutoryDays: 10, unit: 'working', committedDays: 5, actTypes: ['CertificateAdjusted'] },
  data: { dossierId, procedureCode: 'ADJUST_IRC', boardId: 'BQL-HN', receivedAt, channel: 'DESK', applicant: { name: 'a', contact: 'b' }, documents: ['d'] },
});

describe('dossier report over the read model, as known at a system time', () => {
  it('a closure before both periods recorded after knownAt leaves the dossier open as known then', async () => {
    const l = await ledger();
    l.at('2026-01-10T00:00:00Z');
    await l.record('Y', receive('Y', '2024-03-01T09:00:00+07:00'));
    l.at('2026-01-20T00:00:00Z');
    await l.record('Y', { type: 'WithdrawDossier', now: NOW, data: { withdrawnAt: '2024-03-05T09:00:00+07:00' } });

    const asKnown = dossierReport(l.runner.db, units, { ...H2_2025, knownAt: '2026-01-15T00:00:00Z' }).total;
    expect([asKnown.current.carriedOver, asKnown.current.inProcess.overdue, asKnown.samePeriodLastYear.carriedOver]).toEqual([1, 1, 1]);
    const latest = dossierReport(l.runner.db, units, H2_2025).total;
    expect([latest.current.carriedOver, latest.current.inProcess.total, latest.samePeriodLastYear.carriedOver]).toEqual([0, 0, 0]);
    expect(dossierReport(l.runner.db, units, { ...H2_2025, knownAt: '2026-01-05T00:00:00Z' }).total.current.carriedOver).toBe(0);
    await l.runner.close();
  });
});
