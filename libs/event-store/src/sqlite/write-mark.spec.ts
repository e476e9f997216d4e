import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeMarkOf } from './write-mark';

describe('writeMarkOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-write-mark-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves after a write of this connection or a commit of another, not after reads', () => {
    const path = join(dir, 'file.db');
    const [own, other] = [new Database(path), new Database(path)];
    own.pragma('journal_mode = WAL');
    own.exec('CREATE TABLE t (x INTEGER)');
    const mark = writeMarkOf(own);
    const first = mark();
    own.prepare('SELECT * FROM t').all();
    other.prepare('SELECT * FROM t').all();
    expect(mark()).toBe(first);
    own.exec('INSERT INTO t VALUES (1)');
    const afterOwn = mark();
    expect(afterOwn).not.toBe(first);
    other.exec('INSERT INTO t VALUES (2)');
    expect(mark()).not.toBe(afterOwn);
    own.close();
    other.close();
  });
});
