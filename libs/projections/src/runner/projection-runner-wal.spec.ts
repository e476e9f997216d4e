import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

/** About 1 KB of read model per event, so a catch-up writes far more than the WAL bound. */
class Padded implements Projection {
  readonly name = 'padded';
  readonly version = 1;
  setup(db: Database.Database): void {
    db.exec('CREATE TABLE IF NOT EXISTS padded (position INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  }
  reset(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS padded');
  }
  apply(db: Database.Database, event: RecordedEvent): void {
    db.prepare('INSERT INTO padded VALUES (?, ?)').run(event.position, `${event.position}`.padEnd(1000, '.'));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ledger-runner-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

describe('read-model WAL during a catch-up', () => {
  it('stays under its bound however many events the catch-up writes', async () => {
    // Given a log of 20,000 events (≈ 20 MB of read-model rows)
    const store = new MemoryEventStore();
    await store.append('s', Array.from({ length: 20_000 }, (_, i) => ({ eventId: `e-${i}`, type: 'Noted', data: {}, metadata: {} })), 'no_stream');
    const path = join(dir, 'read-models.db');
    const runner = new ProjectionRunner(store, path, [new Padded()], { batchSize: 500, backgroundCheckpoints: true, walLimitBytes: 2 * MB });

    try {
      // When the read model catches up with checkpoints running in the background
      await runner.catchUp();

      // Then every row is there and the WAL never outgrew its bound plus one batch (≈ 0.6 MB)
      expect(runner.db.prepare('SELECT COUNT(*) FROM padded').pluck().get()).toBe(20_000);
      expect(statSync(`${path}-wal`).size).toBeLessThan(4 * MB);
    } finally {
      await runner.close();
    }
  });
});
