import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, SqliteEventStore } from '@ledger/event-store';
import type { Actor } from '../actor';
import { StreamStates } from '../stream-states';
import { reference } from '../testing/write-path';
import { AuthorityError } from '../errors';
import { actorOf } from '../users/access';
import { grantUser, revokeUser, type GrantInput, type UserWriteDeps } from '../users/user-commands';
import { UserDirectory } from '../users/user-directory';

const admin: Actor = { id: 'admin-1', role: 'admin', name: 'Trần Văn Quản' };
const now = new Date('2026-11-24T03:00:00Z');
const lan: GrantInput = { sub: 'kc-lan', displayName: 'Nguyễn Thị Lan', role: 'officer', boardId: 'BQL-HN', validFrom: '2026-01-01' };

function ledger(): UserWriteDeps & { store: MemoryEventStore } {
  const store = new MemoryEventStore(() => now);
  return { store, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
}

async function refusal(run: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('user directory on the write path', () => {
  it('when admin grants, then UserGranted is appended on user-<sub> with the admin as grantor and actor name in metadata', async () => {
    const deps = ledger();
    await grantUser(deps, lan, { actor: admin, now });
    const [event] = await deps.store.readStream('user-kc-lan');
    expect(event).toMatchObject({ type: 'UserGranted', data: { sub: 'kc-lan', role: 'officer', boardId: 'BQL-HN', grantedBy: 'admin-1' }, metadata: { actor: 'admin-1', actorName: 'Trần Văn Quản', command: 'GrantUser' } });
  });

  it('refuses a grant by anyone but admin, to an unknown board, or starting after the board ended; the log is unchanged', async () => {
    const deps = ledger();
    const officer: Actor = { id: 'x', role: 'officer', boardId: 'BQL-HN' };
    expect((await refusal(() => grantUser(deps, lan, { actor: officer, now }))).code).toBe('ROLE_NOT_ALLOWED');
    expect((await refusal(() => grantUser(deps, { ...lan, boardId: 'BQL-NOWHERE' }, { actor: admin, now }))).code).toBe('BOARD_UNKNOWN');
    expect((await refusal(() => grantUser(deps, { ...lan, boardId: 'BQL-HB', validFrom: '2025-07-01' }, { actor: admin, now }))).code).toBe('BOARD_NOT_IN_FORCE');
    expect(await deps.store.count()).toBe(0n);
  });

  it('the directory follows the log: a revocation recorded later is seen on the next catch-up', async () => {
    const deps = ledger();
    const directory = new UserDirectory();
    await grantUser(deps, lan, { actor: admin, now });
    await directory.catchUp(deps.store);
    expect(actorOf({ sub: 'kc-lan' }, directory.entry('kc-lan'), reference, '2026-11-24')).toEqual({ id: 'kc-lan', role: 'officer', boardId: 'BQL-HN', name: 'Nguyễn Thị Lan' });
    await revokeUser(deps, { sub: 'kc-lan', effectiveOn: '2026-11-24', reason: 'transferred' }, { actor: admin, now });
    await directory.catchUp(deps.store);
    const denied = await refusal(() => actorOf({ sub: 'kc-lan' }, directory.entry('kc-lan'), reference, '2026-11-24'));
    expect(denied).toBeInstanceOf(AuthorityError);
    expect(denied).toMatchObject({ code: 'USER_REVOKED', message: expect.stringContaining('transferred') });
    expect(directory.all().map((u) => u.sub)).toEqual(['kc-lan']);
  });
});

describe('the directory on a SQLite log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-user-directory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the tail only once the log was written to — by its own store or another process’s — and sees a revocation at once', async () => {
    const path = join(dir, 'log.db');
    const api = new SqliteEventStore({ path, clock: () => now });
    const cli = new SqliteEventStore({ path, clock: () => now }); // another connection, as the CLI's process has
    const byCli = { store: cli, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
    const reads = jest.spyOn(api, 'readPage');
    const directory = new UserDirectory();
    await grantUser(byCli, lan, { actor: admin, now });
    await directory.catchUp(api);
    expect(directory.entry('kc-lan')).toBeDefined();
    const afterFirst = reads.mock.calls.length;
    await directory.catchUp(api);
    await directory.catchUp(api);
    expect(reads.mock.calls.length).toBe(afterFirst);

    await revokeUser(byCli, { sub: 'kc-lan', effectiveOn: '2026-11-24', reason: 'transferred' }, { actor: admin, now });
    await directory.catchUp(api);
    expect(reads.mock.calls.length).toBeGreaterThan(afterFirst);
    expect(await refusal(() => actorOf({ sub: 'kc-lan' }, directory.entry('kc-lan'), reference, '2026-11-24'))).toMatchObject({ code: 'USER_REVOKED' });

    await grantUser({ ...byCli, store: api, streams: new StreamStates() }, { ...lan, sub: 'kc-minh' }, { actor: admin, now });
    await directory.catchUp(api);
    expect(directory.entry('kc-minh')).toBeDefined();
    await api.close();
    await cli.close();
  });
});

describe('access today', () => {
  const directoryWith = async (...grants: GrantInput[]) => {
    const deps = ledger();
    for (const g of grants) await grantUser(deps, g, { actor: admin, now });
    const directory = new UserDirectory();
    await directory.catchUp(deps.store);
    return directory;
  };

  it("a dissolved board's officers stop after its last day; the successor's officers start on the merger date", async () => {
    const directory = await directoryWith({ ...lan, sub: 'hb', boardId: 'BQL-HB', validFrom: '2024-01-01' }, { ...lan, sub: 'pt', boardId: 'BQL-PT-2025', validFrom: '2024-01-01' });
    expect(actorOf({ sub: 'hb' }, directory.entry('hb'), reference, '2025-06-30').boardId).toBe('BQL-HB');
    expect(await refusal(() => actorOf({ sub: 'hb' }, directory.entry('hb'), reference, '2025-07-01'))).toMatchObject({ code: 'USER_BOARD_ENDED', details: { successorId: 'BQL-PT-2025' } });
    expect(await refusal(() => actorOf({ sub: 'pt' }, directory.entry('pt'), reference, '2025-06-30'))).toMatchObject({ code: 'USER_BOARD_NOT_STARTED' });
    expect(actorOf({ sub: 'pt' }, directory.entry('pt'), reference, '2025-07-01').boardId).toBe('BQL-PT-2025');
  });

  it('the directory wins over role claims; claims count only for people the directory does not know', async () => {
    const directory = await directoryWith({ ...lan, role: 'analyst', boardId: undefined });
    const claimed = { role: 'admin' as const };
    expect(actorOf({ sub: 'kc-lan', claimed }, directory.entry('kc-lan'), reference, '2026-11-24').role).toBe('analyst');
    expect(actorOf({ sub: 'new', name: 'Lê Minh', claimed }, directory.entry('new'), reference, '2026-11-24')).toEqual({ id: 'new', role: 'admin', name: 'Lê Minh' });
    expect(await refusal(() => actorOf({ sub: 'new' }, directory.entry('new'), reference, '2026-11-24'))).toMatchObject({ code: 'USER_UNKNOWN' });
  });
});
