import type Database from 'better-sqlite3';
import { MONEY_FIGURES, addYears, formatUsdCents, type LegalDate, type MoneyFigure, type Origin } from '@ledger/domain';
import { FIGURE_COLUMNS } from '@ledger/projections';
import { activityReport } from './activity';
import { rateFor, usdCentsToVnd, vndToUsdCents, type RateTable, type RateUsed } from './exchange-rates';
import { percent, type Amount } from './figures';
import { knownAtInstant, knownVersion } from './known-at';
import { all, raw, sql } from './sql';
import { filterSql, groupKey, type GroupDimension, type GroupRow, type ReportFilters, type Units, type UnitsView } from './filters';

/**
 * `byOrigin`: FDI enterprises in USD, domestic ones in VND (seed 001). `oneCurrency`: everyone's
 * revenue and budget in VND, exports and imports in USD (how other boards publish).
 */
export const PRESENTATIONS = ['byOrigin', 'oneCurrency'] as const;
export type Presentation = (typeof PRESENTATIONS)[number];

const ONE_CURRENCY: Record<MoneyFigure, 'USD' | 'VND'> = { revenue: 'VND', budgetPaid: 'VND', exportValue: 'USD', importValue: 'USD' };

export interface OperationsQuery {
  from: LegalDate;
  to: LegalDate;
  knownAt?: string;
  filters: ReportFilters;
  groupBy: GroupDimension[];
  presentation: Presentation;
  rates: RateTable;
  units?: UnitsView['mode'];
  today?: string;
}

type Money = { vnd: bigint | null; usd: bigint | null };

export interface FilingRow extends GroupRow {
  project_code: string;
  period: string;
  period_to: string;
  employees: bigint;
  foreign_employees: bigint;
  new_jobs: bigint;
  [column: string]: unknown;
}

const MONEY_COLUMNS = MONEY_FIGURES.flatMap((f) => [`r.${FIGURE_COLUMNS[f]}_vnd`, `r.${FIGURE_COLUMNS[f]}_usd`]).join(', ');


/**
 * The filings in force for periods inside [from, to]: per project and period the last revision
 * recorded by `knownAt`; with the project's board, zone, origin and country from the register.
 */
export function filingsIn(db: Database.Database, units: Units, from: LegalDate, to: LegalDate, knownAt: string | undefined, filters: ReportFilters): FilingRow[] {
  // Only the register (p) has board, zone and origin, so the shared filter needs no alias.
  const known = knownAt ? sql` AND x.recorded_at <= ${knownAtInstant(knownAt)}` : raw('');
  return all<FilingRow>(
    db,
    sql`SELECT r.project_code, r.period, r.period_to, ${raw(MONEY_COLUMNS)}, r.employees, r.foreign_employees, r.new_jobs, p.board_id, p.zone_id, p.origin, p.country
       FROM enterprise_reports r JOIN project_register p ON p.project_code = r.project_code
       WHERE r.period_from >= ${from} AND r.period_to <= ${to} AND ${filterSql(filters, units)}
         AND r.revision = (SELECT MAX(x.revision) FROM enterprise_reports x WHERE x.project_code = r.project_code AND x.period = r.period${known})
       ORDER BY r.project_code, r.period_to, r.period`,
  );
}

/**
 * The projects that started operating in [from, to] (OperationStarted, as corrected and as known at
 * `knownAt`), with board, zone, origin and country from the register as for the filings.
 */
export function operationStartsIn(db: Database.Database, units: Units, from: LegalDate, to: LegalDate, knownAt: string | undefined, filters: ReportFilters): (GroupRow & { project_code: string })[] {
  return all(
    db,
    sql`SELECT s.project_code, p.board_id, p.zone_id, p.origin, p.country
       FROM operation_starts s JOIN project_register p ON p.project_code = s.project_code
       WHERE s.started_on >= ${from} AND s.started_on <= ${to} AND ${knownVersion('s', knownAtInstant(knownAt))} AND ${filterSql(filters, units)}`,
  );
}

/** An annual report is the year's figure: the quarterly reports of a year with an annual one are left out. */
export function definitiveFilings(rows: readonly FilingRow[]): FilingRow[] {
  const annual = new Set(rows.filter((r) => r.period.length === 4).map((r) => `${r.project_code}|${r.period}`));
  return rows.filter((r) => r.period.length === 4 || !annual.has(`${r.project_code}|${r.period.slice(0, 4)}`));
}

