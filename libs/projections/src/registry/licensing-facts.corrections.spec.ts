import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectCommand } from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { validProjectsReport } from '@ledger/reporting';
import { fdiIssued, increase, TODAY } from '../../../domain/src/testing/fixtures';
import { ProjectionRunner } from '../runner/projection-runner';
import { allProjections } from '../index';
import { LicensingFactsProjection } from './licensing-facts.projection';
import { TickingClock, record, type Histories } from '../testing/random-histories';
import { oneBoardUnits } from '../testing/units';
import { inLogOrder } from '../testing/log-order';

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

let runs = 0;
async function given(commands: ProjectCommand[]): Promise<{ runner: ProjectionRunner; store: MemoryEventStore; recordedAt: string[] }> {
  const clock = new TickingClock();
  const store = new MemoryEventStore(clock.now);
  const histories: Histories = new Map();
  for (const command of commands) expect(await record(store, clock, histories, code, command)).toBe(true);
  const runner = new ProjectionRunner(inLogOrder(store), join(dir, `${++runs}.db`), allProjections());
  await runner.catchUp();
  return { runner, store, recordedAt: histories.get(code)!.map((h) => h.recordedAt) };
}

const factRows = (runner: ProjectionRunner) => runner.db.prepare('SELECT COUNT(*) FROM facts WHERE project_code = ?').pluck().get(code) as number;

it('20 identical corrections of an issuance add two facts each: one cancellation, one re-derived issuance', async () => {
  const { runner } = await given([{ type: 'IssueCertificate', today: TODAY, data: fdiIssued }, ...Array.from({ length: 20 }, () => correctIssuance)]);

  expect(factRows(runner)).toBe(1 + 20 * 2);
  const report = validProjectsReport(runner.db, units, { asOf: '2016-12-31', filters: {}, groupBy: [] });
  expect(report.total.FDI).toMatchObject({ validProjects: 1, registeredCapital: { currency: 'USD', amount: '10000000.00' } });
  await runner.close();
});

it('a correction cancels the facts of acts recorded after the previous correction, and only those', async () => {
  const { runner } = await given([
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

it('known before a correction, the original; between two corrections, the first one\'s result; after both, the second\'s', async () => {
  const capital = (usd: string, vnd: string) => ({ type: 'CorrectEvent', today: TODAY, data: { correctsVersion: 1, correctedData: { ...fdiIssued, registeredCapital: { vnd, usd, exchangeRate: '23500' } }, reason: 'sửa vốn' } }) as ProjectCommand;
  const { runner, recordedAt } = await given([{ type: 'IssueCertificate', today: TODAY, data: fdiIssued }, capital('12000000.00', '282000000000'), capital('14000000.00', '329000000000')]);

  const registered = (knownAt?: string) => validProjectsReport(runner.db, units, { asOf: '2016-12-31', filters: {}, groupBy: [], ...(knownAt ? { knownAt } : {}) }).total.FDI.registeredCapital.amount;
  expect(recordedAt.map(registered)).toEqual(['10000000.00', '12000000.00', '14000000.00']);
  expect(registered()).toBe('14000000.00');
  await runner.close();
});

/** The next version of the facts read model: the runner replays it alone from position 0. */
function nextFactsVersion(): LicensingFactsProjection {
  const facts = new LicensingFactsProjection();
  return Object.defineProperty(facts, 'version', { value: facts.version + 1 });
}

it('replayed after a version change while the register stays at the head, a correction derives only the history up to it', async () => {
  const { runner, store } = await given([
    { type: 'IssueCertificate', today: TODAY, data: fdiIssued },
    correctIssuance,
    increase({ vnd: '23500000000', usd: '1000000.00' }, '2016-09-01'),
  ]);
  const factsOf = (r: ProjectionRunner) => r.db.prepare('SELECT * FROM facts ORDER BY position, seq').all();
  const before = factsOf(runner);
  const path = runner.db.name;
  await runner.close();

  const upgraded = new ProjectionRunner(store, path, allProjections().map((p) => (p instanceof LicensingFactsProjection ? nextFactsVersion() : p)));
  expect(upgraded.status().map((s) => [s.name, s.checkpoint]).slice(0, 2)).toEqual([
    ['project-register', '3'],
    ['licensing-facts', '0'],
  ]);
  await upgraded.catchUp();
  // 1 issuance; 1 cancelled + 1 re-derived; 1 increase — not the increase again, derived from a history past the correction.
  expect(factsOf(upgraded)).toHaveLength(4);
  expect(factsOf(upgraded)).toEqual(before);
  await upgraded.close();
});

it('an act recorded after a move but dated before it counts in the zone of its date, and moves with the project; known before it, the figures as they were', async () => {
  const { runner, recordedAt } = await given([
    { type: 'IssueCertificate', today: TODAY, data: fdiIssued },
    { type: 'AdjustCertificate', today: TODAY, data: { changes: { zoneId: 'KCN-VAN-TRUNG' }, effectiveOn: '2016-07-01', reason: 'chuyển địa điểm' } },
    increase({ vnd: '23500000000', usd: '1000000.00' }, '2016-05-01'),
  ]);
  const byZone = (asOf: string, knownAt?: string) =>
    validProjectsReport(runner.db, units, { asOf, filters: {}, groupBy: ['zone'], ...(knownAt ? { knownAt } : {}) }).groups
      .filter((g) => g.FDI.validProjects > 0) // a zone the project left stays as a group of zeros
      .map((g) => [g.key.zoneId, g.FDI.validProjects, g.FDI.registeredCapital.amount]);

  expect(byZone('2016-06-30')).toEqual([['KCN-QUANG-CHAU', 1, '11000000.00']]);
  expect(byZone('2016-12-31')).toEqual([['KCN-VAN-TRUNG', 1, '11000000.00']]);
  // The same from the facts themselves (knownAt after every recording), and as known before the increase was recorded.
  expect(byZone('2016-06-30', '9999-12-31T00:00:00Z')).toEqual([['KCN-QUANG-CHAU', 1, '11000000.00']]);
  expect(byZone('2016-06-30', recordedAt[1])).toEqual([['KCN-QUANG-CHAU', 1, '10000000.00']]);
  expect(byZone('2016-12-31', recordedAt[1])).toEqual([['KCN-VAN-TRUNG', 1, '10000000.00']]);
  await runner.close();
});
