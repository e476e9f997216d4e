import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, allProjections } from '@ledger/projections';
import { httpLoggerOptions } from '../../apps/ledger-api/src/http/http-logger';
import { demoLoaderHeaders } from '../../apps/ledger-api/src/demo/demo-requests';
import { loadLedgerConfig } from '../../apps/ledger-api/src/config/ledger-config';
import { apiProcessRefusal, startApiProcess } from '../support/api-process';
import { freePort } from '../support/ports';

describe('start-up as a person sees it', () => {
  it('given a port another program holds, when the API starts, then it says so in one line and exits 1 (no stack trace)', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '0.0.0.0', resolve));
    try {
      const { code, output } = await apiProcessRefusal({ LEDGER_DB_PATH: ':memory:' }, port);
      expect(code).toBe(1);
      const lines = output.trim().split('\n').filter((l) => !l.startsWith('WARNING') && !l.startsWith('         '));
      expect(lines).toEqual([`Port ${port} is already in use (another ledger or program listens there): stop it, or start with PORT=<another port>.`]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('given read models built from a longer log, when the API starts on this one, then it says so in one line, exits 1 and the log stays as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-other-log-'));
    try {
      const [other, log, readModels] = [join(dir, 'other.db'), join(dir, 'ledger.db'), join(dir, 'ledger.read-models.db')];
      const otherStore = new SqliteEventStore({ path: other });
      for (let i = 1; i <= 3; i++) await otherStore.append(`note-${i}`, [{ eventId: `e-${i}`, type: 'Noted', data: {}, metadata: {} }], 'no_stream');
      const runner = new ProjectionRunner(otherStore, readModels, allProjections());
      await runner.catchUp();
      await runner.close();
      await otherStore.close();

      const { code, output } = await apiProcessRefusal({ LEDGER_DB_PATH: log, LEDGER_READ_DB_PATH: readModels }, await freePort());
      expect(code).toBe(1);
      expect(output.trim().split('\n').filter((l) => !l.startsWith('WARNING') && !l.startsWith('         '))).toEqual([
        "Read models refused: the read model project-register stands at position 3, past the log's last event (0): it was built from another log or a longer copy of this one. Rebuild the read models from this log (npm run cli -- rebuild) or point LEDGER_READ_DB_PATH at this log's own.",
      ]);
      const store = new SqliteEventStore({ path: log });
      expect(await store.headPosition()).toBe(0n);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends start-up with where to go: the dashboard, the workspace, the API docs and how to get a token', async () => {
    const api = await startApiProcess({ LEDGER_DB_PATH: ':memory:' });
    const port = new URL(api.baseUrl).port;
    try {
      for (let i = 0; i < 100 && !api.output().includes('Tokens:'); i++) await new Promise((r) => setTimeout(r, 100));
      const block = api.output().slice(api.output().indexOf('Ready.')).trim().split('\n');
      expect(block[0]).toBe('Ready.');
      expect(block[1]).toMatch(new RegExp(`^  Dashboard:  http://localhost:${port}/dashboard#token=eyJ[\\w.-]+$`));
      expect(block[2]).toBe(`  Workspace:  http://localhost:${port}/workspace   (officers; paste an officer token)`);
      expect(block[3]).toBe(`  API docs:   http://localhost:${port}/api/docs`);
      expect(block[4]).toMatch(/^  Tokens:     .*npm run cli -- token --role officer --board BQL-HN/);
    } finally {
      await api.stop();
    }
  });

  it('logs the demo loader\'s requests at debug, and a client\'s own header cannot do the same', () => {
    const { customLogLevel } = httpLoggerOptions(loadLedgerConfig({ LEDGER_DB_PATH: ':memory:' })).pinoHttp as { customLogLevel: (req: unknown, res: unknown, error?: Error) => string };
    const request = (headers: Record<string, string>) => ({ headers });
    const ok = { statusCode: 201 };
    expect(customLogLevel(request(demoLoaderHeaders()), ok)).toBe('debug');
    expect(customLogLevel(request({ 'x-ledger-demo-loader': 'guess' }), ok)).toBe('info');
    expect(customLogLevel(request({}), ok)).toBe('info');
    expect(customLogLevel(request(demoLoaderHeaders()), { statusCode: 500 })).toBe('error');
  });
});
