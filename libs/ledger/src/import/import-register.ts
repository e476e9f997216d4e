import { createHash } from 'node:crypto';
import { RuleCode, RuleViolation, initialProjectState, streamIdOf, vietnamDateOf, type ProjectEvent, type ProjectState } from '@ledger/domain';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, RecordedEvent } from '@ledger/event-store';
import type { ReferenceData } from '@ledger/reference-data';
import { v5 as uuidv5 } from 'uuid';
import type { Actor } from '../actor';
import { AuthorityError } from '../errors';
import { requestHashOf } from '../idempotency';
import { newEventsOf } from '../metadata';
import { actingBoardOf } from '../project/authority';
import { projectAggregate, toProjectEvent } from '../project/project-aggregate';
import { projectCommandOf } from '../project/record-project-act';
import { ActPlanner, detectLayout, type Layout, type PlannedAct, type PlannedProject } from './acts';
import { CAPITAL_FIELDS, type ColumnMapping, type Field } from './columns';
import { figuresOf, type ImportFigures } from './figures';
import { ImportCode, importMessage, ruleMessage, viDate, type Lang, type RowIssue } from './issues';
import { checkTotals } from './totals';
import { findRegisterSheet, loadWorkbook, type RegisterSheet } from './read-sheet';
import { RowReader, type RegisterRow } from './rows';

export interface RegisterImportOptions {
  /** The board whose register this is: the issuing board of every certificate in it. */
  boardId: string;
  fileName: string;
  sheet?: string;
  /** Detected when absent: several rows with one project code make a version register. */
  layout?: Layout;
  mapping?: ColumnMapping;
  lang?: Lang;
  /** VND per USD by year ("2016": "22159"), for FDI rows that give USD only. */
  exchangeRates?: Readonly<Record<string, string>>;
  /** Years of operation for certificates whose row does not say (the certificate's "thời hạn"). */
  durationYears?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface RegisterImportContext {
  /** The importing officer (of that board) or an admin; from a verified identity or the CLI operator. */
  actor: Actor;
  /** The import time: "today" for the rules, and the system time the events are recorded at. */
  now: Date;
}

export interface RegisterImportDeps {
  reference: ReferenceData;
  referenceDataVersion: string;
  store: Pick<EventStore, 'readStream'>;
}

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
}

export interface ImportPlan {
  file: { name: string; sha256: string; sheet?: string; headerRow?: number; columns: Array<{ column: string; header: string; field: Field }> };
  boardId: string;
  layout?: Layout;
  importedAt: string;
  rows: number;
  projects: number;
  acts: number;
  issues: RowIssue[];
  errors: number;
  warnings: number;
  /** When this very file was imported before: the time it was recorded; nothing is appended again. */
  alreadyImportedAt?: string;
  /** One entry per project stream, decided and stamped: what a commit appends in one transaction. */
  entries: StreamAppend[];
  figures: ImportFigures;
}

/**
 * Where an upload is planned on the API's request thread (stores other than SQLite), deciding gives other
 * requests a turn every ~50 ms: one officer's 20,000-row register does not hold everyone's requests throughout.
 */
