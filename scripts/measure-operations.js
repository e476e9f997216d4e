/*
 * Ad-hoc latency of the issue-19 reports over a generated national history (not part of npm test or npm run bench):
 *   npm run build
 *   node -r ./config/register-paths.js dist/apps/ledger-cli/src/main.js generate --projects 20000 --years 10 --out /tmp/opsbench/ledger.db
 *   node -r ./config/register-paths.js scripts/measure-operations.js /tmp/opsbench/ledger.db /tmp/opsbench/read.db
 * It files 2023 and 2024 annual reports for every project valid then (through recordEnterpriseReport),
 * imports the zones of config/, catches the read models up and times the report functions in-process.
 */
const { SqliteEventStore } = require('@ledger/event-store');
const { ReferenceData } = require('@ledger/reference-data');
const { ProjectionRunner, allProjections } = require('@ledger/projections');
const { StreamStates, importReferenceZones, recordEnterpriseReport } = require('@ledger/ledger');
const { operationsReport, reportingCompliance, zonesReport, unitsOf } = require('@ledger/reporting');

const p95 = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
(async () => {
  const clock = () => new Date('2026-11-24T03:00:00Z');
  const store = new SqliteEventStore({ path: process.argv[2], clock });
  const reference = ReferenceData.load();
  const deps = { store, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
  const ctx = { actor: { id: 'bench', role: 'admin' }, now: clock() };
  const runner = new ProjectionRunner(store, process.argv[3], allProjections());
  let t = Date.now();
  await runner.catchUp();
  console.log(`catch-up of the generated log: ${Date.now() - t} ms, head ${await store.headPosition()}`);
  t = Date.now();
  const imported = await importReferenceZones(deps, { establishedOn: '2000-01-01', operatingFrom: '2001-01-01' }, ctx);
  console.log(`reference import: ${imported.established.length} zones in ${Date.now() - t} ms`);
  const codes = runner.db.prepare("SELECT project_code, origin FROM project_register WHERE issued_on <= '2023-12-31' AND (terminated_on IS NULL OR terminated_on >= '2024-01-01')").all();
  t = Date.now();
  let [i, recorded] = [0, 0];
  for (const { project_code, origin } of codes) {
    i++;
    const money = (n) => (origin === 'FDI' ? { usd: `${n}.00` } : { vnd: String(n * 23000) });
    for (const period of ['2023', '2024']) {
      await recordEnterpriseReport(deps, { projectCode: project_code, period, filedOn: `${Number(period) + 1}-02-10`, revenue: money(1000 + i), exportValue: money(500 + i), importValue: { vnd: String(1000 * i) }, budgetPaid: money(10 + i), employees: 100 + (i % 50), newJobs: i % 7 }, ctx).then(
        () => recorded++,
        (e) => {
          if (e.code !== 'NO_CHANGES') throw e; // filed by an earlier run
        },
      );
    }
  }
  console.log(`${recorded} enterprise reports recorded (of ${codes.length * 2}) in ${Date.now() - t} ms`);
  t = Date.now();
  await runner.catchUp();
  console.log(`catch-up of the reports: ${Date.now() - t} ms`);
  const units = unitsOf(reference);
  const time = (name, fn, n = 20) => {
    const xs = [];
    for (let k = 0; k < n; k++) {
      const s = process.hrtime.bigint();
      fn();
      xs.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    console.log(`${name}: p50 ${xs.slice().sort((a, b) => a - b)[n >> 1].toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms`);
  };
  const q = { from: '2024-01-01', to: '2024-12-31', filters: {}, groupBy: [], rates: { 2023: '24000', 2024: '25000' } };
  time('operations, national, byOrigin', () => operationsReport(runner.db, units, { ...q, presentation: 'byOrigin' }));
  time('operations, national, oneCurrency, groupBy board', () => operationsReport(runner.db, units, { ...q, presentation: 'oneCurrency', groupBy: ['board'] }));
  time('operations, one board (BQL-HN)', () => operationsReport(runner.db, units, { ...q, filters: { boardId: 'BQL-HN' }, presentation: 'byOrigin' }));
  time('compliance, national, 2024 (5 periods)', () => reportingCompliance(runner.db, units, { from: '2024-01-01', to: '2024-12-31', asOf: '2026-11-24', filters: {}, deadlines: { quarter: { monthsAfterPeriodEnd: 1, day: 10 }, year: { monthsAfterPeriodEnd: 3, day: 31 } } }), 5);
  time('zones, national', () => zonesReport(runner.db, units, { asOf: '2024-12-31', filters: {}, groupBy: [] }), 5);
  time('zones, one board (BQL-HN)', () => zonesReport(runner.db, units, { asOf: '2024-12-31', filters: { boardId: 'BQL-HN' }, groupBy: [] }));
  console.log(`projects in the register: ${runner.db.prepare('SELECT COUNT(*) FROM project_register').pluck().get()}`);
  await runner.close();
  await store.close();
})().catch((e) => { console.error(e); process.exit(1); });
