import fc from 'fast-check';
import { RuleViolation, SUSPENSION_GROUNDS, addDays, decide, effectiveDateOf, foldProject, minorUnitsOf, projectAsOf, type ProjectCommand, type ProjectEvent } from '@ledger/domain';
import { landIntervals } from './zone-land.projection';

/** Random acts of one project that move its land (zone, area, termination and its revocation) among acts that do not. */
const TODAY = '2030-01-01';
const day = (n: number) => addDays('2014-01-01', n);
const actArb = fc.record({
  kind: fc.constantFrom('zone', 'land', 'inc', 'realize', 'rename', 'suspend', 'terminate', 'correct'),
  offset: fc.integer({ min: 0, max: 400 }),
  amount: fc.integer({ min: 1, max: 9 }),
});
const projectArb = fc.record({ issuedDay: fc.integer({ min: 0, max: 400 }), land: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), acts: fc.array(actArb, { maxLength: 8 }) });
type Spec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

const area = (n: number) => `${n * 1000}.5`;

function commandOf(a: Spec['acts'][number], issuedDay: number, history: readonly ProjectEvent[]): ProjectCommand {
  const effectiveOn = day(issuedDay + a.offset);
  switch (a.kind) {
    case 'zone':
      return { type: 'AdjustCertificate', today: TODAY, data: { changes: { zoneId: `Z${a.amount % 3}` }, effectiveOn, reason: 'r' } };
    case 'land':
      return { type: 'AdjustCertificate', today: TODAY, data: { changes: { landAreaM2: area(a.amount) }, effectiveOn, reason: 'r' } };
    case 'inc':
      return { type: 'IncreaseCapital', today: TODAY, data: { amount: { vnd: String(a.amount * 1000) }, effectiveOn, reason: 'r' } };
    case 'realize':
      return { type: 'RecordRealizedCapital', today: TODAY, data: { period: effectiveOn.slice(0, 7), amount: { vnd: String(a.amount * 100) }, reportedOn: effectiveOn } };
    case 'rename':
      return { type: 'AdjustCertificate', today: TODAY, data: { changes: { projectName: `N${a.amount}` }, effectiveOn, reason: 'r' } };
    case 'suspend':
      return { type: 'SuspendProject', today: TODAY, data: { ground: SUSPENSION_GROUNDS[0], effectiveOn, decisionRef: 'd' } };
    case 'terminate':
      return { type: 'TerminateProject', today: TODAY, data: { ground: 'INVESTOR_DECISION', effectiveOn, decisionRef: 'd' } };
    case 'correct': {
      // Revoke a termination, or give the issuance or a land change another area.
      const targets = history.flatMap((e, i) => (e.type === 'ProjectTerminated' || e.type === 'CertificateIssued' || (e.type === 'CertificateAdjusted' && e.data.changes.landAreaM2 !== undefined) ? [i + 1] : []));
      const version = targets[a.amount % targets.length];
      const target = history[version - 1];
      if (target.type === 'ProjectTerminated') return { type: 'CorrectEvent', today: TODAY, data: { correctsVersion: version, revoked: true, reason: 'sửa sai' } };
      const correctedData = target.type === 'CertificateIssued' ? { landAreaM2: area(a.amount + 1) } : { changes: { landAreaM2: area(a.amount + 1) } };
      return { type: 'CorrectEvent', today: TODAY, data: { correctsVersion: version, correctedData, reason: 'sửa sai' } };
    }
  }
}

/** The project's stream as the domain decides it; acts a rule rejects do not happen. */
function historyOf(spec: Spec): ProjectEvent[] {
  const issue: ProjectCommand = {
    type: 'IssueCertificate',
    today: TODAY,
    data: {
      projectCode: '2100000001', boardId: 'B1', zoneId: 'Z0', projectName: 'P', investors: [{ name: 'I', country: 'VN' }], origin: 'DDI',
      registeredCapital: { vnd: '100000' }, objectives: 'o', durationYears: 50, issuedOn: day(spec.issuedDay), ...(spec.land ? { landAreaM2: area(spec.land) } : {}),
    },
  };
  const history: ProjectEvent[] = [];
  const attempt = (command: ProjectCommand) => {
    try {
      history.push(...decide(command, foldProject(history)));
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
    }
  };
  attempt(issue);
  if (history.length === 0) throw new Error('the issuance was rejected');
  for (const act of spec.acts) attempt(commandOf(act, spec.issuedDay, history));
  return history;
}

describe('landIntervals: the land a project leases over legal time', () => {
  it('on every day, the interval covering it (or none) is the zone and area of the certificate as in force that day', () => {
    fc.assert(
      fc.property(projectArb, (spec) => {
        const history = historyOf(spec);
        const intervals = landIntervals(history);
        const timed = history.map((event) => ({ event, recordedAt: '2026-01-01T00:00:00.000Z' }));
        // The lease can change only on a day an act takes effect: each such day, the day before it, and one long after.
        const days = new Set([...history.map(effectiveDateOf), day(spec.issuedDay + 500)].flatMap((on) => [addDays(on, -1), on]));
        for (const on of days) {
          const state = projectAsOf(timed, { asOf: on });
          const leased = state.status === 'VALID' && state.zoneId && state.landAreaM2 ? { zoneId: state.zoneId, m2Hundredths: minorUnitsOf(state.landAreaM2, 2) } : undefined;
          const covering = intervals.filter((i) => i.from <= on && (i.to === null || on <= i.to));
          expect(covering.length).toBeLessThanOrEqual(1);
          expect(covering[0] && { zoneId: covering[0].zoneId, m2Hundredths: covering[0].m2Hundredths }).toEqual(leased);
        }
        // Consecutive intervals differ: the same lease on consecutive days is one interval.
        intervals.slice(1).forEach((next, i) => {
          const before = intervals[i];
          if (before.to !== null && addDays(before.to, 1) === next.from) expect([next.zoneId, next.m2Hundredths]).not.toEqual([before.zoneId, before.m2Hundredths]);
        });
      }),
      { numRuns: 500 },
    );
  });
});
