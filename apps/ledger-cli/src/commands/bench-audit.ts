import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SqliteEventStore, canonicalEvent, chainHash, readAll, verifyChain, type NewEvent } from '@ledger/event-store';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function certificateEvent(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'CertificateIssued',
    data: {
      projectCode: String(2400000000 + i),
      boardId: 'BQL-HN',
      zoneId: 'KCN-THANG-LONG',
      projectName: `Nhà máy linh kiện điện tử số ${i}`,
      investors: [{ name: `Investor ${i} Co., Ltd.`, country: 'KR' }],
      origin: 'FDI',
      registeredCapital: { vnd: String(235000000000 + i), usd: `${10000000 + i}.00`, exchangeRate: '23500' },
      objectives: 'Sản xuất linh kiện điện tử',
      durationYears: 50,
      issuedOn: '2016-03-15',
    },
    metadata: { actor: 'bench', role: 'officer', boardId: 'BQL-HN', schemaVersion: 1 },
  };
}

/**
 * Tamper-evidence costs, each against a floor measured in the same run:
 * verify throughput vs hashing the same canonical bytes with `crypto` alone, and the share of a
 * single-event OCC append spent computing the chain hash.
 */
export function registerAuditBenchmark(program: Command): void {
  program
    .command('bench-audit')
    .description('benchmark: chain verification and hashing cost (not part of npm test)')
    .option('--events <n>', 'log size', '100000')
    .option('--appends <n>', 'single-event appends to time', '2000')
    .action(async (options: { events: string; appends: string }) => {
      const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-audit-'));
      try {
        const store = new SqliteEventStore({ path: join(dir, 'ledger.db') });
        const total = Number(options.events);
        for (let i = 0; i < total; i += 5000) {
          store.appendBatch(Array.from({ length: Math.min(5000, total - i) }, (_, k) => ({ streamId: `project-${2400000000 + i + k}`, events: [certificateEvent(i + k)], expected: 'no_stream' as const })));
        }

        let start = process.hrtime.bigint();
        const verified = await verifyChain(store);
        const verifySeconds = seconds(start);
        if (!verified.ok) throw new Error('generated log does not verify');

        const canonical: string[] = [];
        for await (const e of readAll(store)) canonical.push(e.prevHash + canonicalEvent(e));
        start = process.hrtime.bigint();
        for (const bytes of canonical) createHash('sha256').update(bytes).digest('hex');
        const hashSeconds = seconds(start);

        const appends = Number(options.appends);
        const extra = Array.from({ length: appends }, (_, i) => certificateEvent(total + i));
        start = process.hrtime.bigint();
        for (const [i, e] of extra.entries()) await store.append(`project-${2500000000 + i}`, [e], 'no_stream');
        const appendSeconds = seconds(start);
        const recorded = await store.readPage(BigInt(total), appends);
        start = process.hrtime.bigint();
        for (const e of recorded) chainHash(e.prevHash, e);
        const chainSeconds = seconds(start);
        await store.close();

        const rows = [
          ['verify (walk + parse + canonicalise + hash)', `${Math.round(total / verifySeconds)} events/s`],
          ['floor: sha256 of the same bytes with crypto', `${Math.round(total / hashSeconds)} events/s`],
          ['verify / floor', `${((hashSeconds / verifySeconds) * 100).toFixed(1)} %  (target ≥ 60 %)`],
          ['OCC append, one event per transaction', `${Math.round(appends / appendSeconds)} events/s`],
          ['of which canonical JSON + sha256 of the chain', `${((chainSeconds / appendSeconds) * 100).toFixed(1)} %  (target < 15 %)`],
        ];
        process.stdout.write(`tamper-evidence benchmark, ${total} events, node ${process.version}\n`);
        for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(48)} ${value}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
