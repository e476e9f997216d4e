/**
 * The requests the analysts' dashboard (apps/dashboard/src) sends for one view of a year, as the
 * HTTP read mix of bench (e): what `refresh()` in main.ts, `loadDeskAndZones()`, `loadRegister()` and
 * `openProject()` ask for, with the dashboard's defaults (monthly charts of FDI, register pages of 10).
 */
const FROM = '2025-01-01';
const TO = '2025-12-31';
const YEAR_BEFORE = '2024-12-31';
const CHART_METRICS = ['newCapital', 'increasedCapital', 'decreasedCapital', 'registeredCapital', 'cumulativeRealizedCapital'];

/** Paths of one dashboard load; the project page's code is filled in per request. */
export const DASHBOARD_PATHS: readonly string[] = [
  // choosePeriod(): the latest certificate
  '/api/v1/projects?sort=issuedOn&order=desc&page=1&pageSize=1',
  // tiles: valid projects now and a year before, the period's activity
  `/api/v1/reports/valid-projects?asOf=${TO}`,
  `/api/v1/reports/valid-projects?asOf=${YEAR_BEFORE}`,
  `/api/v1/reports/activity?from=${FROM}&to=${TO}`,
  // charts: valid projects by board, zone and investor country; five monthly series
  `/api/v1/reports/valid-projects?asOf=${TO}&groupBy=board`,
  `/api/v1/reports/valid-projects?asOf=${TO}&groupBy=zone`,
  `/api/v1/reports/valid-projects?asOf=${TO}&groupBy=country&origin=FDI`,
  ...CHART_METRICS.map((metric) => `/api/v1/reports/timeseries?metric=${metric}&interval=month&from=${FROM}&to=${TO}&origin=FDI`),
  // one-stop desk and zones tiles
  `/api/v1/reports/dossiers?from=${FROM}&to=${TO}`,
  `/api/v1/reports/zones?asOf=${TO}`,
  // the register's first page
  `/api/v1/projects?sort=projectCode&order=asc&page=1&pageSize=10&asOf=${TO}`,
];

/** The project page: the certificate as of the period's end and its timeline. */
export const projectPaths = (code: string): string[] => [`/api/v1/projects/${code}?asOf=${TO}`, `/api/v1/projects/${code}/events`];

/**
 * Left out of the mix: `/reports/operations`. On the generated history (no enterprise reports) its
 * reporting-compliance part lists every valid project as missing — 3.4 MB per answer at 100k events —
 * while the dashboard reads only its `total`; it is timed on its own in (d).
 */
export const DASHBOARD_MIX_LABEL = 'dashboard: latest certificate, 5 valid-projects (tiles; by board, zone, country), activity, 5 monthly series, dossiers, zones, register page, project + its events';
