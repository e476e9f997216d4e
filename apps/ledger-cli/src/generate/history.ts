import { RuleViolation, addDays, evolve, initialProjectState, type ProjectCommand, type ProjectEvent, type ProjectState } from '@ledger/domain';
import { AuthorityError, projectCommandOf, type Actor, type ProjectAct } from '@ledger/ledger';
import type { Geography } from './geography';
import { fdiAmount, registeredCapital, shareOf, type Amount } from './money';
import type { Prng } from './prng';

/** The legal date every generated act is decided on (acts must not be future-dated). */
export const GENERATOR_TODAY = '2026-11-24';
/** Last day an act may fall on: the day before GENERATOR_TODAY. */
const LAST_DAY = addDays(GENERATOR_TODAY, -1);

export interface GeneratedEvent {
  streamId: string;
  /** Stream version of this event (1-based). */
  version: number;
  event: ProjectEvent;
  /** Legal date of the act (its recording day): the log is ordered by it. */
  on: string;
  /** The act as the write path decided it, by an officer of the board holding the project on `on`. */
  act: ProjectAct;
  actor: Actor;
  /** The write path's metadata of the decision (acting board, decision reference). */
  metadata: Record<string, unknown>;
}

interface PlannedAct {
  on: string;
  command: (state: ProjectState) => ProjectCommand | undefined;
}

const FDI_COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['KR', 28], ['JP', 16], ['CN', 14], ['SG', 10], ['TW', 9], ['HK', 7], ['US', 3], ['DE', 2], ['TH', 3], ['MY', 2], ['NL', 2], ['VG', 4],
];
const INDUSTRIES = ['linh kiện điện tử', 'dệt may', 'cơ khí chính xác', 'thiết bị y tế', 'bao bì', 'chế biến thực phẩm', 'logistics', 'nhựa kỹ thuật', 'pin lưu trữ', 'phụ tùng ô tô'];
const TERMINATION_GROUNDS = ['INVESTOR_DECISION', 'DURATION_EXPIRED', 'UNCONTACTABLE_12M', 'NO_DEPOSIT', 'LOCATION_LOST'] as const;

const dayOffset = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const between = (rng: Prng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, dayOffset(from, to))));

function quarterEnds(from: string, to: string): Array<{ period: string; end: string }> {
  const out: Array<{ period: string; end: string }> = [];
  let [y, q] = [Number(from.slice(0, 4)), Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1];
  for (;;) {
    const end = addDays(`${q === 4 ? y + 1 : y}-${String((q % 4) * 3 + 1).padStart(2, '0')}-01`, -1);
    if (end > to) return out;
    out.push({ period: `${y}-Q${q}`, end });
    [y, q] = q === 4 ? [y + 1, 1] : [y, q + 1];
  }
}

