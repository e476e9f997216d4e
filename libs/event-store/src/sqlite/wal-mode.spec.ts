import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freshFileWriter } from '../testing/fresh-file-writer';
import { SqliteEventStore } from './sqlite-event-store';
import { enterWalMode } from './wal-mode';

const dir = mkdtempSync(join(tmpdir(), 'ledger-wal-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

describe('opening a fresh log file another process is creating', () => {
  it('given the other process writing to the file before either put it in WAL mode, when the log opens it, then it waits for the other and opens in WAL mode with both schemas', async () => {
    const path = join(dir, 'log.db');
    const other = await freshFileWriter(path, 300);
    const started = Date.now();

    const store = new SqliteEventStore({ path });

    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tables(store.db)).toEqual(['events', 'other_process']);
    expect(await store.count()).toBe(0n);
    await other.ended;
    await store.close();
  });

  it('given the other process never letting go, when the wait runs out, then SQLITE_BUSY is thrown', async () => {
    const path = join(dir, 'held.db');
    const other = await freshFileWriter(path, 60_000);
    const db = new Database(path);
    const started = Date.now();

    expect(() => enterWalMode(db, 200)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));

    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    db.close();
    other.kill();
    await other.ended;
  });
});