interface Section {
  projects: Set<string>;
  money: Record<MoneyFigure, bigint>;
  /** Head counts at the period end: each project's latest report in the range. */
  latest: Map<string, FilingRow>;
  newJobs: bigint;
  startedOperating: number;
}

const emptySection = (): Section => ({ projects: new Set(), money: { revenue: 0n, exportValue: 0n, importValue: 0n, budgetPaid: 0n }, latest: new Map(), newJobs: 0n, startedOperating: 0 });

export interface Conversion {
  period: string;
  rateKey: string;
  vndPerUsd: string;
  /** Where the rate comes from, as config/exchange-rates.json states it. */
  source: string;
  /** Set when the board's own rate converted its projects' figures. */
  boardId?: string;
  from: 'VND' | 'USD';
  to: 'VND' | 'USD';
  /** How many filed figures were converted at this rate. */
  figures: number;
}

/** Adds filed figures in the currency asked for, converting (and noting) those filed in the other one only. */
class Converter {
  private readonly used = new Map<string, Conversion>();
  constructor(private readonly rates: RateTable) {}

  amount(money: Money, currency: 'USD' | 'VND', period: string, boardId: string): bigint {
    const stated = currency === 'USD' ? money.usd : money.vnd;
    if (stated !== null) return stated;
    const other = currency === 'USD' ? money.vnd : money.usd;
    if (other === null) return 0n;
    const rate: RateUsed = rateFor(this.rates, period, boardId);
    const key = `${period}|${currency}|${rate.boardId ?? ''}`;
    const seen = this.used.get(key) ?? { ...rate, from: currency === 'USD' ? 'VND' : 'USD', to: currency, figures: 0 };
    seen.figures += 1;
    this.used.set(key, seen);
    return currency === 'USD' ? vndToUsdCents(other, rate) : usdCentsToVnd(other, rate);
  }

  conversions(): Conversion[] {
    const order = (c: Conversion) => `${c.period}|${c.to}|${c.boardId ?? ''}`;
    return [...this.used.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1));
  }
}

const moneyOf = (row: FilingRow, figure: MoneyFigure): Money => ({
  vnd: (row[`${FIGURE_COLUMNS[figure]}_vnd`] as bigint | null) ?? null,
  usd: (row[`${FIGURE_COLUMNS[figure]}_usd`] as bigint | null) ?? null,
});

type SectionName = Origin | 'all';
const currencyOf = (section: SectionName, figure: MoneyFigure): 'USD' | 'VND' => (section === 'all' ? ONE_CURRENCY[figure] : section === 'FDI' ? 'USD' : 'VND');
const amount = (currency: 'USD' | 'VND', value: bigint): Amount => ({ currency, amount: currency === 'USD' ? formatUsdCents(value) : value.toString() });

function addFiling(section: Section, name: SectionName, row: FilingRow, converter: Converter): void {
  section.projects.add(row.project_code);
  for (const figure of MONEY_FIGURES) section.money[figure] += converter.amount(moneyOf(row, figure), currencyOf(name, figure), row.period, row.board_id);
  section.newJobs += row.new_jobs;
  const before = section.latest.get(row.project_code);
  if (!before || row.period_to > before.period_to) section.latest.set(row.project_code, row);
}

export interface OperatingFigures {
  /** Projects that started operating in the period (đi vào hoạt động). */
  startedOperating: number;
  reportingProjects: number;
  revenue: Amount;
  exportValue: Amount;
  importValue: Amount;
  budgetPaid: Amount;
  employees: number;
  foreignEmployees: number;
  newJobs: number;
}

function figuresOf(name: SectionName, s: Section): OperatingFigures {
  const heads = [...s.latest.values()];
  return {
    startedOperating: s.startedOperating,
    reportingProjects: s.projects.size,
    revenue: amount(currencyOf(name, 'revenue'), s.money.revenue),
    exportValue: amount(currencyOf(name, 'exportValue'), s.money.exportValue),
    importValue: amount(currencyOf(name, 'importValue'), s.money.importValue),
    budgetPaid: amount(currencyOf(name, 'budgetPaid'), s.money.budgetPaid),
    employees: Number(heads.reduce((n, r) => n + r.employees, 0n)),
    foreignEmployees: Number(heads.reduce((n, r) => n + r.foreign_employees, 0n)),
    newJobs: Number(s.newJobs),
  };
}

