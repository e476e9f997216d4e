import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify as verifySignature } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { canonicalize } from 'json-canonicalize';
import { ImportError, START_OF_CHAIN, importsRecorded, parseNdjsonLine, readAll, toNdjsonLine, verifyChain, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { progressBar } from '../progress';
import { openStore } from '../stores';

interface Digest {
  position: string;
  headHash: string;
  createdAt: string;
  publicKey: string;
  signature: string;
}

const signedPart = (d: Pick<Digest, 'position' | 'headHash' | 'createdAt'>) => Buffer.from(canonicalize({ position: d.position, headHash: d.headHash, createdAt: d.createdAt }));

/** The Ed25519 key that signs digests: LEDGER_DIGEST_KEY (PEM file), created on first use if missing. */
function digestKey(): { privateKey: ReturnType<typeof createPrivateKey>; path: string } {
  const path = process.env.LEDGER_DIGEST_KEY || './data/digest-key.pem';
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    process.stderr.write(`created a new Ed25519 digest key at ${path}\n`);
  }
  return { privateKey: createPrivateKey(readFileSync(path)), path };
}

async function verifyWithProgress(store: EventStore) {
  const head = await store.headPosition();
  const bar = progressBar('verify');
  const result = await verifyChain(store, { onProgress: (p) => bar.update(p, head) });
  bar.stop();
  return result;
}

async function eventAt(store: EventStore, position: bigint): Promise<RecordedEvent | undefined> {
  return (await store.readPage(position - 1n, 1))[0];
}

async function close(store: EventStore, ok: boolean): Promise<void> {
  await store.close();
  if (!ok) process.exitCode = 1;
}

export function registerAuditCommands(program: Command): void {
  program
    .command('verify')
    .description('walk the whole log and check the hash chain; with --since-digest also prove the log only grew')
    .option('--since-digest <file>', 'a digest written earlier by `digest`')
    .action(async (options: { sinceDigest?: string }) => {
      const { store } = openStore();
      const result = await verifyWithProgress(store);
      if (!result.ok) {
        process.stdout.write(`FAILED at position ${result.position} (${result.problem}): ${result.detail}\n`);
        return close(store, false);
      }
      if (options.sinceDigest) {
        const digest = JSON.parse(readFileSync(options.sinceDigest, 'utf8')) as Digest;
        const signed = verifySignature(null, signedPart(digest), createPublicKey(digest.publicKey), Buffer.from(digest.signature, 'base64'));
        const then = await eventAt(store, BigInt(digest.position));
        if (!signed || then?.hash !== digest.headHash) {
          process.stdout.write(signed ? `FAILED: position ${digest.position} no longer has the digest's hash: history before the digest changed\n` : 'FAILED: the digest signature is invalid\n');
          return close(store, false);
        }
        process.stdout.write(`OK: the log only grew since the digest of ${digest.createdAt} (position ${digest.position} → ${result.headPosition})\n`);
      }
      process.stdout.write(`OK ${result.events} events, head position ${result.headPosition}, head hash ${result.headHash}\n`);
      return close(store, true);
    });

  program
    .command('digest')
    .description('print and save a signed digest of the log head (position, hash, time)')
    .option('--out <file>', 'where to save it', `./data/digest-${new Date().toISOString().slice(0, 10)}.json`)
    .action(async (options: { out: string }) => {
      const { store } = openStore();
      const result = await verifyWithProgress(store);
      if (!result.ok) {
        process.stdout.write(`refusing to sign: the log fails verification at position ${result.position}\n`);
        return close(store, false);
      }
      const { privateKey } = digestKey();
      const body = { position: result.headPosition.toString(), headHash: result.headHash, createdAt: new Date().toISOString() };
      const digest: Digest = {
        ...body,
        publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
        signature: sign(null, signedPart(body), privateKey).toString('base64'),
      };
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, `${JSON.stringify(digest, null, 2)}\n`);
      process.stdout.write(`${JSON.stringify(digest)}\nsaved to ${options.out}\n`);
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