/** One project's plan: issuance, 0–8 adjustments, quarterly realized capital, ~10 % terminated. */
function plan(rng: Prng, geo: Geography, code: string, start: string): PlannedAct[] {
  const issuedOn = between(rng, start, LAST_DAY);
  const origin = rng.chance(0.55) ? 'FDI' : 'DDI';
  const { boardId, zoneId } = geo.pickBoardAndZone(rng, issuedOn);
  const country = origin === 'FDI' ? rng.weighted(FDI_COUNTRIES) : 'VN';
  const industry = rng.pick(INDUSTRIES);
  const capital = registeredCapital(rng, origin, issuedOn);
  const acts: PlannedAct[] = [];
  acts.push({
    on: issuedOn,
    command: () => ({
      type: 'IssueCertificate',
      today: GENERATOR_TODAY,
      data: {
        projectCode: code,
        boardId,
        zoneId,
        projectName: `Dự án ${industry} ${code.slice(-5)}`,
        investors: [{ name: `Investor ${code.slice(-6)} ${country === 'VN' ? 'JSC' : 'Co., Ltd.'}`, country }],
        origin,
        registeredCapital: capital,
        landAreaM2: String(rng.int(5, 400) * 1000),
        objectives: `Sản xuất ${industry}`,
        durationYears: rng.pick([30, 40, 50]),
        issuedOn,
      },
    }),
  });

  const terminatedOn = rng.chance(0.1) && dayOffset(issuedOn, LAST_DAY) > 60 ? between(rng, addDays(issuedOn, 30), LAST_DAY) : undefined;
  const end = terminatedOn ?? LAST_DAY;
  const adjustments = Math.floor(9 * rng.next() ** 1.6);
  for (let i = 0; i < adjustments; i++) {
    const on = between(rng, issuedOn, end);
    const kind = rng.weighted([['increase', 50], ['decrease', 15], ['other', 35]] as const);
    const share = 0.05 + rng.next() * 0.6;
    const capitalCommand = (state: ProjectState, type: 'IncreaseCapital' | 'DecreaseCapital'): ProjectCommand => {
      const f = type === 'DecreaseCapital' ? share / 3 : share;
      const amount: Amount =
        state.origin === 'FDI'
          ? fdiAmount(shareOf((state.registeredCapital.usdCents ?? 0n) / 100n, f, 1000n), on, false)
          : { vnd: shareOf(state.registeredCapital.vnd, f, 1_000_000n).toString() };
      return { type, today: GENERATOR_TODAY, data: { amount, effectiveOn: on, reason: type === 'IncreaseCapital' ? 'Mở rộng quy mô sản xuất' : 'Giảm quy mô dự án', decisionRef: `${code}/DC-${i + 1}` } };
    };
    if (kind === 'increase') acts.push({ on, command: (s) => capitalCommand(s, 'IncreaseCapital') });
    else if (kind === 'decrease') acts.push({ on, command: (s) => capitalCommand(s, 'DecreaseCapital') });
    else {
      const change = rng.weighted([['objectives', 3], ['land', 3], ['name', 2], ['schedule', 2]] as const);
      const landAreaM2 = String(rng.int(5, 400) * 1000);
      acts.push({
        on,
        command: () => ({
          type: 'AdjustCertificate',
          today: GENERATOR_TODAY,
          data: {
            changes:
              change === 'objectives' ? { objectives: `Sản xuất ${industry} và ${rng.pick(INDUSTRIES)}` }
              : change === 'land' ? { landAreaM2 }
              : change === 'name' ? { projectName: `Dự án ${industry} ${code.slice(-5)} (mở rộng)` }
              : { implementationSchedule: `Hoàn thành xây dựng trong ${rng.int(6, 36)} tháng` },
            effectiveOn: on,
            reason: 'Điều chỉnh nội dung dự án',
          },
        }),
      });
    }
  }

  const reportShare = 0.3 + rng.next() * 0.6;
  for (const q of quarterEnds(issuedOn, end)) {
    if (!rng.chance(0.6)) continue;
    const reportedOn = addDays(q.end, rng.int(5, 40));
    if (reportedOn > end) continue;
    const fraction = (reportShare / 16) * (0.5 + rng.next());
    acts.push({
      on: reportedOn,
      command: (s) => ({
        type: 'RecordRealizedCapital',
        today: GENERATOR_TODAY,
        data: {
          period: q.period,
          reportedOn,
          amount:
            s.origin === 'FDI'
              ? { vnd: shareOf(s.registeredCapital.vnd, fraction, 1_000_000n).toString(), usd: `${shareOf((s.registeredCapital.usdCents ?? 0n) / 100n, fraction, 100n)}.00` }
              : { vnd: shareOf(s.registeredCapital.vnd, fraction, 1_000_000n).toString() },
        },
      }),
    });
  }
  if (terminatedOn) {
    const ground = rng.pick(TERMINATION_GROUNDS);
    acts.push({ on: terminatedOn, command: () => ({ type: 'TerminateProject', today: GENERATOR_TODAY, data: { ground, effectiveOn: terminatedOn, decisionRef: `${code}/QD-CD` } }) });
  }
  // Stable: the issuance comes first; same-day acts keep the order they were planned in.
  return [acts[0], ...acts.slice(1).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))];
}

export interface ProjectHistory {
  events: GeneratedEvent[];
  rejected: number;
}

/**
 * Runs a project's planned acts through the write path's decision (authority, reference data on the
 * act's date, the decider), recorded on the act's own day by an officer of the board holding the project
 * then; a command the rules reject (e.g. a decrease that would reach zero) is skipped, never forced in.
 */
export function projectHistory(rng: Prng, geo: Geography, code: string, start: string): ProjectHistory {
  const streamId = `project-${code}`;
  let state: ProjectState = initialProjectState;
  const events: GeneratedEvent[] = [];
  let rejected = 0;
  for (const planned of plan(rng, geo, code, start)) {
    const command = planned.command(state);
    if (!command) continue;
    const act = { type: command.type, projectCode: code, data: command.data } as ProjectAct;
    const issuingBoard = state.boardId ?? (act.type === 'IssueCertificate' ? act.data.boardId : '');
    const actor: Actor = { id: 'generator', role: 'officer', boardId: geo.holderOn(issuingBoard, planned.on) };
    const decision = projectCommandOf(geo.reference, act, { actor });
    let decided: { events: ProjectEvent[]; metadata?: Record<string, unknown> };
    try {
      decided = decision.decide(state, decision.authorize(state, planned.on), planned.on) as typeof decided;
    } catch (error) {
      if (!(error instanceof RuleViolation) && !(error instanceof AuthorityError)) throw error;
      rejected++;
      continue;
    }
    for (const event of decided.events) {
      state = evolve(state, event);
      events.push({ streamId, version: events.length + 1, event, on: planned.on, act, actor, metadata: decided.metadata ?? {} });
    }
  }
  return { events, rejected };
}
