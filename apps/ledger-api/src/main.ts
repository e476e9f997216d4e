import 'reflect-metadata';
import { ConfigError, assertCanPublishAnchors, loadLedgerConfig, type LedgerConfig } from './config/ledger-config';
import { processRole, superviseServingProcesses } from './processes/serving-processes';
import { ProjectorThread, projectorFilesOf } from './read-models/projector-thread-spawn';
import { demoProgressLine } from './start-up';

function configOrExit(): LedgerConfig {
  try {
    const config = loadLedgerConfig(process.env);
    assertCanPublishAnchors(config);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

/** Said on stderr before anything else, so that no one runs the ledger this way by accident. */
function warnAboutUnsafeSettings(config: LedgerConfig): void {
  if (config.devSecret) {
    process.stderr.write(
      `WARNING: tokens are signed with the PUBLIC development secret: anyone can mint any token for this ledger.\n` +
        `         Set LEDGER_JWT_SECRET (production refuses to start without it).\n`,
    );
  }
  if (!config.anchors) {
    process.stderr.write(`WARNING: LEDGER_ANCHOR_DIR is not set: no signed head digests are published, so a vanished or re-hashed tail of the log cannot be detected.\n`);
  }
}

/**
 * Only what the start needs is loaded before the projector thread is spawned: it catches up while
 * this thread loads the API's modules (serve.ts, 0.7 s).
 */
async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const role = processRole();
  if (role === 'only') warnAboutUnsafeSettings(config);
  // A SQLite demo ledger is written before the API opens it, with back-dated recording times (demo only).
  const demoInSqlite = config.demoData && config.store === 'sqlite' && role === 'only';
  if (demoInSqlite) {
    const [{ importDemoHistory }, { demoSteps }, { ReferenceData }] = await Promise.all([import('./demo/demo-history'), import('./demo/demo-data'), import('@ledger/reference-data')]);
    await importDemoHistory(config.dbPath, ReferenceData.load(), demoSteps(), demoProgressLine(process.stdout));
  }
  if (role === 'only' && config.httpProcesses > 1) {
    process.stdout.write(`Starting ${config.httpProcesses} processes serving port ${config.port}: the first projects the read models, the others read them.\n`);
    superviseServingProcesses(config.httpProcesses, demoInSqlite ? { LEDGER_DEMO_DATA: 'false' } : {});
    return;
  }
  const files = projectorFilesOf(config);
  const projectorThread = files && new ProjectorThread(files, true);
  const { serve } = await import('./serve');
  await serve(config, { role, demoInSqlite, projectorThread });
}

void bootstrap();
