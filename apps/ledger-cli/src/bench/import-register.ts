import { writeFileSync } from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';
import { commitImport, planImport } from '@ledger/ledger';
import { sampleVersionRegister } from '../register/sample-register';
import { workbookOf } from '../register/workbook';
import { geo } from './fixtures';
import { RawStore } from './raw-sqlite';
import { row, type Row } from './results';
import { now } from './stats';

/**
 * (h) A board's register of `rows` certificate versions through `import-register`'s path: read the
 * workbook, decide every act (write path rules), fold, append in one transaction; against plain
 * better-sqlite3 INSERTs of the same events in one transaction. Both on fresh files in this run.
 */
export async function benchRegisterImport(ws: { path(name: string): string }, rows: number): Promise<Row[]> {
  const reference = geo().reference;
  const sheet = sampleVersionRegister(reference, { boardId: 'BQL-BG', projects: rows, maxRows: rows, seed: 7, from: '2008-01-01', to: '2024-12-31' });
  const bytes = await workbookOf([sheet]);
  writeFileSync(ws.path('register.xlsx'), bytes);
  const at = new Date();
  const store = new SqliteEventStore({ path: ws.path('import-ledger.db'), clock: () => at });
  const raw = new RawStore(ws.path('import-raw.db'));
  try {
    let t = now();
    const plan = await planImport(bytes, { boardId: 'BQL-BG', fileName: 'register.xlsx' }, { reference, referenceDataVersion: reference.version, store }, { actor: { id: 'bench', role: 'admin' }, now: at });
    const planned = Number(now() - t) / 1e9;
    if (plan.errors > 0) throw new Error(`the generated register has ${plan.errors} errors, e.g. ${JSON.stringify(plan.issues[0])}`);
    t = now();
    const { appended } = commitImport(plan, store);
    const committed = Number(now() - t) / 1e9;
    const events = plan.entries.flatMap((entry) => entry.events.map((e, i) => ({ streamId: entry.streamId, version: i + 1, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata })));
    t = now();
    raw.insertBatch(events);
    const rawSeconds = Number(now() - t) / 1e9;
    const total = planned + committed;
    const section = `i. register import (${plan.rows} rows, ${plan.projects} projects, ${appended} events)`;
    return [
      row({ section, metric: 'whole import (read xlsx, decide, append)', unit: 'rows/s', better: 'higher', value: plan.rows / total, baselineName: 'plain inserts, one tx', baseline: plan.rows / rawSeconds, note: `${total.toFixed(2)} s in all: read + decide ${planned.toFixed(2)} s, append ${committed.toFixed(2)} s` }),
      row({ section, metric: 'append (appendBatch, one tx)', unit: 'events/s', better: 'higher', value: appended / committed, baselineName: 'plain inserts, one tx', baseline: events.length / rawSeconds }),
    ];
  } finally {
    await store.close();
    raw.close();
  }
}
