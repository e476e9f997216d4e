import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide, foldProject, type ProjectCommand, type ProjectEvent } from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { activityReport } from '@ledger/reporting';
import { fdiIssued, increase, TODAY } from '../../../domain/src/testing/fixtures';
import { ProjectionRunner } from '../runner/projection-runner';
import { allProjections } from '../index';
import { oneBoardUnits } from '../testing/units';
import { inLogOrder } from '../testing/log-order';

/**
 * "Projects adjusted" in a period is a distinct count. As known now it is read from the projects'
 * adjustment days (a count of days whose previous one is before the period); with knownAt, from
 * the facts. Both must agree on the edges: the first day of the period, the day before it, and
 * two adjustments on one day.
 */
const units = oneBoardUnits;
const dir = mkdtempSync(join(tmpdir(), 'ledger-adjusted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usd = (dollars: number) => ({ vnd: String(dollars * 23500), usd: `${dollars}.00` });

async function given(projects: Record<string, { issuedOn: string; increases: string[] }>): Promise<ProjectionRunner> {
  const store = new MemoryEventStore();
  for (const [code, p] of Object.entries(projects)) {
    const commands: ProjectCommand[] = [
      { type: 'IssueCertificate', today: TODAY, data: { ...fdiIssued, projectCode: code, issuedOn: p.issuedOn } },
      ...p.increases.map((on) => increase(usd(1000), on)),
    ];
    const history: ProjectEvent[] = [];
    for (const command of commands) {
      const events = decide(command, foldProject(history));
      await store.append(`project-${code}`, events.map((e, i) => ({ eventId: `${code}-${history.length + i}`, type: e.type, data: e.data, metadata: {} })), history.length ? BigInt(history.length) : 'no_stream');
      history.push(...events);
    }
  }
  const runner = new ProjectionRunner(inLogOrder(store), join(dir, `${Object.keys(projects).join('-')}.db`), allProjections());
  await runner.catchUp();
  return runner;
}

it('counts each project adjusted in the period once, on the period edges too, as the facts do', async () => {
  const runner = await given({
    '2100000001': { issuedOn: '2015-03-15', increases: ['2015-12-31', '2016-01-01', '2016-05-01'] },
    '2100000002': { issuedOn: '2016-02-01', increases: ['2016-03-01', '2016-03-01'] },
    '2100000003': { issuedOn: '2015-01-10', increases: ['2015-06-01'] },
  });
  for (const groupBy of [[], ['board'], ['zone']] as const) {
    const query = { from: '2016-01-01', to: '2016-12-31', filters: {}, groupBy: [...groupBy] };
    const report = activityReport(runner.db, units, query);
    const total = report.total as Record<'FDI', { current: { projectsAdjusted: number; adjustmentOccurrences: number }; samePeriodLastYear: { projectsAdjusted: number } }>;
    expect(total.FDI.current).toMatchObject({ projectsAdjusted: 2, adjustmentOccurrences: 4 });
    expect(total.FDI.samePeriodLastYear.projectsAdjusted).toBe(2);
    const { knownAt: _k, ...fromFacts } = activityReport(runner.db, units, { ...query, knownAt: '9999-12-31T00:00:00Z' });
    expect(report).toEqual(fromFacts);
  }
  await runner.close();
});
