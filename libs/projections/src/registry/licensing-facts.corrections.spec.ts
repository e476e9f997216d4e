import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide, foldProject, type ProjectCommand, type ProjectEvent } from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { validProjectsReport } from '@ledger/reporting';
import { fdiIssued, increase, TODAY } from '../../../domain/src/testing/fixtures';
import { ProjectionRunner } from '../runner/projection-runner';
import { allProjections } from '../index';
import { oneBoardUnits } from '../testing/units';

/**
 * A correction cancels the project's facts and derives those of the corrected history. Its work
 * must be bounded by the project's own events: cancelling earlier cancellations too made the
 * facts double with every correction (issue 13, defect 1: 2,097,151 rows after 20).
 */
const units = oneBoardUnits;
const dir = mkdtempSync(join(tmpdir(), 'ledger-corrections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = fdiIssued.projectCode;
const correctIssuance: ProjectCommand = { type: 'CorrectEvent', today: TODAY, data: { correctsVersion: 1, correctedData: { ...fdiIssued }, reason: 'ghi lại như cũ' } };

async function given(commands: ProjectCommand[]): Promise<ProjectionRunner> {
  const store = new MemoryEventStore();
  const history: ProjectEvent[] = [];
  for (const command of commands) {
    const events = decide(command, foldProject(history));
    await store.append(`project-${code}`, events.map((e, i) => ({ eventId: `${code}-${history.length + i}`, type: e.type, data: e.data, metadata: {} })), history.length ? BigInt(history.length) : 'no_stream');
    history.push(...events);
  }
  const runner = new ProjectionRunner(store, join(dir, `${commands.length}.db`), allProjections());
  await runner.catchUp();
  return runner;
}

const factRows = (runner: ProjectionRunner) => runner.db.prepare('SELECT COUNT(*) FROM facts WHERE project_code = ?').pluck().get(code) as number;

it('20 identical corrections of an issuance add two facts each: one cancellation, one re-derived issuance', async () => {
  const runner = await given([{ type: 'IssueCertificate', today: TODAY, data: fdiIssued }, ...Array.from({ length: 20 }, () => correctIssuance)]);

  expect(factRows(runner)).toBe(1 + 20 * 2);
  const report = validProjectsReport(runner.db, units, { asOf: '2016-12-31', filters: {}, groupBy: [] });
  expect(report.total.FDI).toMatchObject({ validProjects: 1, registeredCapital: { currency: 'USD', amount: '10000000.00' } });
  await runner.close();
});

it('a correction cancels the facts of acts recorded after the previous correction, and only those', async () => {
  const runner = await given([
    { type: 'IssueCertificate', today: TODAY, data: fdiIssued },
    increase({ vnd: '23500000000', usd: '1000000.00' }, '2016-06-01'),
    correctIssuance,
    increase({ vnd: '23500000000', usd: '1000000.00' }, '2016-09-01'),
    correctIssuance,
  ]);

  // 2 facts; 2 cancelled + 2 re-derived; 1; the 3 live ones cancelled + 3 re-derived.
  expect(factRows(runner)).toBe(2 + 4 + 1 + 6);
  const report = validProjectsReport(runner.db, units, { asOf: '2016-12-31', filters: {}, groupBy: [] });
  expect(report.total.FDI).toMatchObject({ validProjects: 1, registeredCapital: { currency: 'USD', amount: '12000000.00' } });
  await runner.close();
});