function ratios(current: OperatingFigures, previous: OperatingFigures): Record<string, string | null> {
  const minor = (a: Amount) => BigInt(a.amount.replace('.', ''));
  return Object.fromEntries(
    (Object.keys(current) as (keyof OperatingFigures)[]).map((k) => {
      const [c, p] = [current[k], previous[k]];
      return [k, typeof c === 'number' ? percent(BigInt(c), BigInt(p as number)) : percent(minor(c), minor(p as Amount))];
    }),
  );
}

/** Operating results of the enterprises [from, to] with the same period a year earlier (DESIGN §5). */
export function operationsReport(db: Database.Database, units: Units, query: OperationsQuery) {
  const previous = { from: addYears(query.from, -1), to: addYears(query.to, -1) };
  const view: UnitsView = { mode: query.units ?? 'historical', date: query.units === 'current' && query.today ? query.today : query.to };
  const names: SectionName[] = query.presentation === 'byOrigin' ? ['FDI', 'DDI'] : ['all'];
  const periods = [query, previous].map((p) => ({
    filings: definitiveFilings(filingsIn(db, units, p.from, p.to, query.knownAt, query.filters)),
    starts: operationStartsIn(db, units, p.from, p.to, query.knownAt, query.filters),
  }));
  const build = (groupBy: GroupDimension[], converter: Converter) => {
    const groups = new Map<string, { key: Record<string, string>; sections: Record<string, [Section, Section]> }>();
    const sectionOf = (row: GroupRow, i: number): [SectionName, Section] => {
      const key = groupKey(row, groupBy, units, view);
      const id = JSON.stringify(key);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { key, sections: Object.fromEntries(names.map((n) => [n, [emptySection(), emptySection()]])) }));
      const name: SectionName = query.presentation === 'byOrigin' ? row.origin : 'all';
      return [name, g.sections[name][i]];
    };
    periods.forEach(({ filings, starts }, i) => {
      for (const row of filings) {
        const [name, section] = sectionOf(row, i);
        addFiling(section, name, row, converter);
      }
      for (const row of starts) sectionOf(row, i)[1].startedOperating += 1;
    });
    if (groupBy.length === 0 && groups.size === 0) groups.set('{}', { key: {}, sections: Object.fromEntries(names.map((n) => [n, [emptySection(), emptySection()]])) });
    return [...groups.values()]
      .sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1))
      .map(({ key, sections }) => {
        const out: Record<string, unknown> = { key };
        for (const name of names) {
          const [current, before] = [figuresOf(name, sections[name][0]), figuresOf(name, sections[name][1])];
          out[name] = { current, samePeriodLastYear: before, ratioPct: ratios(current, before) };
        }
        return out;
      });
  };
  // The groups convert the same figures again: the conversions are stated once, from the total.
  const converter = new Converter(query.rates);
  const total = build([], converter)[0];
  const groups = query.groupBy.length ? build(query.groupBy, new Converter(query.rates)) : [total];
  // Realized capital has one source: the CapitalRealized acts on the project streams (activity report).
  const activity = activityReport(db, units, { from: query.from, to: query.to, knownAt: query.knownAt, filters: query.filters, groupBy: [], units: query.units, today: query.today });
  const realized = activity.total as Record<Origin, { current: { realizedCapital: Amount } }>;
  return {
    report: 'operations',
    from: query.from,
    to: query.to,
    samePeriodLastYear: previous,
    ...(query.knownAt ? { knownAt: query.knownAt } : {}),
    filters: query.filters,
    groupBy: query.groupBy,
    units: view,
    presentation: query.presentation,
    currencies: query.presentation === 'byOrigin' ? { FDI: 'USD', DDI: 'VND' } : ONE_CURRENCY,
    conversions: converter.conversions(),
    total,
    groups,
    realizedCapital: { source: 'CapitalRealized acts (POST /projects/{code}/realized-capital)', FDI: realized.FDI.current.realizedCapital, DDI: realized.DDI.current.realizedCapital },
  };
}