class TurnTaker {
  private since = performance.now();
  async maybeYield(): Promise<void> {
    if (performance.now() - this.since < 50) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}

/** Event ids of an import derive from the file and the act's place in it, not from who imports: a re-import repeats them. */
const IMPORT_NAMESPACE = '5d0c7e4a-2f61-4b8e-9c3a-71e5b0f4d2a9';
export const importKeyOf = (sha256: string, sheet: string, row: number, actIndex: number) => `import:${sha256}:${sheet}:${row}:${actIndex}`;

const DATE_RULES: readonly string[] = [RuleCode.DATE_INVALID, RuleCode.FUTURE_DATED, RuleCode.EFFECTIVE_BEFORE_ISSUANCE, RuleCode.EFFECTIVE_BEFORE_LAST_ACT, RuleCode.DATE_TOO_EARLY, RuleCode.BOARD_NOT_IN_FORCE, RuleCode.PROJECT_TERMINATED];
const CODE_RULES: readonly string[] = [RuleCode.PROJECT_CODE_INVALID, RuleCode.PROJECT_ALREADY_ISSUED];
const ZONE_RULES: readonly string[] = [RuleCode.ZONE_UNKNOWN, RuleCode.ZONE_NOT_IN_BOARD];
/** A row holding none of these is a heading or a note. */
const ROW_MARKS: readonly Field[] = ['projectCode', 'certificateNo', 'issuedOn', 'adjustedOn', ...CAPITAL_FIELDS];

/** The column a rule names on the row of an act. */
function fieldOfRule(code: string, planned: PlannedAct, sheet: RegisterSheet, codeField: Field): Field | undefined {
  if (DATE_RULES.includes(code)) return planned.dateField;
  if (CODE_RULES.includes(code)) return codeField;
  if (ZONE_RULES.includes(code)) return 'zone';
  if (code === RuleCode.EXCHANGE_RATE_MISMATCH && sheet.columns.some((c) => c.field === 'exchangeRate')) return 'exchangeRate';
  return planned.moneyField;
}

/** What the Vietnamese wording of a rule names: the act's date and the project's dates so far. */
function ruleParams(planned: PlannedAct, state: ProjectState, today: string): Record<string, string> {
  const data = planned.act.data as { effectiveOn?: string; issuedOn?: string };
  return { code: planned.act.projectCode, date: viDate(data.effectiveOn ?? data.issuedOn), today: viDate(today), issuedOn: viDate(state.issuedOn), lastOn: viDate(state.lastEffectiveOn), terminatedOn: viDate(state.terminatedOn) };
}

/**
 * Reads a register workbook and decides every act it implies through the write path's project command
 * (authority today, reference data on each act's date, the decider), folding each project's state as it
 * goes. Appends nothing: the plan is the dry run, and `commitImport` appends it.
 */
export async function planImport(bytes: Buffer, options: RegisterImportOptions, deps: RegisterImportDeps, context: RegisterImportContext): Promise<ImportPlan> {
  const lang = options.lang ?? 'vi';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const today = vietnamDateOf(context.now);
  // An officer of another board is refused before any row is read (AuthorityError → 403).
  actingBoardOf(deps.reference, options.boardId, { en: `the register of ${options.boardId}`, vi: `Sổ đăng ký của ${options.boardId}` }, context.actor, today);
  const issues: RowIssue[] = [];
  const plan: ImportPlan = { file: { name: options.fileName, sha256, columns: [] }, boardId: options.boardId, importedAt: context.now.toISOString(), rows: 0, projects: 0, acts: 0, issues, errors: 0, warnings: 0, entries: [], figures: figuresOf([], today) };
  const finish = () => {
    plan.errors = issues.filter((i) => i.severity === 'error').length;
    plan.warnings = issues.length - plan.errors;
    issues.sort((a, b) => a.row - b.row);
    return plan;
  };
  const found = findRegisterSheet(await loadWorkbook(bytes), options.mapping, options.sheet);
  if (!found || 'missing' in found) {
    issues.push(found ? { row: 0, code: ImportCode.SHEET_NOT_FOUND, severity: 'error', message: importMessage(ImportCode.SHEET_NOT_FOUND, { sheet: found.missing }, lang) } : { row: 0, code: ImportCode.HEADER_NOT_FOUND, severity: 'error', message: importMessage(ImportCode.HEADER_NOT_FOUND, {}, lang) });
    return finish();
  }
  const sheet = found;
  plan.file = { ...plan.file, sheet: sheet.name, headerRow: sheet.headerRow, columns: sheet.columns.map((c) => ({ column: c.letter, header: c.header, field: c.field })) };
  const reader = new RowReader({ sheet, boardId: options.boardId, reference: deps.reference, lang, exchangeRates: options.exchangeRates ?? {}, issues });
  const rows: RegisterRow[] = [];
  for (const sheetRow of sheet.rows) {
    // A row with no code, no date and no amount is a heading ("I. Dự án FDI") or a note, not a project.
    if (!ROW_MARKS.some((f) => sheetRow.cells.has(f))) continue;
    rows.push(reader.read(sheetRow));
  }
  plan.rows = rows.length;
  const layout = options.layout ?? detectLayout(rows);
  plan.layout = layout;
  checkTotals(sheet, rows, layout, reader);
  const zones = deps.reference.zonesOfBoard(options.boardId);
  // Zones are looked up among the board's and its predecessors' own: the issuer is whichever held the zone that day.
  const issuingBoardOf = (zoneId: string, issuedOn: string) => deps.reference.successorBoardOn(deps.reference.zone(zoneId)?.boardId ?? options.boardId, issuedOn);
  const planner = new ActPlanner(reader, issuingBoardOf, zones.length === 1 ? zones[0].id : undefined, { durationYears: options.durationYears ?? 50, terminationGround: 'INVESTOR_DECISION' }, (row) => `${options.fileName} — ${sheet.name}, dòng ${row}`);
  const erroneous = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row));
  const projects = planner.plan(rows, layout, erroneous);
  plan.projects = projects.length;

  const stored = new Map<string, RecordedEvent[]>();
  const reading = new TurnTaker();
  for (const project of projects) {
    stored.set(project.code, await deps.store.readStream(streamIdOf(project.code)));
    await reading.maybeYield();
  }
  const before = [...stored.values()].flat().find((e) => e.metadata.importFileSha256 === sha256);
  const histories = new Map<string, ProjectEvent[]>([...stored].map(([code, events]) => [code, events.map(toProjectEvent)]));
  if (before) {
    plan.alreadyImportedAt = before.recordedAt;
    issues.push({ row: 0, code: ImportCode.ALREADY_IMPORTED, severity: 'warning', message: importMessage(ImportCode.ALREADY_IMPORTED, { at: before.recordedAt }, lang) });
  } else {
    const turn = new TurnTaker();
    for (const [i, project] of projects.entries()) {
      const decided = decideProject(project, stored.get(project.code) ?? [], { sha256, sheet, reader, options, deps, context, today, lang });
      if (decided) {
        plan.entries.push(decided.entry);
        plan.acts += project.acts.length;
        histories.set(project.code, [...(histories.get(project.code) ?? []), ...decided.events]);
      }
      options.onProgress?.(i + 1, projects.length);
      await turn.maybeYield();
    }
  }
  plan.figures = figuresOf(histories.values(), today);
  return finish();
}

