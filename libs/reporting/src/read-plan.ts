import type { GroupDimension, ReportFilters } from './filters';

/**
 * Where a report reads its figures. `running-sums`: the projection's month-end running sums plus
 * the facts of less than a month, as known now; `board-running-sums`: the same with each board's
 * zones summed, a third of the rows, when the report neither filters nor groups by zone. `facts`:
 * the facts themselves — needed for `knownAt` (the running sums hold only what is known now) and
 * for flows by investor country (the running sums by country keep every kind together).
 * Projects adjusted in a period, a distinct count, come from each project's adjustment
 * days as known now, by board or coarser and without a zone filter; otherwise from the facts.
 */
export type FactsSource = 'board-running-sums' | 'running-sums' | 'facts';
/** The stock as of a date sums every kind, so by country it has running sums too. */
export type StockSource = FactsSource | 'country-running-sums';

export interface ReadPlan {
  /** Flows by kind over a period (sumsOver). */
  sums: FactsSource;
  /** The stock as of a date (sumsAsOf). */
  stock: StockSource;
  projectsAdjusted: 'adjusted-days' | 'facts';
}

export function readPlan(query: { knownAt?: string; filters: ReportFilters; groupBy: readonly GroupDimension[] }): ReadPlan {
  const asKnownNow = query.knownAt === undefined;
  const byZone = query.filters.zoneId !== undefined || query.groupBy.includes('zone');
  const byCountry = query.groupBy.includes('country');
  const sums = !asKnownNow || byCountry ? 'facts' : byZone ? 'running-sums' : 'board-running-sums';
  return {
    sums,
    stock: asKnownNow && byCountry && !byZone ? 'country-running-sums' : sums,
    projectsAdjusted: asKnownNow && !byZone && !byCountry ? 'adjusted-days' : 'facts',
  };
}
