import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vietnamDateOf } from '@ledger/domain';
import { ReferenceData } from '@ledger/reference-data';
import { demoSteps } from '../../apps/ledger-api/src/demo/demo-data';
import { actOf, importDemoHistory, recordingsOf } from '../../apps/ledger-api/src/demo/demo-history';
import { northernMidlands2016 } from '../scenarios/northern-midlands-2016';
import { NORTHERN_MIDLANDS_2016 as NMM } from '../scenarios/published-figures';
import { bearer, client, startLedgerServer, type LedgerServer } from '../support/ledger-server';

const quiet = { start: () => undefined, update: () => undefined, done: () => undefined };
const DAY = 86_400_000;

describe('demo history: recorded when a board would have recorded it', () => {
  const steps = demoSteps();
  const recordings = recordingsOf(steps);
  const lagDays = recordings.map((r) => (r.recordedAt.getTime() - Date.parse(`${r.step.effectiveOn}T00:00:00Z`)) / DAY);

  it('records every act after its legal date, most within a week, a few months late, in the office hours of Vietnam', () => {
    expect(recordings).toHaveLength(steps.length);
    expect(recordings.every((r) => vietnamDateOf(r.recordedAt) > r.step.effectiveOn)).toBe(true);
    const share = (f: (d: number) => boolean) => lagDays.filter(f).length / lagDays.length;
    expect(share((d) => d < 8)).toBeGreaterThan(0.8);
    expect(share((d) => d > 45)).toBeGreaterThan(0.01);
    expect(share((d) => d > 45)).toBeLessThan(0.06);
    expect(recordings.every((r) => r.recordedAt.getUTCHours() >= 1 && r.recordedAt.getUTCHours() <= 9)).toBe(true);
  });

  it('keeps each project\'s acts in their order, the log in recording order, and marks a few issuances for a correction', () => {
    const seen = new Map<string, number>();
    const original = new Map(steps.map((s, i) => [s, i]));
    for (const r of recordings) {
      const code = actOf(r.step).projectCode;
      expect(original.get(r.step)).toBeGreaterThan(seen.get(code) ?? -1);
      seen.set(code, original.get(r.step) as number);
    }
    expect(recordings.every((r, i) => i === 0 || recordings[i - 1].recordedAt <= r.recordedAt)).toBe(true);
    const corrected = recordings.filter((r) => r.correctedAfterDays !== undefined).length;
    expect(corrected).toBeGreaterThan(10);
    expect(corrected).toBeLessThan(100);
  });

  describe('imported into a SQLite log and served (northern midlands)', () => {
    let server: LedgerServer;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'demo-history-'));
      const path = join(dir, 'demo.db');
      await importDemoHistory(path, ReferenceData.load(), northernMidlands2016(), quiet);
      server = await startLedgerServer({ LEDGER_DB_PATH: path }, () => new Date('2026-11-24T02:00:00Z'));
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const newIn2016 = async (knownAt?: string) => {
      const query = `from=2016-01-01&to=2016-12-31&boardId=BQL-BG&units=historical${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`;
      const head = (await server.store.headPosition()).toString();
      const { body } = await client(server.baseUrl, bearer('analyst')).get(`/api/v1/reports/activity?${query}&minPosition=${head}`);
      if (!body.total) throw new Error(JSON.stringify(body));
      return [body.total.FDI.current.newCertificates.count, body.total.DDI.current.newCertificates.count];
    };

    it('gives the published figures, and on a publication date what the board knew then', async () => {
      expect(await newIn2016()).toEqual([NMM['BQL-BG'].newFDI, NMM['BQL-BG'].newDDI]);
      const [fdiMid, ddiMid] = await newIn2016('2016-07-01T00:00:00+07:00');
      expect(fdiMid + ddiMid).toBeGreaterThan(0);
      expect(fdiMid + ddiMid).toBeLessThan(NMM['BQL-BG'].newFDI + NMM['BQL-BG'].newDDI);
      // Mid-January 2017, when the year report is written: nearly all of 2016 recorded, late ones still missing or not.
      const [fdiJan, ddiJan] = await newIn2016('2017-01-15T17:00:00+07:00');
      expect(fdiJan + ddiJan).toBeGreaterThan(fdiMid + ddiMid);
    });

    it('holds the recording times in the log, as the store\'s clock gave them', async () => {
      const events = await server.store.readPage(0n, 100_000);
      expect(events[0].recordedAt < '2016-01-01').toBe(true);
      expect(events.at(-1)?.recordedAt.slice(0, 4)).toBe('2017');
      expect(events.every((e, i) => i === 0 || events[i - 1].recordedAt <= e.recordedAt)).toBe(true);
    });
  });
});
