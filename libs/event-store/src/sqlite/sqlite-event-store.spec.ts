import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WrongExpectedVersionError } from '../port';
import { eventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newEvent = (data: unknown = {}) => ({ eventId: randomUUID(), type: 'CapitalIncreased', data, metadata: {} });

eventStoreContract('sqlite', async () => new SqliteEventStore({ path: join(dir, `contract-${randomUUID()}.db`) }), { chainsHashes: true });

describe('SqliteEventStore specifics', () => {
  it('keeps acknowledged events across close and reopen of the file', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteEventStore({ path });
    await first.append('project-1', [newEvent(), newEvent()], 'no_stream');
    await first.close();
    const second = new SqliteEventStore({ path });
    expect(await second.readStream('project-1')).toHaveLength(2);
    await second.close();
  });

  it('refuses UPDATE and DELETE of events at the database level', async () => {
    const store = new SqliteEventStore({ path: join(dir, 'immutable.db') });
    await store.append('project-1', [newEvent({ vnd: '1' })], 'no_stream');
    expect(() => store.db.prepare(`UPDATE events SET data = '{"vnd":"2"}'`).run()).toThrow(/immutable/);
    expect(() => store.db.prepare('DELETE FROM events').run()).toThrow(/never deleted/);
    expect((await store.readStream('project-1'))[0].data).toEqual({ vnd: '1' });
    await store.close();
  });

  it('two connections to one file: the stale one conflicts, nothing is lost', async () => {
    const path = join(dir, 'two-connections.db');
    const a = new SqliteEventStore({ path });
    const b = new SqliteEventStore({ path });
    await a.append('project-1', [newEvent()], 'no_stream');
    await a.append('project-1', [newEvent()], 1n);
    await expect(b.append('project-1', [newEvent()], 1n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await b.append('project-1', [newEvent()], 2n);
    expect((await a.readStream('project-1')).map((e) => e.streamVersion)).toEqual([1n, 2n, 3n]);
    await a.close();
    await b.close();
  });

  it('two processes appending to one stream in one file: every event lands once, versions dense', async () => {
    const path = join(dir, 'two-processes.db');
    new SqliteEventStore({ path }).db.close(); // create the schema before the race
    const run = promisify(execFile);
    const worker = join(__dirname, '..', 'testing', 'append-worker.ts');
    const perWorker = 150;
    const outputs = await Promise.all(
      ['A', 'B'].map((name) => run(process.execPath, ['-r', '@swc-node/register', worker, path, 'project-shared', String(perWorker), name], { cwd: process.cwd() })),
    );
    const reports = outputs.map((o) => JSON.parse(o.stdout) as { worker: string; conflicts: number });
    const store = new SqliteEventStore({ path });
    const events = await store.readStream('project-shared');
    expect(events).toHaveLength(2 * perWorker);
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => BigInt(i + 1)));
    for (const name of ['A', 'B']) expect(events.filter((e) => (e.data as { worker: string }).worker === name)).toHaveLength(perWorker);
    // Interleaving is up to the scheduler; what matters is that conflicts were detected, not lost.
    expect(reports.map((r) => r.worker).sort()).toEqual(['A', 'B']);
    await store.close();
  });
});
