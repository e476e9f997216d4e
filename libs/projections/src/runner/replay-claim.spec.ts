import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { MemoryEventStore } from '@ledger/event-store';
import { SeenByStream, SeenPositions, givenLog } from '../testing/noted-log';
import { ProjectionRunner } from './projection-runner';
import { CLAIM_EXPIRY_MS, ReplayClaimLostError, ReplayUnderWayError, claimReplay, claimStands } from './replay-claim';

const dir = mkdtempSync(join(tmpdir(), 'ledger-replay-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The log, with a replay stream by stream held before its second page until resumed: a rebuild caught half-way. */
function heldAfterFirstPage(store: MemoryEventStore) {
  let resume!: () => void;
  let held!: () => void;
  const resumed = new Promise<void>((r) => (resume = r));
  const holding = new Promise<void>((r) => (held = r));
  let pages = 0;
  const log = new Proxy(store, {
    get: (target, key) =>
      key === 'readByStream'
        ? async (...args: Parameters<MemoryEventStore['readByStream']>) => {
            if (++pages === 2) {
              held();
              await resumed;
            }
            return target.readByStream(...args);
          }
        : Reflect.get(target, key),
  });
  return { log, holding, resume };
}

/** A rebuild of a 6-event log into @file, in pages of 2, held after its first page: its claim taken, 2 events written. */
async function rebuildHeldHalfWay(file: string) {
  const store = await givenLog(6);
  const path = join(dir, file);
  const { log, holding, resume } = heldAfterFirstPage(store);
  const runner = new ProjectionRunner(log, path, [new SeenByStream('seen')], { rebuildBatchSize: 2 });
  const rebuilt = runner.rebuild();
  await holding;
  return { store, path, runner, rebuilt, resume };
}

const noted = (i: number) => [{ eventId: `late-${i}`, type: 'Noted', data: { i }, metadata: {} }];
const seen = (db: Database.Database) => SeenPositions.count(db, 'seen');

describe('a replay from position 0 claims the read-model file', () => {
  it('while a rebuild is under way, the other runners on the file write nothing and say why; once it ends they go on, each event applied once', async () => {
    const { store, path, runner: rebuilder, rebuilt, resume } = await rebuildHeldHalfWay('beside-a-rebuild.db'); // its checkpoint still 0
    // A projector without a time budget would replay the fresh read model itself; one with a budget (the request thread's) applies in log order.
    const projector = new ProjectionRunner(store, path, [new SeenByStream('seen')]);
    const inLogOrder = new ProjectionRunner(store, path, [new SeenByStream('seen')], { batchBudgetMs: 100 });
    await store.append('late-1', noted(1), 'no_stream');

    for (const runner of [projector, inLogOrder]) {
      const refusal = await runner.catchUp().catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ReplayUnderWayError);
      expect((refusal as Error).message).toMatch(new RegExp(`^the read models are being replayed from position 0 by a rebuild of every read model \\(process ${process.pid} on .+, since \\d{4}-\\d\\d-\\d\\dT.+\\): nothing is written to them meanwhile; projecting goes on when it ends$`));
      expect(runner.status()[0].lastError).toBe((refusal as Error).message);
      expect(seen(rebuilder.db)).toBe(2);
    }

    resume();
    expect(await rebuilt).toBe(7n); // the replay up to the head it started at, then in log order what came meanwhile
    expect(seen(rebuilder.db)).toBe(7);
    await store.append('late-2', noted(2), 'no_stream');
    for (const runner of [projector, inLogOrder]) {
      expect(await runner.catchUp()).toBe(8n); // a second application of an event would break the primary key
      expect(runner.status()[0].lastError).toBeUndefined();
    }
    expect(seen(rebuilder.db)).toBe(8);
    await Promise.all([rebuilder, projector, inLogOrder].map((r) => r.close()));
  });

  it('a second rebuild is refused while one is under way, and resets nothing', async () => {
    const { store, path, runner: first, rebuilt, resume } = await rebuildHeldHalfWay('two-rebuilds.db');
    const second = new ProjectionRunner(store, path, [new SeenByStream('seen')]);

    await expect(second.rebuild()).rejects.toThrow(ReplayUnderWayError);
    expect(seen(first.db)).toBe(2);
    resume();
    expect(await rebuilt).toBe(6n);
    expect(seen(first.db)).toBe(6);
    expect(first.db.prepare('SELECT COUNT(*) FROM projection_replay').pluck().get()).toBe(0); // released
    expect(await second.rebuild()).toBe(6n);
    await Promise.all([first.close(), second.close()]);
  });

  it("a live process's claim on this host stands; one left by a process that died is taken over", async () => {
    const store = await givenLog(4);
    const path = join(dir, 'left-claims.db');
    const runner = new ProjectionRunner(store, path, [new SeenByStream('seen')]);
    const alive = { token: 'other', pid: process.ppid, host: hostname() };
    claimReplay(runner.db, alive, 'a rebuild in another process');
    await expect(runner.catchUp()).rejects.toThrow(/by a rebuild in another process \(process \d+ on /);
    expect(seen(runner.db)).toBe(0);

    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    runner.db.prepare('DELETE FROM projection_replay').run();
    claimReplay(runner.db, { token: 'killed', pid: dead, host: hostname() }, 'a rebuild that was killed');
    expect(await runner.catchUp()).toBe(4n);
    expect(seen(runner.db)).toBe(4);
    expect(runner.db.prepare('SELECT COUNT(*) FROM projection_replay').pluck().get()).toBe(0);
    await runner.close();
  });

  it("a claim stands for at most CLAIM_EXPIRY_MS after it was renewed, another host's and a live process's alike", () => {
    const renewedAt = '2026-12-04T10:00:00.000Z';
    for (const owner of [{ pid: 1, host: `not-${hostname()}` }, { pid: process.ppid, host: hostname() }]) {
      const claim = { token: 't', ...owner, what: 'a rebuild', since: renewedAt, renewedAt };
      expect(claimStands(claim, Date.parse(renewedAt) + CLAIM_EXPIRY_MS - 1)).toBe(true);
      expect(claimStands(claim, Date.parse(renewedAt) + CLAIM_EXPIRY_MS)).toBe(false);
    }
  });

  it('a replay whose expired claim another runner took over stops at its next page, writing nothing more', async () => {
    const { runner: stopped, rebuilt, resume } = await rebuildHeldHalfWay('claim-taken-over.db');
    stopped.db.prepare('DELETE FROM projection_replay').run(); // as claimReplay does with a claim that no longer stands
    claimReplay(stopped.db, { token: 'taker', pid: process.ppid, host: hostname() }, 'a later rebuild');

    resume();
    await expect(rebuilt).rejects.toThrow(ReplayClaimLostError);
    expect(seen(stopped.db)).toBe(2);
    expect(stopped.db.prepare('SELECT what FROM projection_replay').pluck().all()).toEqual(['a later rebuild']);
    await stopped.close();
  });
});
