import type { ProjectCommandType } from '@ledger/domain';
import { vietnamDateOf } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { StreamStates, recordProjectAct, type ProjectAct } from '@ledger/ledger';
import type { ReferenceData } from '@ledger/reference-data';
import { prng } from '../../../../test/scenarios/scenario';
import type { ScenarioStep } from '../../../../test/scenarios/scenario';
import type { DemoProgress } from './demo-data';

/** The officers' POST routes (under /projects/:code/) and the acts they record. */
const ACTS: Record<string, ProjectCommandType> = {
  'capital-increases': 'IncreaseCapital',
  'capital-decreases': 'DecreaseCapital',
  adjustments: 'AdjustCertificate',
  'realized-capital': 'RecordRealizedCapital',
  suspension: 'SuspendProject',
  resumption: 'ResumeProject',
  termination: 'TerminateProject',
};

export function actOf(step: ScenarioStep): ProjectAct {
  // The scenario bodies are the officers' request bodies, which the API hands to the write path as the act's data.
  if (step.path === '/projects') return { type: 'IssueCertificate', projectCode: String(step.body.projectCode), data: step.body } as unknown as ProjectAct;
  const m = /^\/projects\/([^/]+)\/([a-z-]+)$/.exec(step.path);
  if (!m || !ACTS[m[2]]) throw new Error(`no act for scenario path ${step.path}`);
  return { type: ACTS[m[2]], projectCode: m[1], data: step.body } as unknown as ProjectAct;
}

export interface Recording {
  step: ScenarioStep;
  /** When the act reaches the ledger (the store's clock during the demo import). */
  recordedAt: Date;
  /** An act entered with a typo in the project name, corrected this many days later. */
  correctedAfterDays?: number;
}

const DAY = 86_400_000;
/** 08:00–16:30 in Vietnam (UTC+7): 01:00–09:30 UTC. */
const officeTime = (rng: () => number) => (60 + Math.floor(rng() * 510)) * 60_000;

/**
 * When a board's officers would have recorded each act: most within a week of its legal date, some
 * within a month, a few months late; each project's acts in their order. Deterministic (seeded), so
 * two demo ledgers are alike. Recording order is the log's order.
 */
export function recordingsOf(steps: readonly ScenarioStep[], seed = 22): Recording[] {
  const rng = prng(seed);
  const lastOfProject = new Map<string, number>();
  const out = steps.map((step, index) => {
    const r = rng();
    const lagDays = r < 0.85 ? 1 + Math.floor(rng() * 6) : r < 0.97 ? 7 + Math.floor(rng() * 24) : 45 + Math.floor(rng() * 90);
    const code = actOf(step).projectCode;
    let at = Date.parse(`${step.effectiveOn}T00:00:00Z`) + lagDays * DAY + officeTime(rng);
    at = Math.max(at, (lastOfProject.get(code) ?? 0) + 60_000);
    lastOfProject.set(code, at);
    const corrected = step.path === '/projects' && rng() < 0.01 ? 2 + Math.floor(rng() * 10) : undefined;
    return { step, recordedAt: new Date(at), index, ...(corrected ? { correctedAfterDays: corrected } : {}) };
  });
  return out.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.index - b.index).map(({ index: _index, ...rest }) => rest);
}

/** The name as first typed, before the correction: without its last word's diacritics — the commonest slip. */
const typo = (name: string) => name.replace(/(\S+)$/, (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') + 'x');

/**
 * DEMO ONLY: writes the demo history into an empty SQLite log through the write path
 * (@ledger/ledger's recordProjectAct: authority, rules, reference data on each act's date), with the
 * store's clock set to each act's recording time, so `knownAt` on a real publication date shows what
 * the boards knew then. Events are appended, never edited; production never runs this
 * (LEDGER_DEMO_DATA is refused there, see ledger-config).
 */
export async function importDemoHistory(path: string, reference: ReferenceData, steps: readonly ScenarioStep[], progress: DemoProgress): Promise<void> {
  let now = new Date(0);
  const store = new SqliteEventStore({ path, clock: () => now });
  try {
    if ((await store.count()) > 0n) return;
    const deps = { store, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
    const record = (act: ProjectAct, at: Date, boardId: string) => {
      now = at;
      const today = vietnamDateOf(at);
      const officer = reference.successorBoardOn(boardId, today);
      return recordProjectAct(deps, act, { actor: { id: `demo-officer-${officer}`, role: 'officer', boardId: officer }, now: at });
    };
    // Corrections come due after their issuance; they are recorded in time order with the rest.
    const corrections: { at: Date; code: string; name: string; boardId: string }[] = [];
    const correct = (c: (typeof corrections)[number]) =>
      record({ type: 'CorrectEvent', projectCode: c.code, data: { correctsVersion: 1, correctedData: { projectName: c.name }, reason: 'Sửa lỗi chính tả tên dự án' } }, c.at, c.boardId);
    const recordings = recordingsOf(steps);
    progress.start(recordings.length);
    for (const [i, { step, recordedAt, correctedAfterDays }] of recordings.entries()) {
      while (corrections.length && corrections[0].at <= recordedAt) await correct(corrections.shift() as (typeof corrections)[number]);
      const act = actOf(step);
      if (correctedAfterDays && act.type === 'IssueCertificate') {
        const name = act.data.projectName;
        await record({ ...act, data: { ...act.data, projectName: typo(name) } }, recordedAt, step.boardId);
        corrections.push({ at: new Date(recordedAt.getTime() + correctedAfterDays * DAY), code: act.projectCode, name, boardId: step.boardId });
        corrections.sort((a, b) => a.at.getTime() - b.at.getTime());
      } else {
        await record(act, recordedAt, step.boardId);
      }
      progress.update(i + 1);
    }
    for (const c of corrections) await correct(c);
    progress.done(recordings.length);
  } finally {
    await store.close();
  }
}
