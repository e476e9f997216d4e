import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { benchAppend, benchBatch } from './append';
import { REPO_ROOT } from './child';
import { renderScalingChart } from './chart';
import { benchEmmett } from './emmett';
import { EVENTS_PER_PROJECT, datasetOfSize, workspace, writeLog } from './fixtures';
import { benchHttp } from './http';
import { benchLongReads } from './long-reads';
import { benchRegisterImport } from './import-register';
import { benchPostgres } from './postgres';
import { formatTable, skipped, type Row } from './results';
import { benchScale, type ScalePoint } from './scaling';

interface BenchOptions {
  full?: boolean;
  out?: string;
  skipHttp?: boolean;
  skipEmmett?: boolean;
  onlyLongReads?: boolean;
  skipPostgres?: boolean;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function sizes(full: boolean) {
  return full
    ? { scales: [10_000, 100_000, 1_000_000], appends: 5_000, batch: 200_000, reportIterations: 300, http: { connections: 10, seconds: 20, writeRate: 200, readConnections: [10, 50], actsDuringReads: 20 }, longReads: { writes: 300, intervalMs: 20, projects: 100_000 }, emmett: { appends: 1_000, streams: 300, reads: 2_000 }, registerRows: 20_000, postgres: { appends: 5_000, readAll: 100_000 } }
    : { scales: [10_000, 100_000], appends: 2_000, batch: 50_000, reportIterations: 200, http: { connections: 10, seconds: 10, writeRate: 200, readConnections: [10, 50], actsDuringReads: 20 }, longReads: { writes: 200, intervalMs: 20, projects: undefined }, emmett: { appends: 500, streams: 200, reads: 1_000 }, registerRows: 20_000, postgres: { appends: 2_000, readAll: 20_000 } };
}

/** `bench`: every figure with its raw baseline from the same run; table on stdout, JSON in bench/results/. */
/**
 * A section that runs a server or another package fails as a row that says so (and on stderr): the
 * run's other rows are kept. On 2026-12-02 a failure in section h ended an 18-minute run with no results file.
 */
const failedSection = (section: string, metric: string) => (error: Error) => {
  process.stderr.write(`${section} failed: ${error.stack ?? error.message}\n`);
  return [skipped(section, metric, `failed: ${error.message}`)];
};

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('performance benchmark suite (not part of npm test); --full adds the 1M-event scale')
    .option('--full', 'include the 1M-event scale and longer runs')
    .option('--out <file>', 'results JSON (default bench/results/<YYYY-MM-DD>.json)')
    .option('--skip-http', 'skip the HTTP section')
    .option('--skip-emmett', 'skip the Emmett comparison')
    .option('--only-long-reads', 'only section h (long reads next to writes) on the largest log')
    .option('--skip-postgres', 'skip the PostgreSQL section')
    .action(async (options: BenchOptions) => {
      const size = sizes(options.full === true);
      const ws = workspace();
      const started = Date.now();
      const rows: Row[] = [];
      const scaling: ScalePoint[] = [];
      try {
        if (!options.onlyLongReads) {
          log(`a. OCC append: ${size.appends} single-event transactions`);
          rows.push(...(await benchAppend(ws, datasetOfSize(size.appends).events.slice(0, size.appends))));
          log(`b. batched import: ${size.batch} events`);
          rows.push(...benchBatch(ws, datasetOfSize(size.batch).events));
          log(`i. register import: ${size.registerRows} rows of an Excel register`);
          rows.push(...(await benchRegisterImport(ws, size.registerRows)));
          for (const scale of size.scales) {
            log(`c/d/f. scale ${scale} events`);
            const result = await benchScale(ws, scale, scale >= 1_000_000 ? 30 : size.reportIterations, log);
            rows.push(...result.rows);
            scaling.push(result.point);
          }
          const httpScale = size.scales[Math.min(1, size.scales.length - 1)];
          const [logPath, readPath] = [ws.path(`scale-${httpScale}.db`), ws.path(`scale-${httpScale}.read-models.db`)];
          if (!options.skipHttp) {
            log(`e. HTTP against the API on the ${httpScale}-event log`);
            const db = new Database(logPath, { readonly: true });
            const codes = (db.prepare("SELECT json_extract(data, '$.projectCode') FROM events WHERE type = 'CertificateIssued' LIMIT 500").pluck().all() as string[]);
            db.close();
            rows.push(...(await benchHttp(ws, logPath, readPath, codes, size.http).catch(failedSection('e. HTTP', 'read and write mixes'))));
          }
        }
        // The largest log (--full: a national register of 100k projects, ≈ 1.56M events): its register
        // export and verification are the long reads worth watching.
        const longScale = size.longReads.projects ? Math.round(size.longReads.projects * EVENTS_PER_PROJECT) : size.scales[size.scales.length - 1];
        const longLog = ws.path(size.longReads.projects ? 'national.db' : `scale-${longScale}.db`);
        if (options.onlyLongReads || size.longReads.projects) writeLog(longLog, datasetOfSize(longScale));
        log(`h. long reads next to writes on a ${longScale}-event log`);
        const counts = new Database(longLog, { readonly: true });
        const [events, projects] = [counts.prepare('SELECT COUNT(*) FROM events').pluck().get() as number, counts.prepare("SELECT COUNT(*) FROM events WHERE type = 'CertificateIssued'").pluck().get() as number];
        counts.close();
        rows.push(...(await benchLongReads(ws, longLog, projects, events, size.longReads).catch(failedSection('h. long reads', 'writes during export + verify'))));
        if (!options.skipEmmett && !options.onlyLongReads) {
          log('g. Emmett-sqlite side by side');
          const appendSet = datasetOfSize(size.emmett.appends).events.slice(0, size.emmett.appends);
          const streams = new Map<string, typeof appendSet>();
          for (const e of datasetOfSize(size.emmett.streams * 16).events) {
            const s = streams.get(`read-${e.streamId}`) ?? [];
            s.push(e);
            streams.set(`read-${e.streamId}`, s);
          }
          // emmett-sqlite sometimes fails with SQLITE_BUSY inside itself.
          rows.push(...(await benchEmmett(ws, appendSet, new Map([...streams].slice(0, size.emmett.streams)), size.emmett.reads).catch(failedSection('g. Emmett', 'append + readStream'))));
        }
        if (!options.skipPostgres && !options.onlyLongReads) {
          log(`j. PostgreSQL store: ${size.postgres.appends} appends, read-all of ${size.postgres.readAll} events`);
          rows.push(...(await benchPostgres(datasetOfSize(size.postgres.appends).events.slice(0, size.postgres.appends), datasetOfSize(size.postgres.readAll).events.slice(0, size.postgres.readAll))));
        }
      } finally {
        ws.dispose();
      }
      const date = new Date().toISOString().slice(0, 10);
      const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1e8) / 10, node: process.version, platform: `${process.platform}-${process.arch}` };
      const out = options.out ?? join(REPO_ROOT, 'bench', 'results', `${date}${options.full ? '-full' : ''}${options.onlyLongReads ? '-long-reads' : ''}.json`);
      mkdirSync(join(out, '..'), { recursive: true });
      writeFileSync(out, `${JSON.stringify({ date, command: `npm run bench${options.full || options.onlyLongReads ? ' --' : ''}${options.full ? ' --full' : ''}${options.onlyLongReads ? ' --only-long-reads' : ''}`, machine, seconds: Math.round((Date.now() - started) / 1000), rows, scaling }, null, 2)}\n`);
      process.stdout.write(`\nledger benchmark ${date} — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}\n`);
      process.stdout.write(`ratio = ledger vs raw baseline of the same work in this run (100 % = as fast as raw; latency ratios are baseline / ledger)\n\n`);
      process.stdout.write(`${formatTable(rows)}\n\nresults: ${out}\n`);
      if (options.onlyLongReads) return; // no scales measured: keep the chart of the last full run
      try {
        const png = join(REPO_ROOT, 'bench', 'scaling.png');
        renderScalingChart(out, png);
        process.stdout.write(`chart: ${png}\n`);
      } catch (error) {
        process.stdout.write(`chart not rendered: ${(error as Error).message}\n`);
      }
    });
}
