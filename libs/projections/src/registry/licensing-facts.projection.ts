import type Database from 'better-sqlite3';
import { applyCorrections, effectiveDateOf, inEffectiveOrder, mainInvestorCountry, moneyFromJson, parseUsdCents, type LegalDate, type Money, type ProjectEvent } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';
import type { Projection, StreamReplay } from '../runner/projection';
import { insertRows, updateOnConflict } from '../runner/insert-rows';
import { forgetStatements, statement } from '../runner/statements';
import { projectEventOf } from './project-stream';
import { RunningSumsDelta, cancelInRunningSums, deriveBoardSums, deriveRunningSums } from './running-sums';
import { deriveAdjustedCounts, recountAdjustedDays } from './adjusted-counts';
import { canonicalInstant } from './instant';
import { PROJECT_COPIES, copiedStream } from './project-register.projection';

/**
 * Every licensing act as additive, dated deltas ("facts"): change in valid projects, registered
 * capital and cumulative realized capital, tagged with the project's board, zone, origin and
 * main investor country on the act's date. Any report is then a SUM over facts with
 * `effective_on <= D` (legal time) and optionally `recorded_at <= T` (system time);
 * moving a project between zones or origins is a pair of facts out of one group and into another.
 * An act dated before a move recorded earlier re-derives the project's facts in effective-date order
 * (as a correction does): it counts where the project was on its date, and the move carries it on.
 */
