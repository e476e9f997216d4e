import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { RuleViolation, addDays, decide, foldForSearch, foldProject, formatUsdCents, type ProjectCommand, type ProjectEvent, type ProjectState } from '@ledger/domain';
import { MemoryEventStore } from '@ledger/event-store';
import { ProjectionRunner } from '../runner/projection-runner';
import { LicensingFactsProjection } from './licensing-facts.projection';
import { ProjectRegisterProjection } from './project-register.projection';
import { inLogOrder } from '../testing/log-order';
import { comparableColumns } from '../testing/comparable-rows';

/**
 * The register folds incrementally (one evolve step per act, a refold per correction) and must
 * still equal foldProject of each stream, live in any slicing and after a rebuild, also for long
 * histories with corrections early and late and acts after them.
 */
const dir = mkdtempSync(join(tmpdir(), 'ledger-register-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = '2030-01-01';
const day = (n: number) => addDays('2014-01-01', n);
const ZONES = ['Z1', 'Z2', 'Z3'];

/** The register columns foldProject implies for a stream of `version` events. */
function expectedRow(code: string, s: ProjectState, version: number) {
  return {
    project_code: code,
    board_id: s.boardId,
    zone_id: s.zoneId,
    origin: s.origin,
    project_name: s.projectName,
    country: s.investors?.[0]?.country ?? 'VN',
    issued_on: s.issuedOn,
    status: s.status,
    suspended: s.suspended ? 1n : 0n,
    terminated_on: s.terminatedOn ?? null,
    adjustment_no: BigInt(s.adjustmentNo),
    reg_vnd: s.registeredCapital.vnd,
    reg_usd: s.registeredCapital.usdCents ?? 0n,
    realized_vnd: s.realizedCapital.vnd,
    realized_usd: s.realizedCapital.usdCents ?? 0n,
    version: BigInt(version),
    investor_name: s.investors?.[0]?.name ?? '',
    search_text: foldForSearch([code, s.projectName ?? '', ...(s.investors ?? []).map((i) => i.name)].join(' ')),
  };
}

/** A register row without its folded state and its stream copies (checked on their own). */
const columnsOf = ({ state: _s, copies: _c, ...columns }: Record<string, unknown>) => columns;

function registerRows(db: Database.Database) {
  return db.prepare(`SELECT ${comparableColumns(db, 'project_register')} FROM project_register ORDER BY project_code`).safeIntegers().all() as Record<string, unknown>[];
}

const actArb = fc.record({
  kind: fc.constantFrom('inc', 'inc', 'dec', 'realize', 'suspend', 'resume', 'rename', 'investor', 'zone', 'origin', 'correct', 'correct', 'terminate'),
  offset: fc.integer({ min: 0, max: 3000 }),
  amount: fc.integer({ min: 1, max: 5000 }),
});
const projectArb = fc.record({
  origin: fc.constantFrom('FDI', 'DDI'),
  issuedDay: fc.integer({ min: 0, max: 1500 }),
  capital: fc.integer({ min: 1000, max: 100000 }),
  acts: fc.array(actArb, { maxLength: 40 }),
});
type ProjectSpec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;
type Act = ProjectSpec['acts'][number];

function issue(p: ProjectSpec, code: string): ProjectCommand {
  const fdi = p.origin === 'FDI';
  return {
    type: 'IssueCertificate',
    today: TODAY,
    data: {
      projectCode: code,
      boardId: 'B1',
      zoneId: 'Z1',
      projectName: `P${code}`,
      investors: [{ name: 'I', country: fdi ? 'KR' : 'VN' }],
      origin: p.origin as 'FDI' | 'DDI',
      registeredCapital: fdi ? { vnd: String(p.capital * 23000), usd: formatUsdCents(BigInt(p.capital) * 100n), exchangeRate: '23000' } : { vnd: String(p.capital * 1000) },
      objectives: 'o',
      durationYears: 50,
      issuedOn: day(p.issuedDay),
    },
  };
}

/** The command for an act against the project as it stands (origin and history decide its shape). */
function commandFor(a: Act, p: ProjectSpec, state: ProjectState): ProjectCommand | undefined {
  const on = day(p.issuedDay + a.offset);
  const fdi = state.origin === 'FDI';
  const money = { vnd: String(a.amount * (fdi ? 23000 : 1000)), ...(fdi ? { usd: formatUsdCents(BigInt(a.amount) * 100n) } : {}) };
  const history = state.history ?? [];
  switch (a.kind) {
    case 'inc':
      return { type: 'IncreaseCapital', today: TODAY, data: { amount: money, effectiveOn: on, reason: 'r' } };
    case 'dec':
      return { type: 'DecreaseCapital', today: TODAY, data: { amount: money, effectiveOn: on, reason: 'r' } };
    case 'realize':
      return { type: 'RecordRealizedCapital', today: TODAY, data: { period: on.slice(0, 7), amount: money, reportedOn: on } };
    case 'suspend':
      return { type: 'SuspendProject', today: TODAY, data: { ground: 'INVESTOR_DECISION', effectiveOn: on, decisionRef: 'd' } };
    case 'resume':
      return { type: 'ResumeProject', today: TODAY, data: { effectiveOn: on, decisionRef: 'd' } };
    case 'rename':
      return { type: 'AdjustCertificate', today: TODAY, data: { changes: { projectName: `N${a.amount}` }, effectiveOn: on, reason: 'r' } };
    case 'investor':
      return { type: 'AdjustCertificate', today: TODAY, data: { changes: { investors: [{ name: 'J', country: a.amount % 2 ? 'JP' : 'SG' }] }, effectiveOn: on, reason: 'r' } };
    case 'zone':
      return { type: 'AdjustCertificate', today: TODAY, data: { changes: { zoneId: ZONES[a.amount % ZONES.length] }, effectiveOn: on, reason: 'r' } };
    case 'origin':
      return fdi
        ? { type: 'AdjustCertificate', today: TODAY, data: { changes: { origin: 'DDI' }, effectiveOn: on, reason: 'r' } }
        : { type: 'AdjustCertificate', today: TODAY, data: { changes: { origin: 'FDI', registeredCapitalUsd: formatUsdCents(BigInt(a.amount) * 100n), exchangeRate: '23000' }, effectiveOn: on, reason: 'r' } };
    case 'terminate':
      return { type: 'TerminateProject', today: TODAY, data: { ground: 'INVESTOR_DECISION', effectiveOn: on, decisionRef: 'd' } };
    default:
      return correctionOf(history, a.amount);
  }
}

/** Re-amount a capital act or revoke any other act but the issuance (the decider refuses what breaks a rule). */
function correctionOf(history: readonly ProjectEvent[], pick: number): ProjectCommand | undefined {
  const version = (pick % history.length) + 1;
  const target = history[version - 1];
  if (target.type === 'EventCorrected' || target.type === 'CertificateIssued') return undefined;
  if (target.type === 'CapitalIncreased' || target.type === 'CapitalDecreased') {
    const { adjustmentNo: _n, amount, ...data } = target.data;
    const doubled = { vnd: String(BigInt(amount.vnd) * 2n), ...(amount.usd ? { usd: formatUsdCents(BigInt(amount.usd.replace('.', '')) * 2n) } : {}) };
    return { type: 'CorrectEvent', today: TODAY, data: { correctsVersion: version, correctedData: { ...data, amount: doubled }, reason: 'sửa sai' } };
  }
  return { type: 'CorrectEvent', today: TODAY, data: { correctsVersion: version, revoked: true, reason: 'sửa sai' } };
}

/** Appends each project's accepted acts, round-robin, catching the live runner up every few appends. */
async function record(store: MemoryEventStore, projects: ProjectSpec[], live: ProjectionRunner, every: number): Promise<Map<string, ProjectEvent[]>> {
  const streams = new Map<string, ProjectEvent[]>();
  const append = async (code: string, command: ProjectCommand | undefined) => {
    const history = streams.get(code) ?? [];
    if (!command) return;
    try {
      const events = decide(command, foldProject(history));
      await store.append(`project-${code}`, events.map((e, i) => ({ eventId: `${code}-${history.length + i}`, type: e.type, data: e.data, metadata: {} })), BigInt(history.length) || 'no_stream');
      streams.set(code, [...history, ...events]);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
    }
  };
  const codes = projects.map((_, i) => String(2100000000 + i));
  for (const [i, p] of projects.entries()) await append(codes[i], issue(p, codes[i]));
  let appended = 0;
  for (let round = 0; projects.some((p) => round < p.acts.length); round++) {
    for (const [i, p] of projects.entries()) {
      if (round >= p.acts.length) continue;
      await append(codes[i], commandFor(p.acts[round], p, foldProject(streams.get(codes[i]) ?? [])));
      if (++appended % every === 0) await live.catchUp();
    }
  }
  await live.catchUp();
  return streams;
}

describe('ProjectRegisterProjection', () => {
  it('equals foldProject of every stream, live in any slicing and rebuilt from zero', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 13 }), async (projects, batchSize, every) => {
        run += 1;
        const store = new MemoryEventStore();
        const live = new ProjectionRunner(inLogOrder(store), join(dir, `live-${run}.db`), [new ProjectRegisterProjection()], { batchSize });
        const streams = await record(store, projects, live, every);
        const rebuilt = new ProjectionRunner(store, join(dir, `rebuilt-${run}.db`), [new ProjectRegisterProjection()], { batchSize: 1000 });
        await rebuilt.rebuild();

        const expected = [...streams].map(([code, events]) => expectedRow(code, foldProject(events), events.length));
        const rows = registerRows(live.db);
        expect(rows.map(columnsOf)).toEqual(expected);
        expect(registerRows(rebuilt.db)).toEqual(rows);
        // Each row lists its stream's copies (read as their log positions), live and rebuilt alike.
        for (const row of rows) expect(JSON.parse(row.copies as string)).toEqual((await store.readStream(`project-${row.project_code as string}`)).map((e) => Number(e.position)));
        // Rows updated in place (their unindexed columns only) stay where the register page's indexes find them.
        expect(live.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const byBoard = live.db.prepare('SELECT project_code FROM project_register INDEXED BY register_by_board ORDER BY board_id, issued_on, project_code').pluck().all();
        expect(byBoard).toEqual([...expected].sort((a, b) => (a.issued_on === b.issued_on ? (a.project_code < b.project_code ? -1 : 1) : (a.issued_on as string) < (b.issued_on as string) ? -1 : 1)).map((r) => r.project_code));
        await live.close();
        await rebuilt.close();
      }),
      { numRuns: 60, seed: 20161231 },
    );
  });

  it('a correction after many acts refolds the stream; acts after it continue from the corrected state', async () => {
    const store = new MemoryEventStore();
    const live = new ProjectionRunner(inLogOrder(store), join(dir, 'long.db'), [new ProjectRegisterProjection()], { batchSize: 7 });
    const p: ProjectSpec = { origin: 'FDI', issuedDay: 0, capital: 1000, acts: [] };
    const increases = Array.from({ length: 60 }, (_, i): Act => ({ kind: 'inc', offset: i, amount: i + 1 }));
    const correctFirstIncrease: Act = { kind: 'correct', offset: 0, amount: 1 }; // version 2: the first increase, doubled
    const streams = await record(store, [{ ...p, acts: [...increases, correctFirstIncrease, ...increases.slice(0, 5)] }], live, 5);
    const [[code, events]] = [...streams];
    expect(events).toHaveLength(1 + 60 + 1 + 5);
    expect(events[61].type).toBe('EventCorrected');
    const state = foldProject(events);
    // 1000 issued + (1..60) + 1 more for the doubled first increase + (1..5), in USD cents
    expect(state.registeredCapital.usdCents).toBe((1000n + 1830n + 1n + 15n) * 100n);
    expect(registerRows(live.db).map(columnsOf)).toEqual([expectedRow(code, state, events.length)]);
    await live.close();
  });

  it('reset drops every table it owns', () => {
    const db = new Database(':memory:');
    const projection = new ProjectRegisterProjection();
    projection.setup(db);
    projection.reset(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'project_register%'").all()).toEqual([]);
    db.close();
  });

  it('a read-model file of version 1 (stream in the row) is replayed into the new layout; other read models keep their place', async () => {
    const store = new MemoryEventStore();
    const path = join(dir, 'former.db');
    const first = new ProjectionRunner(store, path, [new ProjectRegisterProjection(), new LicensingFactsProjection()]);
    const streams = await record(store, [{ origin: 'DDI', issuedDay: 10, capital: 5000, acts: [{ kind: 'inc', offset: 5, amount: 7 }] }], first, 1);
    // What version 1 left, in a file from before read-model versions were recorded: the stream as a JSON array in the row.
    first.db.exec(`DROP TABLE project_register_events; ALTER TABLE project_register DROP COLUMN state; ALTER TABLE project_register ADD COLUMN events TEXT NOT NULL DEFAULT '[]';
      DROP TABLE projection_versions;`);
    const facts = first.db.prepare('SELECT COUNT(*) FROM facts').pluck().get();
    await first.close();

    const upgraded = new ProjectionRunner(store, path, [new ProjectRegisterProjection(), new LicensingFactsProjection()]);
    await upgraded.catchUp();
    const [[code, events]] = [...streams];
    expect(registerRows(upgraded.db).map(columnsOf)).toEqual([expectedRow(code, foldProject(events), events.length)]);
    expect(upgraded.db.prepare('SELECT COUNT(*) FROM facts').pluck().get()).toBe(facts);
    await upgraded.close();
  });
});
