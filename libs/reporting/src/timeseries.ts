import type Database from 'better-sqlite3';
import { ORIGINS, addDays, type LegalDate, type Origin } from '@ledger/domain';
import { ADJUSTMENT_FACT_KINDS } from '@ledger/projections';
import { amountOf } from './figures';
import { filterSql, type ReportFilters, type Units } from './filters';
import { knownAtInstant } from './known-at';
import { readPlan } from './read-plan';
import { sumsOver, type SumsRow } from './sums';
import { stockRows } from './valid-projects';

export const INTERVALS = ['month', 'quarter', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];

/** Flow metrics sum facts inside each bucket; stock metrics are the position at each bucket's end. */
export const METRICS = {
  newProjects: { kinds: ['ISSUED'], value: 'count' },
  newCapital: { kinds: ['ISSUED'], value: 'reg' },
  adjustments: { kinds: ADJUSTMENT_FACT_KINDS, value: 'count' },
  increasedCapital: { kinds: ['INCREASED'], value: 'reg' },
  decreasedCapital: { kinds: ['DECREASED'], value: '-reg' },
  newAndAddedCapital: { kinds: ['ISSUED', 'INCREASED'], value: 'reg' },
  terminations: { kinds: ['TERMINATED'], value: 'count' },
  realizedCapital: { kinds: ['REALIZED'], value: 'realized' },
  validProjects: { stock: 'valid' },
  registeredCapital: { stock: 'reg' },
  cumulativeRealizedCapital: { stock: 'realized' },
} as const;
export type Metric = keyof typeof METRICS;

export interface TimeseriesQuery {
  metric: Metric;
  interval: Interval;
  from: LegalDate;
  to: LegalDate;
  knownAt?: string;
  filters: ReportFilters;
  /** Filters by a unit include its predecessors' projects; stated in the response. */
  units?: 'historical' | 'current';
}

interface Bucket {
  period: string;
  from: LegalDate;
  to: LegalDate;
}

const MONTHS: Record<Interval, number> = { month: 1, quarter: 3, year: 12 };

/**
 * A series has at most this many intervals — 40 years by month, from the first investment law
 * (EARLIEST_LEGAL_DATE) to beyond today — so one request cannot ask for every month up to 9999.
 */
export const MAX_SERIES_INTERVALS = 480;

/** How many intervals [from, to] spans (the first and last may be partial). */
export function intervalCount(interval: Interval, from: LegalDate, to: LegalDate): number {
  const index = (date: LegalDate) => Math.floor((Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1) / MONTHS[interval]);
  return from > to ? 0 : index(to) - index(from) + 1;
}

export function buckets(interval: Interval, from: LegalDate, to: LegalDate): Bucket[] {
  if (intervalCount(interval, from, to) > MAX_SERIES_INTERVALS) throw new RangeError(`a series has at most ${MAX_SERIES_INTERVALS} intervals`);
  const out: Bucket[] = [];
  const months = MONTHS[interval];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  m = Math.floor((m - 1) / months) * months + 1; // align to the start of the bucket
  for (;;) {
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    if (start > to) return out;
    const [ny, nm] = m + months > 12 ? [y + 1, m + months - 12] : [y, m + months];
    const end = addDays(`${ny}-${String(nm).padStart(2, '0')}-01`, -1);
    const period = interval === 'month' ? start.slice(0, 7) : interval === 'quarter' ? `${y}-Q${(m + 2) / 3}` : String(y);
    out.push({ period, from: start < from ? from : start, to: end > to ? to : end });
    [y, m] = [ny, nm];
  }
}

const valueOf = (origin: Origin, vnd: bigint, usd: bigint) => amountOf(origin, vnd, usd).amount;

const totalOf = <R extends { origin: Origin }>(rows: R[], origin: Origin, f: (r: R) => bigint) => rows.reduce((a, r) => (r.origin === origin ? a + f(r) : a), 0n);

export function timeseriesReport(db: Database.Database, units: Units, query: TimeseriesQuery) {
  const spec = METRICS[query.metric];
  const knownAt = knownAtInstant(query.knownAt);
  const where = filterSql(query.filters, units);
  const source = readPlan({ knownAt, filters: query.filters, groupBy: [] }).sums;
  const series = buckets(query.interval, query.from, query.to).map((bucket) => {
    const point: Record<string, unknown> = { period: bucket.period, from: bucket.from, to: bucket.to };
    if ('stock' in spec) {
      const rows = stockRows(db, units, bucket.to, knownAt, query.filters);
      for (const origin of ORIGINS) {
        const sum = (f: (r: (typeof rows)[number]) => bigint) => totalOf(rows, origin, f);
        point[origin] =
          spec.stock === 'valid'
            ? Number(sum((r) => r.valid))
            : spec.stock === 'reg'
              ? valueOf(origin, sum((r) => r.reg_vnd), sum((r) => r.reg_usd))
              : valueOf(origin, sum((r) => r.realized_vnd), sum((r) => r.realized_usd));
      }
      return point;
    }
    // The bucket's facts of the metric's kinds, per origin.
    const rows = sumsOver(db, source, bucket.from, bucket.to, { where, kinds: spec.kinds, by: [], knownAt });
    for (const origin of ORIGINS) {
      const sum = (f: (x: SumsRow) => bigint) => totalOf(rows, origin, f);
      point[origin] =
        spec.value === 'count'
          ? Number(sum((x) => x.n))
          : spec.value === 'realized'
            ? valueOf(origin, sum((x) => x.realized_vnd), sum((x) => x.realized_usd))
            : spec.value === '-reg'
              ? valueOf(origin, -sum((x) => x.reg_vnd), -sum((x) => x.reg_usd))
              : valueOf(origin, sum((x) => x.reg_vnd), sum((x) => x.reg_usd));
    }
    return point;
  });
  const currency = { FDI: 'USD', DDI: 'VND' };
  const counted = 'value' in spec ? spec.value === 'count' : spec.stock === 'valid';
  return {
    report: 'timeseries',
    metric: query.metric,
    interval: query.interval,
    from: query.from,
    to: query.to,
    ...(knownAt ? { knownAt } : {}),
    filters: query.filters,
    units: query.units ?? 'historical',
    unit: counted ? { FDI: 'projects', DDI: 'projects' } : currency,
    series,
  };
}
