import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, PostgresEventStore, SqliteEventStore, type EventStore, type ProjectedEvent } from '@ledger/event-store';
import { createLedgerDatabase, describeWithPostgres } from '../../../event-store/src/testing/postgres-cluster';
import type { Actor } from '../actor';
import { StreamStates } from '../stream-states';
import { reference } from '../testing/write-path';
import { grantUser, revokeUser, type GrantInput } from '../users/user-commands';
import { UserDirectory } from '../users/user-directory';

/**
 * A directory's first catch-up on a store that reads stream by stream reads the user streams only
 * (a replica on a 1M-event log spent 5.6 s of its start reading every event for a handful of grants),
 * and knows the same people as a fold of the whole log in log order.
 */
const admin: Actor = { id: 'admin-1', role: 'admin', name: 'Trần Văn Quản' };
const now = new Date('2026-11-24T03:00:00Z');
const grant = (sub: string, role: GrantInput['role'] = 'officer'): GrantInput => ({ sub, displayName: `Cán bộ ${sub}`, role, ...(role === 'officer' ? { boardId: 'BQL-HN' } : {}), validFrom: '2026-01-01' });

/** Streams whose ids sort before and after `user-`, around and between the people's acts. */
const OTHER_STREAMS = ['dossier-7', 'project-2101000001', 'project-2101000002', 'zone-KCN-THANG-LONG'];
const other = (store: EventStore, streamId: string) => store.append(streamId, [{ eventId: randomUUID(), type: 'CertificateIssued', data: { n: streamId }, metadata: {} }], 'any');

async function givenPeopleAmongActs(store: EventStore): Promise<void> {
  const deps = { store, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
  for (const s of OTHER_STREAMS) await other(store, s);
  await grantUser(deps, grant('kc-lan'), { actor: admin, now });
  for (const s of OTHER_STREAMS) await other(store, s);
  await grantUser(deps, grant('kc-minh', 'analyst'), { actor: admin, now });
  await revokeUser(deps, { sub: 'kc-lan', effectiveOn: '2026-11-24', reason: 'transferred' }, { actor: admin, now });
  await grantUser(deps, grant('kc-an', 'auditor'), { actor: admin, now });
  for (const s of OTHER_STREAMS) await other(store, s);
}

/** The same store seen only through readPage: the directory then folds the whole log in log order. */
const logOrderOnly = (store: EventStore): EventStore => new Proxy(store, { get: (target, key) => (key === 'readByStream' ? undefined : Reflect.get(target, key)) });

/** The events each read handed the directory. */
function readsOf(store: EventStore): ProjectedEvent[] {
  const seen: ProjectedEvent[] = [];
  for (const method of ['readPage', 'readByStream'] as const) {
    const read = (store as unknown as Record<string, (...args: unknown[]) => Promise<ProjectedEvent[]>>)[method].bind(store);
    jest.spyOn(store as unknown as Record<string, () => unknown>, method).mockImplementation(async (...args: unknown[]) => {
      const page = await read(...args);
      seen.push(...page);
      return page;
    });
  }
  return seen;
}

function specifyDirectoryStart(open: () => Promise<EventStore>): void {
  it('given people granted and revoked among acts on other streams, when a directory first catches up, then it reads the user streams only and knows what a fold of the whole log knows', async () => {
    const store = await open();
    await givenPeopleAmongActs(store);
    const whole = new UserDirectory();
    await whole.catchUp(logOrderOnly(store));

    const reads = readsOf(store);
    const directory = new UserDirectory();
    await directory.catchUp(store);

    expect(directory.all()).toEqual(whole.all());
    expect(directory.all().map((u) => u.sub)).toEqual(['kc-an', 'kc-lan', 'kc-minh']);
    expect(directory.entry('kc-lan')?.revocations).toHaveLength(1);
    // Nothing of the streams before them is read; the page that holds their end goes on into the next stream.
    expect(reads.map((e) => e.streamId).filter((id) => id.startsWith('user-'))).toEqual(['user-kc-an', 'user-kc-lan', 'user-kc-lan', 'user-kc-minh']);
    expect(new Set(reads.map((e) => e.streamId).filter((id) => !id.startsWith('user-')))).toEqual(new Set(['zone-KCN-THANG-LONG']));
    await store.close();
  });

  it('given a directory that started from the user streams, when a person is revoked and acts come after, then the next catch-up reads the tail in log order and sees the revocation', async () => {
    const store = await open();
    await givenPeopleAmongActs(store);
    const directory = new UserDirectory();
    await directory.catchUp(store);

    await revokeUser({ store, reference, referenceDataVersion: reference.version, streams: new StreamStates() }, { sub: 'kc-minh', effectiveOn: '2026-11-24', reason: 'retired' }, { actor: admin, now });
    await other(store, 'project-2101000001');
    const reads = readsOf(store);
    await directory.catchUp(store);

    expect(directory.entry('kc-minh')?.revocations).toHaveLength(1);
    expect(reads.map((e) => e.streamId)).toEqual(['user-kc-minh', 'project-2101000001']);
    await store.close();
  });
}

describe('the user directory starting on a memory log', () => specifyDirectoryStart(async () => new MemoryEventStore(() => now)));

describe('the user directory starting on a SQLite log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-directory-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  specifyDirectoryStart(async () => new SqliteEventStore({ path: join(dir, `${randomUUID()}.db`), clock: () => now }));
});

describeWithPostgres('the user directory starting on a PostgreSQL log', (cluster) => {
  specifyDirectoryStart(async () => new PostgresEventStore({ url: (await createLedgerDatabase(cluster(), `directory_${randomUUID().slice(0, 8)}`)).apiUrl, clock: () => now }));
});
