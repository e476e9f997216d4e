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

  /** A log of @n notes whose event ids start with @prefix (two real logs never share one). */
  const notes = async (path: string, n: number, prefix: string) => {
    const store = new SqliteEventStore({ path });
    for (let i = 1; i <= n; i++) await store.append(`note-${i}`, [{ eventId: `${prefix}-${i}`, type: 'Noted', data: {}, metadata: {} }], 'no_stream');
    return store;
  };

  it.each([
    {
      given: 'a longer log',
      thisLog: 0,
      refusal: "the read model project-register stands at position 3, past the log's last event (0): it was built from another log or a longer copy of this one.",
    },
    {
      given: 'another log as long as this one',
      thisLog: 3,
      refusal: 'the read model project-register stands at position 3, where it applied event other-3 and this log has event this-3: it was built from another log.',
    },
  ])('given read models built from $given, when the API starts on this one, then it says so in one line, exits 1 and the log stays as it was', async ({ thisLog, refusal }) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-other-log-'));
    try {
      const [other, log, readModels] = [join(dir, 'other.db'), join(dir, 'ledger.db'), join(dir, 'ledger.read-models.db')];
      const otherStore = await notes(other, 3, 'other');
      const runner = new ProjectionRunner(otherStore, readModels, allProjections());
      await runner.catchUp();
      await runner.close();
      await otherStore.close();
      await (await notes(log, thisLog, 'this')).close();

      const { code, output } = await apiProcessRefusal({ LEDGER_DB_PATH: log, LEDGER_READ_DB_PATH: readModels }, await freePort());
      expect(code).toBe(1);
      expect(output.trim().split('\n').filter((l) => !l.startsWith('WARNING') && !l.startsWith('         '))).toEqual([
        `Read models refused: ${refusal} Rebuild the read models from this log (npm run cli -- rebuild) or point LEDGER_READ_DB_PATH at this log's own.`,
      ]);
      const store = new SqliteEventStore({ path: log });
      expect(await store.headPosition()).toBe(BigInt(thisLog));
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
