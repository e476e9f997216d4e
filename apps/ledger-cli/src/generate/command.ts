import type { Command } from 'commander';
import { progressBar } from '../progress';
import { generateDataset } from './dataset';
import { Geography } from './geography';
import { writeNdjson, writeSqlite } from './sinks';

interface GenerateOptions {
  projects: string;
  years: string;
  seed: string;
  format: string;
  out?: string;
  batch: string;
}

const positiveInt = (name: string, value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a positive whole number (got ${JSON.stringify(value)})`);
  return Number(value);
};

/** `generate`: a realistic, deterministic licensing history for demos and benchmarks. */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('generate a deterministic licensing history (decided by the domain rules) into a SQLite store or an ndjson file')
    .option('--projects <n>', 'number of projects', '1000')
    .option('--years <y>', 'years of history ending 2026-11-23', '10')
    .option('--seed <s>', 'PRNG seed: the same seed gives the same log', '1')
    .option('--format <format>', 'sqlite | ndjson', 'sqlite')
    .option('--out <path>', 'output file (default LEDGER_DB_PATH or ./data/ledger.db; ./data/generated.ndjson for ndjson)')
    .option('--batch <n>', 'events per appendBatch transaction', '5000')
    .action(async (options: GenerateOptions) => {
      const [projects, years, seed, batchSize] = [positiveInt('projects', options.projects), positiveInt('years', options.years), positiveInt('seed', options.seed), positiveInt('batch', options.batch)];
      if (options.format !== 'sqlite' && options.format !== 'ndjson') throw new Error(`--format must be sqlite or ndjson (got ${JSON.stringify(options.format)})`);
      const out = options.out ?? (options.format === 'sqlite' ? process.env.LEDGER_DB_PATH || './data/ledger.db' : './data/generated.ndjson');
      const started = process.hrtime.bigint();
      const geo = Geography.load();
      const dataset = generateDataset(geo, { projects, years, seed });
      const decided = process.hrtime.bigint();
      const bar = progressBar(`generate → ${options.format}`);
      const sink = { seed, referenceDataVersion: geo.version, batchSize, onProgress: (done: number, total: number) => bar.update(BigInt(done), BigInt(total)) };
      try {
        if (options.format === 'sqlite') writeSqlite(out, dataset.events, sink);
        else await writeNdjson(out, dataset.events, sink);
      } finally {
        bar.stop();
      }
      const finished = process.hrtime.bigint();
      const [total, writing] = [Number(finished - started) / 1e9, Number(finished - decided) / 1e9];
      const n = dataset.events.length;
      process.stdout.write(
        `generated ${n} events for ${projects} projects (${geo.boardCount} boards from reference data ${geo.version}; ${dataset.rejected} commands rejected by the rules and skipped) ` +
          `into ${out} in ${total.toFixed(2)} s: ${Math.round(n / total)} events/s overall, ${Math.round(n / Math.max(writing, 1e-9))} events/s writing\n`,
      );
    });
}
