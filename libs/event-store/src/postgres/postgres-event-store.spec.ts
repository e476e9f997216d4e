import { randomUUID } from 'node:crypto';
import { verifyChain } from '../verify';
import { eventStoreContract } from '../testing/event-store.contract';
import { createLedgerDatabase, describeWithPostgres, runSql as sql, type LedgerDatabase } from '../testing/postgres-cluster';
import { PostgresEventStore } from './postgres-event-store';

const newEvent = (data: unknown = {}) => ({ eventId: randomUUID(), type: 'CapitalIncreased', data, metadata: {} });

describeWithPostgres('PostgresEventStore on a real PostgreSQL server', (cluster) => {
  let contractDb: LedgerDatabase | undefined;
  eventStoreContract(
    'postgres',
    async () => {
      contractDb ??= await createLedgerDatabase(cluster(), 'contract');
      return new PostgresEventStore({ url: contractDb.apiUrl });
    },
    { chainsHashes: true },
  );

  describe('PostgresEventStore specifics', () => {
    let db: LedgerDatabase;
    let store: PostgresEventStore;
    beforeAll(async () => {
      db = await createLedgerDatabase(cluster(), 'specifics');
      store = new PostgresEventStore({ url: db.apiUrl });
      await store.append('project-1', [newEvent({ vnd: '1' })], 'no_stream');
    });
    afterAll(async () => store.close());

    it("refuses UPDATE and DELETE to the API's role by grants", async () => {
      await expect(sql(db.apiUrl, `UPDATE events SET data = '{"vnd":"2"}'`)).rejects.toThrow(/permission denied/);
      await expect(sql(db.apiUrl, 'DELETE FROM events')).rejects.toThrow(/permission denied/);
      await expect(sql(db.apiUrl, 'TRUNCATE events')).rejects.toThrow(/permission denied/);
      expect((await store.readStream('project-1'))[0].data).toEqual({ vnd: '1' });
    });

    it("refuses UPDATE, DELETE and TRUNCATE even to the schema's owner by trigger", async () => {
      await expect(sql(db.ownerUrl, `UPDATE events SET data = '{"vnd":"2"}'`)).rejects.toThrow(/immutable/);
      await expect(sql(db.ownerUrl, 'DELETE FROM events')).rejects.toThrow(/immutable/);
      await expect(sql(db.ownerUrl, 'TRUNCATE events')).rejects.toThrow(/immutable/);
      expect(await store.readStream('project-1')).toHaveLength(1);
    });

    it('two stores (two replicas) on one database: the stale one conflicts, the chain stays whole', async () => {
      const other = new PostgresEventStore({ url: db.apiUrl });
      await store.append('project-2', [newEvent()], 'no_stream');
      await other.append('project-2', [newEvent()], 1n);
      await expect(store.append('project-2', [newEvent()], 1n)).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 2n });
      await store.append('project-2', [newEvent()], 2n);
      expect((await other.readStream('project-2')).map((e) => e.streamVersion)).toEqual([1n, 2n, 3n]);
      expect(await verifyChain(other)).toMatchObject({ ok: true, events: await store.count() });
      await other.close();
    });

    it('opened before its database exists, works once it does (no failure kept from start-up)', async () => {
      const early = new PostgresEventStore({ url: cluster().urlFor('late', 'ledger_api') });
      await expect(early.headPosition()).rejects.toThrow(/does not exist/);
      await createLedgerDatabase(cluster(), 'late');
      expect(await early.headPosition()).toBe(0n);
      await early.close();
    });

    it('imports an exported log into an empty database as it was, and refuses one that does not continue the head', async () => {
      const exported = await store.readPage(0n, 1000);
      const target = new PostgresEventStore({ url: (await createLedgerDatabase(cluster(), 'imported')).apiUrl });
      await target.importRecorded(exported);
      expect(await target.readPage(0n, 1000)).toEqual(exported);
      await expect(target.importRecorded(exported.slice(0, 1))).rejects.toThrow(/does not continue/);
      expect(await target.count()).toBe(BigInt(exported.length));
      await target.close();
    });
  });

  describe('global order under concurrent appenders', () => {
    it('a reader following the log never sees position n+1 before n, and every event lands once', async () => {
      const db = await createLedgerDatabase(cluster(), 'order');
      // Several pools stand for several replicas: each appender has its own connections.
      const writers = Array.from({ length: 6 }, () => new PostgresEventStore({ url: db.apiUrl, poolSize: 4 }));
      const reader = new PostgresEventStore({ url: db.apiUrl, poolSize: 1 });
      const perWriter = 60;
      let writing = true;
      const seen: bigint[] = [];
      const follow = (async () => {
        let after = 0n;
        while (writing || after < (await reader.headPosition())) {
          const page = await reader.readPage(after, 7);
          for (const e of page) {
            // A gap here is an event that became visible after a later one: it would be skipped forever.
            if (e.position !== after + 1n) throw new Error(`reader saw position ${e.position} right after ${after}`);
            after = e.position;
            seen.push(e.position);
          }
        }
      })();
      await Promise.all(
        writers.flatMap((w, i) =>
          Array.from({ length: 4 }, async (_, lane) => {
            for (let n = 0; n < perWriter / 4; n++) await w.append(`project-${i}-${lane}-${n % 3}`, [newEvent({ i, lane, n }), newEvent()], 'any');
          }),
        ),
      );
      writing = false;
      await follow;
      const total = BigInt(writers.length * perWriter * 2);
      expect(seen).toEqual(Array.from({ length: Number(total) }, (_, i) => BigInt(i + 1)));
      expect(await verifyChain(reader)).toMatchObject({ ok: true, events: total });
      await Promise.all([...writers, reader].map((s) => s.close()));
    });
  });
});
