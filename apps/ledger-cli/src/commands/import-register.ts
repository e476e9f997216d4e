import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { SqliteEventStore, type EventStore } from '@ledger/event-store';
import {
  DEFAULT_EXCHANGE_RATES_FILE,
  ImportRejectedError,
  ROLES,
  canAppendBatch,
  commitImport,
  importReportOf,
  loadExchangeRates,
  parseMapping,
  planImport,
  rowReportCsv,
  rowReportXlsx,
  type Actor,
  type ImportPlan,
  type Lang,
  type Layout,
  type Role,
} from '@ledger/ledger';
import { vietnamDateOf } from '@ledger/domain';
import { ReferenceData } from '@ledger/reference-data';
import { loadStoreConfig } from '../../../ledger-api/src/config/ledger-config';
import { progressBar } from '../progress';
import { openStore } from '../stores';

interface ImportOptions {
  board: string;
  file: string;
  sheet?: string;
  mapping?: string;
  layout?: string;
  dryRun?: boolean;
  report?: string;
  lang: string;
  actor: string;
  role: string;
  rates: string;
  json?: boolean;
}

const oneOf = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
};

/** The figures a board compares with its published totals, one line per date. */
function figuresText(plan: ImportPlan): string {
  const lines = plan.figures.asOf.map((f) => `  ${f.asOf}: FDI ${f.FDI.validProjects} projects, ${f.FDI.registeredCapital} USD; DDI ${f.DDI.validProjects} projects, ${f.DDI.registeredCapital} VND`);
  const issued = plan.figures.newCertificates.map((y) => `  ${y.year}: ${y.FDI.count + y.DDI.count} new certificates (FDI ${y.FDI.count}, ${y.FDI.capital} USD; DDI ${y.DDI.count}, ${y.DDI.capital} VND)`);
  return ['valid projects and registered capital:', ...lines, 'new certificates by year:', ...issued].join('\n');
}

async function writeReport(path: string, plan: ImportPlan, lang: Lang): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') writeFileSync(path, await rowReportXlsx(plan.issues, lang));
  else if (ext === '.csv') writeFileSync(path, rowReportCsv(plan.issues, lang));
  else throw new Error(`--report must end in .csv or .xlsx (got ${JSON.stringify(path)})`);
}

/** `import-register`: a board's Excel register through the one write path; a dry run first, then all or nothing. */
export function registerImportRegisterCommand(program: Command): void {
  program
    .command('import-register')
    .description("import a board's Excel register (one row per project, or one row per certificate version); --dry-run reports every problem and the figures first")
    .requiredOption('--board <boardId>', 'the board whose register this is (issuing board of its certificates)')
    .requiredOption('--file <register.xlsx>', 'the workbook')
    .option('--sheet <name>', 'sheet to read (default: the first with a recognisable register)')
    .option('--mapping <mapping.json>', '{"columns": {"<header>": "<field>"}} for headers the importer does not know')
    .option('--layout <layout>', 'projects | versions (default: detected)')
    .option('--dry-run', 'decide and report, append nothing')
    .option('--report <file>', 'write the row report to a .csv or .xlsx file')
    .option('--lang <lang>', 'vi | en (row report and messages)', 'vi')
    .option('--actor <id>', 'who imports (recorded in every event)', process.env.USER || 'import-cli')
    .option('--role <role>', 'admin, or officer (of the board holding the projects today)', 'admin')
    .option('--rates <file>', 'VND per USD by year for FDI rows with USD only', DEFAULT_EXCHANGE_RATES_FILE)
    .option('--json', 'print the report as JSON')
    .action(async (options: ImportOptions) => {
      const lang = oneOf('lang', options.lang, ['vi', 'en'] as const);
      const layout = options.layout === undefined ? undefined : oneOf<Layout>('layout', options.layout, ['projects', 'versions']);
      const role = oneOf<Role>('role', options.role, ROLES.filter((r) => r === 'admin' || r === 'officer'));
      const config = loadStoreConfig(process.env);
      const reference = ReferenceData.load();
      const now = new Date();
      const today = vietnamDateOf(now);
      const actor: Actor = { id: options.actor, role, ...(role === 'officer' ? { boardId: reference.successorBoardOn(options.board, today) } : {}) };
      const mapping = options.mapping ? parseMapping(JSON.parse(readFileSync(options.mapping, 'utf8'))) : undefined;
      // The log's clock is the import time: every event of the import is recorded at `now`.
      const store: EventStore = config.store === 'sqlite' ? new SqliteEventStore({ path: config.dbPath, clock: () => now }) : openStore().store;
      const bar = progressBar('import-register', 'projects');
      try {
        const bytes = readFileSync(options.file);
        const plan = await planImport(
          bytes,
          { boardId: options.board, fileName: basename(options.file), sheet: options.sheet, layout, mapping, lang, exchangeRates: loadExchangeRates(options.rates), onProgress: (done, total) => bar.update(BigInt(done), BigInt(total)) },
          { reference, referenceDataVersion: reference.version, store },
          { actor, now },
        );
        bar.stop();
        if (options.report) await writeReport(options.report, plan, lang);
        const report = importReportOf(plan);
        const summary = `${plan.file.name} (sha256 ${plan.file.sha256.slice(0, 12)}…), sheet ${plan.file.sheet ?? '?'}, layout ${plan.layout ?? '?'}: ${plan.rows} rows, ${plan.projects} projects, ${report.events} events; ${plan.errors} errors, ${plan.warnings} warnings`;
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          const shown = plan.issues.slice(0, 50).map((i) => `  row ${i.row}${i.column ? ` column ${i.column} (${i.header})` : ''}: ${i.code} ${i.message}`);
          if (plan.issues.length > shown.length) shown.push(`  … ${plan.issues.length - shown.length} more (--report file)`);
          process.stdout.write(`${[summary, ...shown, figuresText(plan)].join('\n')}\n`);
        }
        if (options.dryRun) {
          process.stderr.write(`dry run: nothing appended${plan.errors > 0 ? '; fix the errors above before importing' : ''}\n`);
          process.exitCode = plan.errors > 0 ? 2 : 0;
          return;
        }
        if (!canAppendBatch(store)) throw new Error(`importing needs a store that appends many streams in one transaction (sqlite); LEDGER_STORE is ${config.store}. --dry-run works with any store`);
        const result = commitImport(plan, store);
        process.stdout.write(plan.alreadyImportedAt ? `already imported at ${plan.alreadyImportedAt}: nothing appended\n` : `imported: ${result.appended} events appended, log head at position ${result.position ?? '-'}\n`);
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
