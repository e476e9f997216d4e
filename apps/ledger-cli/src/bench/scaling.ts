import { CATCH_UP_EVENTS, benchCatchUp } from './catch-up';
import { runChild } from './child';
import { datasetOfSize, writeLog, type Workspace } from './fixtures';
import { reportRows, timeReports } from './reports';
import { row, type Row } from './results';
import { percentile } from './stats';

interface Replay {
  events: number;
  seconds: number;
  maxRssMb: number;
}

export interface ScalePoint {
  targetEvents: number;
  events: number;
  projects: number;
  rebuildEventsPerSec: number;
  rawEventsPerSec: number;
  rebuildPeakRssMb: number;
  rawPeakRssMb: number;
  reportP95Ms: Record<string, number>;
}

export interface ScaleResult {
  point: ScalePoint;
  rows: Row[];
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${Math.round(n / 1e3)}k`);

/** (c) rebuild vs read+parse+fold and (d)/(f) report latency, at one log size. */
export async function benchScale(ws: Workspace, targetEvents: number, reportIterations: number, log: (line: string) => void): Promise<ScaleResult> {
  const dataset = datasetOfSize(targetEvents);
  const [logPath, readPath] = [ws.path(`scale-${targetEvents}.db`), ws.path(`scale-${targetEvents}.read-models.db`)];
  writeLog(logPath, dataset);
  const events = dataset.events.length;
  dataset.events.length = 0; // free before the children replay
  log(`  log of ${events} events (${dataset.projects} projects) written; rebuilding`);
  const ledger = await runChild<Replay>('rebuild-child.js', ['ledger', logPath, readPath]);
  const raw = await runChild<Replay>('rebuild-child.js', ['raw', logPath]);
  log(`  rebuilt in ${ledger.seconds.toFixed(1)} s (raw replay ${raw.seconds.toFixed(1)} s)`);
  // A replica this far behind a log not much longer than that would be a rebuild: measured from 100k events on.
  const catchUp = targetEvents >= 10 * CATCH_UP_EVENTS ? await benchCatchUp(ws, logPath, label(targetEvents)) : [];
  log('  timing reports');
  const timings = await timeReports(logPath, readPath, reportIterations);
  const section = `c. rebuild all read models (${label(targetEvents)}: ${events} events, ${dataset.projects} projects)`;
  const rows = [
    row({ section, metric: 'throughput', unit: 'events/s', better: 'higher', value: ledger.events / ledger.seconds, baselineName: 'read + JSON.parse + sum per origin', baseline: raw.events / raw.seconds, note: 'target ≥ 25 % (issue 21)' }),
    row({ section, metric: 'peak RSS (own process)', unit: 'MB', better: 'lower', value: ledger.maxRssMb, baselineName: 'raw replay', baseline: raw.maxRssMb, note: 'target < 300 MB at 1M events' }),
    ...catchUp,
    ...reportRows(timings, `${label(targetEvents)} events, ${dataset.projects} projects`),
  ];
  return {
    rows,
    point: {
      targetEvents,
      events,
      projects: dataset.projects,
      rebuildEventsPerSec: ledger.events / ledger.seconds,
      rawEventsPerSec: raw.events / raw.seconds,
      rebuildPeakRssMb: ledger.maxRssMb,
      rawPeakRssMb: raw.maxRssMb,
      reportP95Ms: Object.fromEntries(timings.map((t) => [t.name, percentile(t.ledger, 95)])),
    },
  };
}