interface DecideInput {
  sha256: string;
  sheet: RegisterSheet;
  reader: RowReader;
  options: RegisterImportOptions;
  deps: RegisterImportDeps;
  context: RegisterImportContext;
  today: string;
  lang: Lang;
}

/** A project's acts decided one after the other on its folded state; the first rejection names its row and column and stops the project. */
function decideProject(project: PlannedProject, stored: readonly RecordedEvent[], input: DecideInput): { entry: StreamAppend; events: ProjectEvent[] } | undefined {
  const { sha256, sheet, options, deps, context, today } = input;
  const streamId = streamIdOf(project.code);
  let state: ProjectState = projectAggregate.evolve(initialProjectState, stored);
  let version = BigInt(stored.length);
  const events: NewEvent[] = [];
  for (const [index, planned] of project.acts.entries()) {
    const command = projectCommandOf(deps.reference, planned.act, { actor: context.actor });
    let decision;
    try {
      decision = command.decide(state, command.authorize(state, today), today);
    } catch (error) {
      if (!(error instanceof RuleViolation) && !(error instanceof AuthorityError)) throw error;
      input.reader.report(planned.row, fieldOfRule(error.code, planned, sheet, input.reader.codeField), error.code, ruleMessage(error.code, error.message, input.lang, ruleParams(planned, state, today)));
      return undefined;
    }
    const key = importKeyOf(sha256, sheet.name, planned.row, index);
    const metadata = { source: 'import', importFile: options.fileName, importFileSha256: sha256, importSheet: sheet.name, importRow: planned.row };
    const stamped = newEventsOf(decision, uuidv5(key, IMPORT_NAMESPACE), {
      command: command.name,
      requestHash: requestHashOf(command.name, streamId, command.payload),
      context: { actor: context.actor, now: context.now, requestId: `import-${sha256.slice(0, 16)}`, idempotencyKey: key, metadata },
      referenceDataVersion: deps.referenceDataVersion,
    });
    state = projectAggregate.evolve(
      state,
      stamped.map((e) => ({ ...e, streamId, streamVersion: (version += 1n), position: 0n, recordedAt: context.now.toISOString(), prevHash: '', hash: '' })),
    );
    events.push(...stamped);
  }
  return { entry: { streamId, events, expected: stored.length === 0 ? 'no_stream' : BigInt(stored.length) }, events: events.map(toProjectEvent) };
}

/** A store that appends many streams in one transaction (SqliteEventStore). */
export interface BatchAppender {
  appendBatch(batch: readonly StreamAppend[]): AppendResult[];
}

export class ImportRejectedError extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`the register has ${plan.errors} error(s); nothing was appended`);
    this.name = 'ImportRejectedError';
  }
}

export interface CommitResult {
  appended: number;
  /** Global position of the last appended event. */
  position?: bigint;
}

/** All or nothing: a plan with any error appends nothing; otherwise every stream in one transaction. */
export function commitImport(plan: ImportPlan, store: BatchAppender): CommitResult {
  if (plan.errors > 0) throw new ImportRejectedError(plan);
  if (plan.entries.length === 0) return { appended: 0 };
  const results = store.appendBatch(plan.entries);
  const appended = results.reduce((n, r, i) => n + (r.duplicate ? 0 : plan.entries[i].events.length), 0);
  return { appended, position: results[results.length - 1].position };
}

export function canAppendBatch(store: unknown): store is BatchAppender {
  return typeof (store as Partial<BatchAppender> | null)?.appendBatch === 'function';
}