export const FACT_KINDS = ['ISSUED', 'INCREASED', 'DECREASED', 'ADJUSTED', 'REALIZED', 'TERMINATED', 'MOVED_OUT', 'MOVED_IN'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** The fact kinds that are adjustment occurrences (lượt điều chỉnh). */
export const ADJUSTMENT_FACT_KINDS = ['INCREASED', 'DECREASED', 'ADJUSTED'] as const satisfies readonly FactKind[];

/** `kind IN (…)` over fact kinds: constants of this module, never request input. */
const kindIn = (kinds: readonly FactKind[]) => `kind IN (${kinds.map((k) => `'${k}'`).join(', ')})`;

interface Dims {
  board_id: string;
  zone_id: string;
  origin: string;
  country: string;
}

interface ProjectFactsState extends Dims {
  project_code: string;
  reg_vnd: bigint;
  reg_usd: bigint;
  realized_vnd: bigint;
  realized_usd: bigint;
  /** The date of the project's latest move between zones, origins or countries ('' if none): an act dated before it re-derives. */
  moved_on: string;
  /** Where the project's live facts start: the position of its last re-derivation (a correction or an act dated before a move), 0 if none. */
  since: bigint;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS facts (
  position     INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  project_code TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  effective_on TEXT    NOT NULL,
  recorded_at  TEXT    NOT NULL,
  board_id     TEXT    NOT NULL,
  zone_id      TEXT    NOT NULL,
  origin       TEXT    NOT NULL,
  country      TEXT    NOT NULL,
  valid_delta  INTEGER NOT NULL,
  reg_vnd      INTEGER NOT NULL,
  reg_usd      INTEGER NOT NULL,
  realized_vnd INTEGER NOT NULL,
  realized_usd INTEGER NOT NULL,
  sign         INTEGER NOT NULL, -- 1: derived from an act; -1: cancelled by a correction
  PRIMARY KEY (position, seq)
);
CREATE INDEX IF NOT EXISTS facts_by_date ON facts (effective_on);
-- Covers the count of distinct projects adjusted in a period (activity report) without table reads.
DROP INDEX IF EXISTS facts_by_kind_date;
CREATE INDEX IF NOT EXISTS facts_by_kind_date_project ON facts (kind, effective_on, board_id, zone_id, origin, project_code, sign);
-- Running sums of the facts at the end of every month in which a fact takes effect, per
-- kind × board × zone × origin, kept here as facts arrive: a report "as of D" reads those of the
-- last month end on or before D plus the facts after it, and never writes.
CREATE TABLE IF NOT EXISTS facts_month_ends (as_of TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS facts_cumulative (
  as_of TEXT NOT NULL, kind TEXT NOT NULL, board_id TEXT NOT NULL, zone_id TEXT NOT NULL, origin TEXT NOT NULL,
  n INTEGER NOT NULL, valid INTEGER NOT NULL, reg_vnd INTEGER NOT NULL, reg_usd INTEGER NOT NULL, realized_vnd INTEGER NOT NULL, realized_usd INTEGER NOT NULL,
  PRIMARY KEY (as_of, kind, board_id, zone_id, origin)
) WITHOUT ROWID;
-- The same summed over each board's zones (running-sums.ts): for reports that neither filter nor group by zone.
CREATE TABLE IF NOT EXISTS facts_board_cumulative (
  as_of TEXT NOT NULL, kind TEXT NOT NULL, board_id TEXT NOT NULL, origin TEXT NOT NULL,
  n INTEGER NOT NULL, valid INTEGER NOT NULL, reg_vnd INTEGER NOT NULL, reg_usd INTEGER NOT NULL, realized_vnd INTEGER NOT NULL, realized_usd INTEGER NOT NULL,
  PRIMARY KEY (as_of, kind, board_id, origin)
) WITHOUT ROWID;
-- Per board and main investor country, every kind together: the stock by country (valid projects, capital).
CREATE TABLE IF NOT EXISTS facts_country_cumulative (
  as_of TEXT NOT NULL, board_id TEXT NOT NULL, origin TEXT NOT NULL, country TEXT NOT NULL,
  n INTEGER NOT NULL, valid INTEGER NOT NULL, reg_vnd INTEGER NOT NULL, reg_usd INTEGER NOT NULL, realized_vnd INTEGER NOT NULL, realized_usd INTEGER NOT NULL,
  PRIMARY KEY (as_of, board_id, origin, country)
) WITHOUT ROWID;
-- The days a project (under an origin) has adjustment occurrences, as known now, each with the
-- previous such day: the projects adjusted in [from, to] are then the days in it whose previous
-- day is before "from" — a count over one index instead of a distinct over every adjustment.
CREATE TABLE IF NOT EXISTS facts_adjusted_days (
  project_code TEXT NOT NULL, origin TEXT NOT NULL, effective_on TEXT NOT NULL, prev_on TEXT NOT NULL, board_id TEXT NOT NULL,
  PRIMARY KEY (project_code, origin, effective_on)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS adjusted_days_by_day ON facts_adjusted_days (effective_on, prev_on, board_id, origin);
-- Those days counted per month for periods of whole months (adjusted-counts.ts).
CREATE TABLE IF NOT EXISTS facts_adjusted_counts (
  since TEXT NOT NULL, month TEXT NOT NULL, board_id TEXT NOT NULL, origin TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (since, month, board_id, origin)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS facts_project_state (
  project_code TEXT PRIMARY KEY,
  board_id TEXT NOT NULL, zone_id TEXT NOT NULL, origin TEXT NOT NULL, country TEXT NOT NULL,
  reg_vnd INTEGER NOT NULL, reg_usd INTEGER NOT NULL, realized_vnd INTEGER NOT NULL, realized_usd INTEGER NOT NULL,
  moved_on TEXT NOT NULL, since INTEGER NOT NULL
);`;

const usd = (m: Money) => m.usdCents ?? 0n;

/**
 * A correction reads the project's events from the register's copy of its stream
 * (project_register_events, by the rowids its register row lists: the register comes before this
 * read model in allProjections(), so it holds every event of the batch), and finds the project's facts
 * by those positions (the facts' primary key): the facts need no index by project, and the stream is kept once.
 */
const STREAM = 'project_register_events';

/**
 * The live facts of project @code: those derived (sign 1) at the positions of its events from
 * @since on — its last re-derivation, or 0. Everything before that it has cancelled, so a
 * correction's work is bounded by the project's own events, never by what earlier corrections wrote.
 */
const LIVE_OF_PROJECT = `position IN (SELECT position FROM ${STREAM} WHERE rowid IN ${PROJECT_COPIES} AND position >= @since) AND project_code = @code AND sign = 1`;

/** Events that count as adjustment occurrences (lượt điều chỉnh). */
const ADJUSTMENT_EVENTS = new Set(['CapitalIncreased', 'CapitalDecreased', 'CertificateAdjusted']);
const ADJUSTMENT_KINDS: ReadonlySet<string> = new Set(ADJUSTMENT_FACT_KINDS);

interface FactContext {
  position: bigint;
  recordedAt: string;
  seq: number;
}

/** The first adjustment fact an act derived: the day it adds to the project's adjustment days. */
interface AdjustedDay {
  origin: string;
  day: LegalDate;
  board: string;
}

const STATE_COLUMNS = ['project_code', 'board_id', 'zone_id', 'origin', 'country', 'reg_vnd', 'reg_usd', 'realized_vnd', 'realized_usd', 'moved_on', 'since'] as const satisfies readonly (keyof ProjectFactsState)[];
const UPDATE_STATE = updateOnConflict('project_code', STATE_COLUMNS);

/**
 * What a batch has derived and not yet written — facts, project states, running-sum deltas — written at the batch's end with bulk statements, or before a correction
 * reads them back with SQL.
 */
class PendingFacts {
  readonly facts: unknown[][] = [];
  readonly sums = new RunningSumsDelta();
  /** The adjustment days the batch's acts add, in log order, counted again together when written (addAdjustedDays). */
  readonly adjustedDays: (AdjustedDay & { code: string })[] = [];
  private readonly states = new Map<string, ProjectFactsState | null>();
  private readonly changed = new Set<string>();

  /** @replay: a rebuild's stream-by-stream replay, whose running sums and adjustment days are derived from the facts at its end. */
  constructor(
    readonly db: Database.Database,
    readonly replay = false,
  ) {}

  state(code: string): ProjectFactsState | undefined {
    let state = this.states.get(code);
    if (state === undefined) {
      state = (statement(this.db, 'SELECT * FROM facts_project_state WHERE project_code = ?').safeIntegers().get(code) as ProjectFactsState | undefined) ?? null;
      this.states.set(code, state);
    }
    return state ?? undefined;
  }

  save(state: ProjectFactsState): void {
    this.states.set(state.project_code, state);
    this.changed.add(state.project_code);
  }

  /** The project's state row is gone (a correction derives it again). */
  drop(code: string): void {
    this.write();
    statement(this.db, 'DELETE FROM facts_project_state WHERE project_code = ?').run(code);
    this.states.set(code, null);
  }

  write(): void {
    insertRows(this.db, 'INSERT INTO facts', 16, this.facts);
    this.facts.length = 0;
    const states = [...this.changed].map((code) => STATE_COLUMNS.map((column) => (this.states.get(code) as ProjectFactsState)[column]));
    insertRows(this.db, 'INSERT INTO facts_project_state', STATE_COLUMNS.length, states, UPDATE_STATE);
    this.changed.clear();
    if (!this.replay) this.sums.write(this.db);
    addAdjustedDays(this.db, this.adjustedDays);
    this.adjustedDays.length = 0;
  }
}

export class LicensingFactsProjection implements Projection {
  readonly name = 'licensing-facts';
  /**
   * 8: an act dated before a move recorded earlier counts under the zone, origin and country of its date (re-derivation).
   * 7: running sums per board and investor country (the stock by country).
   * 6: running sums per board (all zones together) and adjustment days counted per month, for reports.
   * 5: the project's events read from the register's copy (facts_project_events is gone).
   * 4: a correction cancels only the live facts (read models blown up by version 3's corrections
   * are rebuilt); month-end running sums kept by the projection; recorded_at canonical UTC.
   */
  readonly version = 8;
  /** Reports' indexes; the projection itself finds rows by primary keys. */
  readonly deferredIndexes = ['facts_by_date', 'facts_by_kind_date_project', 'adjusted_days_by_day'];

  setup(db: Database.Database): void {
    db.exec(SCHEMA);
  }

  reset(db: Database.Database): void {
    db.exec(
      // facts_cumulative_dates: version 3's list of snapshots built by the reports; facts_project_events: version 4's copy of the streams.
      'DROP TABLE IF EXISTS facts; DROP TABLE IF EXISTS facts_project_state; DROP TABLE IF EXISTS facts_project_events; DROP TABLE IF EXISTS facts_cumulative; DROP TABLE IF EXISTS facts_cumulative_dates; DROP TABLE IF EXISTS facts_month_ends; DROP TABLE IF EXISTS facts_adjusted_days; DROP TABLE IF EXISTS facts_board_cumulative; DROP TABLE IF EXISTS facts_country_cumulative; DROP TABLE IF EXISTS facts_adjusted_counts;',
    );
    forgetStatements(db);
  }

  apply(db: Database.Database, recorded: ProjectedEvent): void {
    this.applyBatch(db, [recorded]);
  }

  /** The same rows as `apply` of each event in turn; states and sums are kept in memory until the batch ends. */
  applyBatch(db: Database.Database, events: readonly ProjectedEvent[]): void {
    this.derivePending(new PendingFacts(db), events);
  }

  /**
   * A project's facts depend on its stream only; what sums over projects — the month-end running
   * sums, the adjustment days' "previous day" — is derived from all the facts once at the end.
   */
  byStream(db: Database.Database): StreamReplay {
    return {
      applyBatch: (events) => this.derivePending(new PendingFacts(db, true), events),
      finish: () => {
        deriveRunningSums(db);
        deriveBoardSums(db);
        deriveAdjustedDays(db);
        deriveAdjustedCounts(db);
      },
    };
  }

  private derivePending(pending: PendingFacts, events: readonly ProjectedEvent[]): void {
    const db = pending.db;
    for (const recorded of events) {
      const ofProject = projectEventOf(recorded);
      if (!ofProject) continue;
      const { code, event } = ofProject;
      const at: FactContext = { position: recorded.position, recordedAt: canonicalInstant(recorded.recordedAt), seq: 0 };
      if (event.type === 'EventCorrected' || datedBeforeMove(pending, code, event)) this.rederive(db, pending, code, at);
      else {
        const adjusted = this.derive(pending, code, event, at);
        if (adjusted && ADJUSTMENT_EVENTS.has(event.type) && !pending.replay) pending.adjustedDays.push({ code, ...adjusted });
      }
    }
    pending.write();
  }

  /**
   * A correction, or an act dated before a move, cancels the project's live facts as of its recording
   * time, then derives the facts of its (corrected) history in effective-date order, as projectAsOf folds
   * it: queries known before it still see the originals.
   */
  private rederive(db: Database.Database, pending: PendingFacts, code: string, at: FactContext): void {
    pending.write();
    const since = pending.state(code)?.since ?? 0n;
    const cancelled = statement(
      db,
      `INSERT INTO facts SELECT @position, ROW_NUMBER() OVER (ORDER BY position, seq), project_code, kind, effective_on, @recordedAt, board_id, zone_id,
         origin, country, -valid_delta, -reg_vnd, -reg_usd, -realized_vnd, -realized_usd, -sign FROM facts WHERE ${LIVE_OF_PROJECT}`,
    ).run({ position: at.position, recordedAt: at.recordedAt, code, since });
    at.seq = cancelled.changes + 1;
    if (!pending.replay) cancelInRunningSums(db, at.position);
    pending.drop(code);
    // Only up to this act: the register may stand further on (this read model replaying after a version change).
    for (const event of inEffectiveOrder(applyCorrections(copiedStream(db, code, { position: at.position })))) this.derive(pending, code, event, at);
    const state = pending.state(code);
    if (state) pending.save({ ...state, since: at.position });
    pending.write();
    if (!pending.replay) this.refreshAdjustedDays(db, code, at.position);
  }

  /** Derives the act's facts into @pending; returns its adjustment fact's day, if it has one. */
  private derive(pending: PendingFacts, code: string, event: ProjectEvent, at: FactContext): AdjustedDay | undefined {
    const on = effectiveDateOf(event);
    let adjusted: AdjustedDay | undefined;
    const fact = (kind: FactKind, dims: Dims, delta: { valid?: bigint; reg?: Money; realized?: Money }) => {
      const sums = {
        kind,
        on,
        board_id: dims.board_id,
        zone_id: dims.zone_id,
        origin: dims.origin,
        country: dims.country,
        valid: delta.valid ?? 0n,
        reg_vnd: delta.reg?.vnd ?? 0n,
        reg_usd: delta.reg ? usd(delta.reg) : 0n,
        realized_vnd: delta.realized?.vnd ?? 0n,
        realized_usd: delta.realized ? usd(delta.realized) : 0n,
      };
      pending.facts.push([
        at.position, at.seq++, code, kind, on, at.recordedAt, sums.board_id, sums.zone_id, sums.origin, sums.country,
        sums.valid, sums.reg_vnd, sums.reg_usd, sums.realized_vnd, sums.realized_usd, 1,
      ]);
      if (!pending.replay) pending.sums.add(sums);
      if (!adjusted && ADJUSTMENT_KINDS.has(kind)) adjusted = { origin: sums.origin, day: on, board: sums.board_id };
    };

    if (event.type === 'CertificateIssued') {
      const reg = moneyFromJson(event.data.registeredCapital);
      const state: ProjectFactsState = {
        project_code: code,
        board_id: event.data.boardId,
        zone_id: event.data.zoneId,
        origin: event.data.origin,
        country: mainInvestorCountry(event.data.investors) ?? 'VN',
        reg_vnd: reg.vnd,
        reg_usd: usd(reg),
        realized_vnd: 0n,
        realized_usd: 0n,
        moved_on: '',
        since: 0n,
      };
      fact('ISSUED', state, { valid: 1n, reg });
      pending.save(state);
      return adjusted;
    }
    const state = pending.state(code);
    if (!state) return undefined; // not a project stream
    const reg = (): Money => ({ vnd: state.reg_vnd, usdCents: state.reg_usd });
    const realized = (): Money => ({ vnd: state.realized_vnd, usdCents: state.realized_usd });
    const neg = (m: Money): Money => ({ vnd: -m.vnd, usdCents: -usd(m) });
    switch (event.type) {
      case 'CapitalIncreased':
      case 'CapitalDecreased': {
        const amount = moneyFromJson(event.data.amount);
        const delta = event.type === 'CapitalIncreased' ? amount : neg(amount);
        fact(event.type === 'CapitalIncreased' ? 'INCREASED' : 'DECREASED', state, { reg: delta });
        state.reg_vnd += delta.vnd;
        state.reg_usd += usd(delta);
        break;
      }
      case 'CertificateAdjusted': {
        fact('ADJUSTED', state, {});
        const { zoneId, origin, registeredCapitalUsd, investors } = event.data.changes;
        const moved: Dims = { board_id: state.board_id, zone_id: zoneId ?? state.zone_id, origin: origin ?? state.origin, country: mainInvestorCountry(investors) ?? state.country };
        if (moved.zone_id !== state.zone_id || moved.origin !== state.origin || moved.country !== state.country) {
          fact('MOVED_OUT', state, { valid: -1n, reg: neg(reg()), realized: neg(realized()) });
          if (moved.origin !== state.origin) {
            state.reg_usd = moved.origin === 'FDI' ? parseUsdCents(registeredCapitalUsd ?? '0') : 0n;
            state.realized_usd = 0n;
          }
          Object.assign(state, moved, { moved_on: on });
          fact('MOVED_IN', state, { valid: 1n, reg: reg(), realized: realized() });
        }
        break;
      }
      case 'CapitalRealized': {
        const amount = moneyFromJson(event.data.amount);
        fact('REALIZED', state, { realized: amount });
        state.realized_vnd += amount.vnd;
        state.realized_usd += usd(amount);
        break;
      }
      case 'ProjectTerminated':
        fact('TERMINATED', state, { valid: -1n, reg: neg(reg()), realized: neg(realized()) });
        break;
      default:
        return adjusted;
    }
    pending.save(state);
    return adjusted;
  }

  /** The project's adjustment days recomputed from the facts its correction at @since derived. */
  private refreshAdjustedDays(db: Database.Database, code: string, since: bigint): void {
    recountAdjustedDays(db, 'project_code = @code', { code }, () => {
      statement(db, 'DELETE FROM facts_adjusted_days WHERE project_code = ?').run(code);
      statement(
        db,
        `INSERT INTO facts_adjusted_days
         SELECT project_code, origin, effective_on, LAG(effective_on, 1, '') OVER (PARTITION BY origin ORDER BY effective_on), MIN(board_id)
         FROM facts WHERE ${LIVE_OF_PROJECT} AND ${kindIn(ADJUSTMENT_FACT_KINDS)}
         GROUP BY origin, effective_on`,
      ).run({ code, since });
    });
  }
}

const DAYS_OF_PROJECT = 'FROM facts_adjusted_days WHERE project_code = @code AND origin = @origin';
/** The act's day, unless already there, with the latest earlier day as its previous one. */
const INSERT_ADJUSTED_DAY = `INSERT INTO facts_adjusted_days SELECT @code, @origin, @day, COALESCE((SELECT MAX(effective_on) ${DAYS_OF_PROJECT} AND effective_on < @day), ''), @board
  WHERE NOT EXISTS (SELECT 1 ${DAYS_OF_PROJECT} AND effective_on = @day)`;
/** The next day's previous one moves to the act's day if it is later. */
const MOVE_NEXT_PREVIOUS = `UPDATE facts_adjusted_days SET prev_on = @day WHERE project_code = @code AND origin = @origin AND prev_on < @day
  AND effective_on = (SELECT MIN(effective_on) ${DAYS_OF_PROJECT} AND effective_on > @day)`;

/**
 * Each act adds one occurrence: its day joins the project's adjustment days (under the origin its
 * fact carries) unless already there, and the next day's "previous" moves to it if it is later.
 * The days of the projects (and origins) a batch touches are counted again in facts_adjusted_counts
 * once for the batch: three statements per act recounting its two days cost 18 % of a catch-up.
 */
function addAdjustedDays(db: Database.Database, added: readonly (AdjustedDay & { code: string })[]): void {
  if (added.length === 0) return;
  // Per project and origin, its days from the batch's earliest new one on: every day an addition moves.
  const earliest = new Map<string, [string, string, string]>();
  for (const { code, origin, day } of added) {
    const key = `${code}\u0000${origin}`;
    const seen = earliest.get(key);
    if (!seen || day < seen[2]) earliest.set(key, [code, origin, day]);
  }
  const touched = `(project_code, origin, effective_on) IN (SELECT d.project_code, d.origin, d.effective_on FROM json_each(@from) AS t
    JOIN facts_adjusted_days AS d ON d.project_code = t.value ->> 0 AND d.origin = t.value ->> 1 AND d.effective_on >= t.value ->> 2)`;
  recountAdjustedDays(db, touched, { from: JSON.stringify([...earliest.values()]) }, () => {
    const [insertDay, movePrevious] = [statement(db, INSERT_ADJUSTED_DAY), statement(db, MOVE_NEXT_PREVIOUS)];
    for (const day of added) {
      insertDay.run(day);
      movePrevious.run(day);
    }
  });
}

/**
 * Every project's adjustment days from its live facts (from its state's `since` on): the rows
 * addAdjustedDays and refreshAdjustedDays leave, for all projects in one statement.
 */
function deriveAdjustedDays(db: Database.Database): void {
  db.exec(
    `INSERT INTO facts_adjusted_days
     SELECT f.project_code, f.origin, f.effective_on, LAG(f.effective_on, 1, '') OVER (PARTITION BY f.project_code, f.origin ORDER BY f.effective_on), MIN(f.board_id)
     FROM facts f LEFT JOIN facts_project_state s ON s.project_code = f.project_code
     WHERE f.sign = 1 AND f.position >= COALESCE(s.since, 0) AND f.${kindIn(ADJUSTMENT_FACT_KINDS)}
     GROUP BY f.project_code, f.origin, f.effective_on`,
  );
}

/** An act taking effect before the project's latest move recorded earlier (corrections re-derive anyway). */
const datedBeforeMove = (pending: PendingFacts, code: string, event: ProjectEvent): boolean =>
  event.type !== 'CertificateIssued' && effectiveDateOf(event) < (pending.state(code)?.moved_on ?? '');
