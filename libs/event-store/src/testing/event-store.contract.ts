import { randomUUID } from 'node:crypto';
import { GENESIS_HASH } from '../hash-chain';
import { IdempotencyConflictError, WrongExpectedVersionError, readsByStream, type EventStore, type NewEvent, type ProjectedEvent, type StreamCursor } from '../port';
import { readAll } from '../read-all';

export interface ContractOptions {
  /** Whether the adapter chains hashes over the global log (ESDB does not). */
  chainsHashes: boolean;
}

const event = (type = 'CapitalIncreased', data: unknown = { amount: { vnd: '1000' } }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor: 'officer-1', schemaVersion: 1 },
});

/** The behaviour every EventStore adapter must show; run against each adapter. */
export function eventStoreContract(name: string, open: () => Promise<EventStore>, options: ContractOptions): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let stream: string;

    beforeEach(async () => {
      store = await open();
      stream = `project-${randomUUID()}`;
    });
    afterEach(async () => store.close());

    it('appends to a new stream and reads it back in order with versions 1..n', async () => {
      const events = [event('CertificateIssued'), event(), event('CapitalDecreased')];
      const result = await store.append(stream, events, 'no_stream');
      expect(result).toMatchObject({ streamVersion: 3n, duplicate: false });
      const read = await store.readStream(stream);
      expect(read.map((e) => [e.eventId, e.type, e.streamVersion])).toEqual(events.map((e, i) => [e.eventId, e.type, BigInt(i + 1)]));
      expect(read[2].position).toBe(result.position);
      expect(read[0].data).toEqual(events[0].data);
      expect(read[0].metadata).toMatchObject(events[0].metadata);
      expect(Number.isNaN(Date.parse(read[0].recordedAt))).toBe(false);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(`project-${randomUUID()}`)).toEqual([]);
    });

    it('rejects a second no_stream append and a stale expected version, writing nothing', async () => {
      await store.append(stream, [event('CertificateIssued')], 'no_stream');
      const before = await store.count();
      await expect(store.append(stream, [event()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append(stream, [event()], 5n)).rejects.toMatchObject({ actual: 1n });
      expect(await store.count()).toBe(before);
      const ok = await store.append(stream, [event()], 1n);
      expect(ok.streamVersion).toBe(2n);
    });

    it('of two appends holding the same version, exactly one wins', async () => {
      await store.append(stream, [event('CertificateIssued')], 'no_stream');
      const outcomes = await Promise.allSettled([store.append(stream, [event()], 1n), store.append(stream, [event()], 1n)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('treats a retried append with the same event ids as a duplicate and writes nothing', async () => {
      const events = [event('CertificateIssued'), event()];
      const first = await store.append(stream, events, 'no_stream');
      const before = await store.count();
      const retry = await store.append(stream, events, 'no_stream');
      expect(retry).toEqual({ ...first, duplicate: true });
      expect(await store.count()).toBe(before);
    });

    it('refuses an append that reuses some event ids of an earlier append', async () => {
      const issued = event('CertificateIssued');
      await store.append(stream, [issued], 'no_stream');
      const before = await store.count();
      await expect(store.append(stream, [issued, event()], 'any')).rejects.toBeInstanceOf(IdempotencyConflictError);
      await expect(store.append(`project-${randomUUID()}`, [issued], 'any')).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await store.count()).toBe(before);
    });

    it('writes nothing for an empty append', async () => {
      await store.append(stream, [event('CertificateIssued')], 'no_stream');
      const before = await store.count();
      const result = await store.append(stream, [], 1n);
      expect(result.streamVersion).toBe(1n);
      expect(await store.count()).toBe(before);
      await expect(store.append(stream, [], 7n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('reads the global log in order from a position, across streams', async () => {
      const start = await store.headPosition();
      const other = `project-${randomUUID()}`;
      const a = await store.append(stream, [event('CertificateIssued')], 'no_stream');
      const b = await store.append(other, [event('CertificateIssued')], 'no_stream');
      const c = await store.append(stream, [event()], 1n);
      const page = await store.readPage(start, 10);
      expect(page.map((e) => e.position)).toEqual([a.position, b.position, c.position]);
      expect(page.map((e) => e.streamId)).toEqual([stream, other, stream]);
      expect((await store.readPage(a.position, 10)).map((e) => e.position)).toEqual([b.position, c.position]);
      expect(await store.readPage(c.position, 10)).toEqual([]);
      expect(await store.headPosition()).toBe(c.position);
    });

    it('tells the id of the event at a position, and none past the head or at 0', async () => {
      const [first, second] = [event('CertificateIssued'), event()];
      await store.append(stream, [first], 'no_stream');
      const { position } = await store.append(stream, [second], 1n);
      expect(await store.eventIdAt(position)).toBe(second.eventId);
      const [before] = await store.readStream(stream);
      expect(await store.eventIdAt(before.position)).toBe(first.eventId);
      expect(await store.eventIdAt(position + 1n)).toBeUndefined();
      expect(await store.eventIdAt(0n)).toBeUndefined();
    });

    it('streams the whole log in pages', async () => {
      const start = await store.headPosition();
      await store.append(stream, Array.from({ length: 25 }, () => event()), 'no_stream');
      const seen: bigint[] = [];
      for await (const e of readAll(store, start, 7)) seen.push(e.streamVersion);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i + 1)));
    });

    it('reads the log up to a position stream by stream, in pages, where it can (a rebuild)', async () => {
      if (!readsByStream(store)) return void expect(name).toBe('eventstoredb'); // the one adapter without it
      const other = `project-${randomUUID()}`;
      await store.append(stream, [event('CertificateIssued')], 'no_stream');
      await store.append(other, [event('CertificateIssued'), event()], 'no_stream');
      const upTo = (await store.append(stream, [event(), event()], 1n)).position;
      await store.append(other, [event()], 2n); // after upTo: not read
      const read: ProjectedEvent[] = [];
      for (let after: StreamCursor | undefined, page; (page = await store.readByStream(upTo, after, 2)).length; ) {
        read.push(...page);
        after = { streamId: page[page.length - 1].streamId, streamVersion: page[page.length - 1].streamVersion };
      }
      expect(read.every((e) => e.position <= upTo)).toBe(true);
      expect(new Set(read.map((e) => e.position)).size).toBe(read.length); // each once
      expect(read.length).toBe(Number(upTo)); // the whole log up to upTo (other tests' streams too)
      const ours = read.filter((e) => e.streamId === stream || e.streamId === other);
      const runs = ours.map((e) => e.streamId).filter((id, i, ids) => id !== ids[i - 1]);
      expect(runs).toHaveLength(2); // each stream's events one after another
      expect(ours.filter((e) => e.streamId === stream).map((e) => e.streamVersion)).toEqual([1n, 2n, 3n]);
      expect(ours.filter((e) => e.streamId === other).map((e) => e.streamVersion)).toEqual([1n, 2n]);
    });

    it('round-trips a large payload exactly', async () => {
      const data = { objectives: 'Sản xuất linh kiện điện tử — '.repeat(40_000), investors: Array.from({ length: 500 }, (_, i) => ({ name: `Nhà đầu tư ${i}`, country: 'KR' })) };
      await store.append(stream, [event('CertificateIssued', data)], 'no_stream');
      const [read] = await store.readStream(stream);
      expect(read.data).toEqual(data);
    });

    if (options.chainsHashes) {
      it('chains every event to the previous one by hash', async () => {
        await store.append(stream, [event('CertificateIssued'), event(), event()], 'no_stream');
        const log: { prevHash: string; hash: string }[] = [];
        for await (const e of readAll(store)) log.push(e);
        expect(log[0].prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < log.length; i++) expect(log[i].prevHash).toBe(log[i - 1].hash);
        expect(new Set(log.map((e) => e.hash)).size).toBe(log.length);
      });
    }
  });
}
