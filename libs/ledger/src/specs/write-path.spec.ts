import { fdiIssued } from '../../../domain/src/testing/fixtures';
import { IdempotencyConflictError, MemoryEventStore, WrongExpectedVersionError, type EventStore } from '@ledger/event-store';
import { AuthorityError } from '../errors';
import { StreamStates } from '../stream-states';
import { recordProjectAct, type ProjectAct } from '../project/record-project-act';
import { contextOf, officerOf, writePath } from '../testing/write-path';

const officer = officerOf('BQL-HN');
const code = fdiIssued.projectCode;
const issue: ProjectAct = { type: 'IssueCertificate', projectCode: code, data: { ...fdiIssued, boardId: 'BQL-HN', zoneId: 'KCN-THANG-LONG' } };
const increase = (usd: string): ProjectAct => ({
  type: 'IncreaseCapital',
  projectCode: code,
  data: { amount: { vnd: String(BigInt(usd) * 23500n), usd: `${usd}.00` }, effectiveOn: '2016-06-01', reason: 'Mở rộng' },
});

describe('the write path', () => {
  it('records metadata naming the person, the acting board, the command and the envelope version', async () => {
    const deps = writePath();
    const outcome = await recordProjectAct(deps, issue, contextOf({ ...officer, name: 'Nguyễn Văn A' }, { requestId: 'r-1' }));
    const [event] = await deps.store.readStream(`project-${code}`);
    expect(outcome).toMatchObject({ streamVersion: 1n, replayed: false, dryRun: false });
    expect(event.metadata).toMatchObject({ actor: officer.id, actorName: 'Nguyễn Văn A', role: 'officer', boardId: 'BQL-HN', command: 'IssueCertificate', requestId: 'r-1', schemaVersion: 1 });
  });

  it('dry run: the events and the certificate after them, nothing appended', async () => {
    const deps = writePath();
    await recordProjectAct(deps, issue, contextOf(officer));
    const outcome = await recordProjectAct(deps, increase('1000000'), contextOf(officer, { dryRun: true }));
    expect(outcome.dryRun).toBe(true);
    expect(outcome.events).toEqual([{ type: 'CapitalIncreased', data: expect.objectContaining({ adjustmentNo: 1 }) }]);
    expect(outcome.state.registeredCapital.usdCents).toBe(1_100_000_000n);
    expect(await deps.store.count()).toBe(1n);
  });

  describe('idempotency', () => {
    it('a retry with the same key and body returns the first result and appends nothing', async () => {
      const deps = writePath();
      await recordProjectAct(deps, issue, contextOf(officer));
      const first = await recordProjectAct(deps, increase('1000'), contextOf(officer, { idempotencyKey: 'k-1' }));
      const again = await recordProjectAct(deps, increase('1000'), contextOf(officer, { idempotencyKey: 'k-1' }));
      expect(again).toMatchObject({ replayed: true, streamVersion: first.streamVersion, position: first.position });
      expect(await deps.store.count()).toBe(2n);
    });

    it('the same key with another body is refused', async () => {
      const deps = writePath();
      await recordProjectAct(deps, issue, contextOf(officer));
      await recordProjectAct(deps, increase('1000'), contextOf(officer, { idempotencyKey: 'k-1' }));
      await expect(recordProjectAct(deps, increase('2000'), contextOf(officer, { idempotencyKey: 'k-1' }))).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await deps.store.count()).toBe(2n);
    });

    it('checks authority before answering a replay: another board’s officer with the same sub gets no result', async () => {
      const deps = writePath();
      await recordProjectAct(deps, issue, contextOf(officer));
      await recordProjectAct(deps, increase('1000'), contextOf(officer, { idempotencyKey: 'k-1' }));
      const intruder = { ...officer, boardId: 'BQL-BN-2025' };
      await expect(recordProjectAct(deps, increase('1000'), contextOf(intruder, { idempotencyKey: 'k-1' }))).rejects.toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
      await expect(recordProjectAct(deps, increase('1000'), contextOf(intruder, { idempotencyKey: 'k-1' }))).rejects.toBeInstanceOf(AuthorityError);
    });

    it('another process that recorded the key first with another body: refused, never reported as a replay', async () => {
      const store = new MemoryEventStore(() => new Date('2026-11-24T03:00:00Z'));
      const [a, b] = [writePath(store), writePath(store)];
      await recordProjectAct(a, issue, contextOf(officer));
      await recordProjectAct(b, issue, contextOf(officer, { idempotencyKey: 'issue' })).catch(() => undefined); // b folds the stream
      // b decides on the state it read; a appends under the same key just before b's append reaches the store.
      const racing: EventStore = Object.create(store);
      racing.append = async (...args) => {
        await recordProjectAct(a, increase('1000'), contextOf(officer, { idempotencyKey: 'k-race' }));
        return store.append(...args);
      };
      const bRacing = { ...b, store: racing };
      await expect(recordProjectAct(bRacing, increase('2000'), contextOf(officer, { idempotencyKey: 'k-race' }))).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect((await store.readStream(`project-${code}`)).map((e) => (e.data as { amount?: { usd: string } }).amount?.usd)).toEqual([undefined, '1000.00']);
    });
  });

  it('retries a conflict with another process without If-Match; with If-Match the conflict surfaces', async () => {
    const store = new MemoryEventStore(() => new Date('2026-11-24T03:00:00Z'));
    const [a, b] = [writePath(store), writePath(store)];
    await recordProjectAct(a, issue, contextOf(officer));
    await recordProjectAct(b, increase('1000'), contextOf(officer)); // b's fold is at version 2
    const racing: EventStore = Object.create(store);
    let raced = false;
    racing.append = async (...args) => {
      if (!raced) {
        raced = true;
        await recordProjectAct(a, increase('2000'), contextOf(officer));
      }
      return store.append(...args);
    };
    const outcome = await recordProjectAct({ ...b, store: racing }, increase('3000'), contextOf(officer));
    expect(outcome.events[0].data).toMatchObject({ adjustmentNo: 3 });
    raced = false;
    await expect(recordProjectAct({ ...b, store: racing }, increase('4000'), contextOf(officer, { expectedVersion: 4n }))).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('keeps retrying while its time lasts: a write that loses 25 races in a row lands; with no time left the conflict surfaces', async () => {
    const store = new MemoryEventStore(() => new Date('2026-11-24T03:00:00Z'));
    const [a, b] = [writePath(store), writePath(store)];
    await recordProjectAct(a, issue, contextOf(officer));
    await recordProjectAct(b, increase('1000'), contextOf(officer));
    let races = 25;
    const racing: EventStore = Object.create(store);
    racing.append = async (...args) => {
      if (races > 0) {
        races -= 1;
        await recordProjectAct(a, increase('2000'), contextOf(officer));
      }
      return store.append(...args);
    };
    const outcome = await recordProjectAct({ ...b, store: racing }, increase('3000'), contextOf(officer));
    expect(outcome.events[0].data).toMatchObject({ adjustmentNo: 27 });
    races = 1;
    const before = await store.headPosition();
    await expect(recordProjectAct({ ...b, store: racing, retryForMs: 0 }, increase('4000'), contextOf(officer))).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.headPosition()).toBe(before + 1n); // only the racing write landed
  });

  it('serialises writes to one stream in-process: 30 parallel acts, numbered 1–30, no conflict', async () => {
    const deps = writePath();
    await recordProjectAct(deps, issue, contextOf(officer));
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => recordProjectAct({ ...deps, retryForMs: 0 }, increase(String(1000 + i)), contextOf(officer))));
    expect(outcomes.map((o) => (o.events[0].data as { adjustmentNo: number }).adjustmentNo).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('reads only the events appended since its last fold (issue 13: writes stay bounded on long streams)', async () => {
    const store = new MemoryEventStore(() => new Date('2026-11-24T03:00:00Z'));
    const read: number[] = [];
    const counting: EventStore = Object.create(store);
    counting.readStream = async (...args) => {
      const events = await store.readStream(...args);
      read.push(events.length);
      return events;
    };
    const deps = { ...writePath(store), store: counting, streams: new StreamStates() };
    await recordProjectAct(deps, issue, contextOf(officer));
    for (let i = 0; i < 50; i++) await recordProjectAct(deps, increase(String(1000 + i)), contextOf(officer));
    expect(Math.max(...read.slice(2))).toBeLessThanOrEqual(1);
    expect((await recordProjectAct(deps, increase('9'), contextOf(officer))).events[0].data).toMatchObject({ adjustmentNo: 51 });
  });
});
