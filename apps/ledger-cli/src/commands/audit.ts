import { createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  AnchorDirectory,
  ImportError,
  START_OF_CHAIN,
  importsRecorded,
  checkAgainstAnchor,
  describeAge,
  isInside,
  parseNdjsonLine,
  readAll,
  readDigestFile,
  signHeadDigest,
  signingKey,
  toNdjsonLine,
  trustedPublicKey,
  verifyChain,
  type EventStore,
  type HeadDigest,
  type RecordedEvent,
} from '@ledger/event-store';
import { ConfigError, type StoreConfig } from '../../../ledger-api/src/config/ledger-config';
import { progressBar } from '../progress';
import { openStore } from '../stores';

/** The anchor to check: the file given, else the newest one in LEDGER_ANCHOR_DIR. */
function anchorToCheck(config: StoreConfig, file?: string): { source: string; digest: HeadDigest } | undefined {
  if (file) return { source: file, digest: readDigestFile(file) };
  const latest = config.anchors && new AnchorDirectory(config.anchors.dir).latest();
  return latest ? { source: latest.path, digest: latest.digest } : undefined;
}

/** The key verification trusts: from configuration, never from the digest. */
function configuredPublicKey(config: StoreConfig): KeyObject {
  if (!config.digestPublicKey) throw new ConfigError('LEDGER_DIGEST_PUBLIC_KEY (the trusted public key, PEM text or file) is required to check an anchor');
  return trustedPublicKey(config.digestPublicKey);
}

/** Prints the outcome of checking the log against an anchor; false when it does not hold. */
async function reportAnchor(store: EventStore, config: StoreConfig, trustedKey: () => KeyObject, file?: string): Promise<boolean> {
  const anchor = anchorToCheck(config, file);
  if (!anchor) {
    process.stdout.write(
      config.anchors
        ? `WARNING: no anchor in ${config.anchors.dir} yet: a vanished or re-hashed tail cannot be detected\n`
        : 'WARNING: no anchor checked (set LEDGER_ANCHOR_DIR or give --since-digest): a vanished or re-hashed tail cannot be detected\n',
    );
    return true;
  }
  const check = await checkAgainstAnchor(store, anchor.digest, trustedKey(), new Date());
  if (!check.ok) {
    process.stdout.write(`FAILED against the anchor ${anchor.source} (${check.problem}): ${check.detail}\n`);
    return false;
  }
  process.stdout.write(
    `OK: the log extends the anchor of ${check.anchor.createdAt} (position ${check.anchor.position} → ${check.headPosition}); ` +
      `the anchor is ${describeAge(check.ageMs)} old: events after it are covered by the chain only\n`,
  );
  return true;
}

async function verifyWithProgress(store: EventStore) {
  const head = await store.headPosition();
  const bar = progressBar('verify');
  const result = await verifyChain(store, { onProgress: (p) => bar.update(p, head) });
  bar.stop();
  return result;
}

async function close(store: EventStore, ok: boolean): Promise<void> {
  await store.close();
  if (!ok) process.exitCode = 1;
}

