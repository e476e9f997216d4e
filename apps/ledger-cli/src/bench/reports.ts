import Database from 'better-sqlite3';
import { projectAsOf, type ProjectEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { ReferenceData } from '@ledger/reference-data';
import { activityReport, ReportCache, timeseriesReport, unitsOf, validProjectsReport } from '@ledger/reporting';
import { Prng } from '../generate/prng';
import { row, type Row } from './results';
import { percentile, timeAsync, timeSync } from './stats';

export interface ReportTimings {
  name: string;
  /** The very first call of each side (ms): cold statement caches and pages. */
  first?: [number, number];
  ledger: number[];
  raw: number[];
  /** The same calls answered by a ReportCache (key built from the query, checkpoint read from the file). */
  cached?: number[];
}

/**
 * (d) Report queries on a rebuilt read-model file, each against the bare SQL aggregate it rests on
 * (same facts table, no grouping by reference data, no formatting) run on the same connection.
 */
export async function timeReports(logPath: string, readPath: string, iterations: number): Promise<ReportTimings[]> {
  // Read-only: the reports only read (the projection keeps the month-end running sums).
  const db = new Database(readPath, { readonly: true });
  const units = unitsOf(ReferenceData.load());
  const stock = db.prepare('SELECT origin, SUM(valid_delta), SUM(reg_vnd), SUM(reg_usd), SUM(realized_vnd), SUM(realized_usd) FROM facts WHERE effective_on <= ? GROUP BY origin').safeIntegers();
  const flows = db.prepare('SELECT kind, origin, COUNT(*), SUM(reg_vnd), SUM(reg_usd) FROM facts WHERE effective_on BETWEEN ? AND ? GROUP BY kind, origin').safeIntegers();
  const quarterly = db
    .prepare("SELECT substr(effective_on, 1, 4) AS y, (CAST(substr(effective_on, 6, 2) AS INTEGER) + 2) / 3 AS q, origin, SUM(reg_vnd), SUM(reg_usd) FROM facts WHERE kind = 'ISSUED' AND effective_on BETWEEN ? AND ? GROUP BY y, q, origin")
    .safeIntegers();
  const byCountry = db.prepare("SELECT country, SUM(valid_delta), SUM(reg_usd), SUM(realized_usd) FROM facts WHERE effective_on <= ? AND origin = 'FDI' GROUP BY country").safeIntegers();
  const asOfDates = ['2019-12-31', '2022-06-30', '2024-12-31', '2026-09-30'];
  const checkpoint = db.prepare('SELECT MIN(position) FROM projection_checkpoints').pluck().safeIntegers();
  /** Uncached first (the report's own cost), then the same queries through a warmed cache: a lookup each. */
  const measure = async <Q>(name: string, query: (i: number) => Q, report: (q: Q) => unknown, raw: (i: number) => unknown): Promise<ReportTimings> => {
    const ledger = (i: number) => report(query(i));
    const timings = { name, first: [timeSync(1, ledger, 0)[0], timeSync(1, raw, 0)[0]] as [number, number], ledger: timeSync(iterations, ledger), raw: timeSync(iterations, raw) };
    const cache = new ReportCache<unknown>({ maxBytes: 64 * 1_048_576, sizeOf: (v) => JSON.stringify(v).length });
    for (let i = 0; i < asOfDates.length; i++) await cache.through(JSON.stringify(query(i)), checkpoint.get() as bigint, async () => ledger(i));
    return { ...timings, cached: timeSync(iterations, (i) => cache.get(JSON.stringify(query(i)), checkpoint.get() as bigint)) };
  };
  const out: ReportTimings[] = [
    await measure('validProjectsReport as of (by region, origin)', (i) => ({ asOf: asOfDates[i % 4], filters: {}, groupBy: ['region', 'origin'] as ['region', 'origin'] }), (q) => validProjectsReport(db, units, q), (i) => stock.all(asOfDates[i % 4])),
    // The dashboard's chart of FDI by investor country.
    await measure(
      'validProjectsReport as of (FDI by investor country)',
      (i) => ({ asOf: asOfDates[i % 4], filters: { origin: 'FDI' as const }, groupBy: ['country'] as ['country'] }),
      (q) => validProjectsReport(db, units, q),
      (i) => byCountry.all(asOfDates[i % 4]),
    ),
    await measure(
      'activityReport H1 + same period last year (by board)',
      () => ({ from: '2026-01-01', to: '2026-06-30', filters: {}, groupBy: ['board'] as ['board'] }),
      (q) => activityReport(db, units, q),
      () => (flows.all('2026-01-01', '2026-06-30'), flows.all('2025-01-01', '2025-06-30')),
    ),
    await measure(
      'timeseriesReport newCapital quarterly 2021–2026',
      () => ({ metric: 'newCapital' as const, interval: 'quarter' as const, from: '2021-01-01', to: '2026-09-30', filters: {} }),
      (q) => timeseriesReport(db, units, q),
      () => quarterly.all('2021-01-01', '2026-09-30'),
    ),
  ];
  db.close();

  const store = new SqliteEventStore({ path: logPath });
  const log = new Database(logPath, { readonly: true });
  const codes = log.prepare("SELECT DISTINCT stream_id FROM events WHERE type = 'CertificateIssued'").pluck().all() as string[];
  const readRaw = log.prepare('SELECT type, data, recorded_at FROM events WHERE stream_id = ? ORDER BY stream_version');
  const rng = new Prng(7);
  const sample = Array.from({ length: iterations }, () => rng.pick(codes));
  out.push({
    name: 'project as of (readStream + projectAsOf)',
    ledger: await timeAsync(iterations, async (i) => {
      const history = await store.readStream(sample[i]);
      projectAsOf(history.map((e) => ({ event: { type: e.type, data: e.data } as ProjectEvent, recordedAt: e.recordedAt })), { asOf: '2024-12-31' });
    }),
    raw: timeSync(iterations, (i) => (readRaw.all(sample[i]) as { data: string }[]).map((r) => JSON.parse(r.data))),
  });
  log.close();
  await store.close();
  return out;
}

export function reportRows(timings: readonly ReportTimings[], label: string): Row[] {
  return timings.flatMap((t) => [
    ...(t.first ? [row({ section: `d. reports (${label})`, metric: `${t.name} first call`, unit: 'ms', better: 'lower', value: t.first[0], baselineName: 'bare SQL', baseline: t.first[1], note: 'cold: first statement preparation and page reads' })] : []),
    row({ section: `d. reports (${label})`, metric: `${t.name} p50`, unit: 'ms', better: 'lower', value: percentile(t.ledger, 50), baselineName: 'bare SQL', baseline: percentile(t.raw, 50) }),
    row({ section: `d. reports (${label})`, metric: `${t.name} p95`, unit: 'ms', better: 'lower', value: percentile(t.ledger, 95), baselineName: 'bare SQL', baseline: percentile(t.raw, 95), note: t.name.startsWith('project') ? '' : 'uncached; target < 20 ms at 50k projects' }),
    ...(t.cached
      ? [
          row({ section: `d. reports (${label})`, metric: `${t.name} cached p50`, unit: 'µs', better: 'lower', value: percentile(t.cached, 50) * 1000, baselineName: 'bare SQL', baseline: percentile(t.raw, 50) * 1000, note: 'ReportCache hit: key from the query + checkpoint read' }),
          row({ section: `d. reports (${label})`, metric: `${t.name} cached p95`, unit: 'µs', better: 'lower', value: percentile(t.cached, 95) * 1000, baselineName: 'bare SQL', baseline: percentile(t.raw, 95) * 1000 }),
        ]
      : []),
  ]);
}