export function registerAuditCommands(program: Command): void {
  program
    .command('verify')
    .description('walk the whole log, check the hash chain and check the log against the newest anchor (or --since-digest)')
    .option('--since-digest <file>', 'check against this digest instead of the newest one in LEDGER_ANCHOR_DIR')
    .action(async (options: { sinceDigest?: string }) => {
      const { config, store } = openStore();
      const result = await verifyWithProgress(store);
      if (!result.ok) {
        process.stdout.write(`FAILED at position ${result.position} (${result.problem}): ${result.detail}\n`);
        return close(store, false);
      }
      const anchored = await reportAnchor(store, config, () => configuredPublicKey(config), options.sinceDigest);
      if (anchored) process.stdout.write(`OK ${result.events} events, head position ${result.headPosition}, head hash ${result.headHash}\n`);
      return close(store, anchored);
    });

  program
    .command('digest')
    .description('verify the log, then sign its head (position, hash, time) into LEDGER_ANCHOR_DIR and/or --out')
    .option('--out <file>', 'also save the digest to this file (outside the log\'s directory)')
    .action(async (options: { out?: string }) => {
      const { config, store } = openStore();
      if (!config.digestKeyPath) throw new ConfigError('LEDGER_DIGEST_KEY (the Ed25519 key that signs digests, outside the log\'s directory) is required');
      if (!options.out && !config.anchors) throw new ConfigError('set LEDGER_ANCHOR_DIR (where anchors are published) or give --out');
      if (options.out && config.store === 'sqlite' && isInside(options.out, dirname(config.dbPath))) throw new ConfigError(`--out must be outside the log's directory ${dirname(config.dbPath)}`);
      const result = await verifyWithProgress(store);
      if (!result.ok) {
        process.stdout.write(`refusing to sign: the log fails verification at position ${result.position}\n`);
        return close(store, false);
      }
      const privateKey = signingKey(config.digestKeyPath, (line) => process.stderr.write(`${line}\n`));
      // Never sign a log that no longer extends what was anchored before.
      if (config.anchors && !(await reportAnchor(store, config, () => createPublicKey(privateKey)))) {
        process.stdout.write('refusing to sign: the log does not extend the newest anchor\n');
        return close(store, false);
      }
      const digest = signHeadDigest({ position: result.headPosition, hash: result.headHash }, privateKey, new Date());
      if (config.anchors) process.stdout.write(`anchored in ${new AnchorDirectory(config.anchors.dir).write(digest)}\n`);
      if (options.out) {
        mkdirSync(dirname(options.out), { recursive: true });
        writeFileSync(options.out, `${JSON.stringify(digest, null, 2)}\n`);
        process.stdout.write(`saved to ${options.out}\n`);
      }
      process.stdout.write(`${JSON.stringify(digest)}\n`);
      return close(store, true);
    });

  program
    .command('export')
    .description('write the full log with hashes as canonical NDJSON')
    .option('--format <format>', 'ndjson', 'ndjson')
    .requiredOption('--out <file>', 'output file')
    .action(async (options: { out: string }) => {
      const { store } = openStore();
      const head = await store.headPosition();
      const bar = progressBar('export');
      const out = createWriteStream(options.out);
      let n = 0n;
      for await (const event of readAll(store)) {
        if (!out.write(`${toNdjsonLine(event)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
        if (++n % 10_000n === 0n) bar.update(n, head);
      }
      bar.update(n, head);
      bar.stop();
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      process.stdout.write(`exported ${n} events to ${options.out}\n`);
      return close(store, true);
    });

  program
    .command('import')
    .description('replay an exported NDJSON file into an empty store, verifying the chain; all or nothing')
    .requiredOption('--in <file>', 'input file')
    .action(async (options: { in: string }) => {
      const { config, store } = openStore();
      if (!importsRecorded(store)) throw new Error('import writes the SQLite or PostgreSQL store only');
      if ((await store.count()) > 0n) {
        process.stdout.write(`refusing to import: ${config.store === 'postgres' ? 'the PostgreSQL log' : config.dbPath} is not empty\n`);
        return close(store, false);
      }
      const events: RecordedEvent[] = [];
      let previous = START_OF_CHAIN;
      let line = 0;
      try {
        for await (const text of createInterface({ input: createReadStream(options.in), crlfDelay: Infinity })) {
          line += 1;
          const event = parseNdjsonLine(text, line, previous);
          events.push(event);
          previous = { position: event.position, hash: event.hash };
        }
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        process.stdout.write(`rejected: ${error.message}; nothing was imported\n`);
        return close(store, false);
      }
      // One transaction: a failure leaves the store empty, never half-imported.
      await store.importRecorded(events);
      process.stdout.write(`imported ${events.length} events; head hash ${previous.hash}\n`);
      return close(store, true);
    });
}
