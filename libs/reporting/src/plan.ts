import type Database from 'better-sqlite3';
import { addYears, minorUnitsOf, parseUsdCents, periodRange, type LegalDate, type PlanIndicator, type PlanTargets } from '@ledger/domain';
import { activityReport } from './activity';
import type { RateTable } from './exchange-rates';
import { percent, type Amount } from './figures';
import type { Units, UnitsView } from './filters';
import { knownAtInstant } from './known-at';
import { operationsReport, type OperatingFigures } from './operations';

export interface PlanQuery {
  boardId: string;
  year: number;
  /** End of the year-to-date period (within the year). */
  to: LegalDate;
  knownAt?: string;
  rates: RateTable;
  units?: UnitsView['mode'];
  today?: string;
}

/** A figure as exact minor units with its scale: counts 1, USD 100 (cents), VND 1, free indicators 10^4. */
interface Figure {
  minor: bigint;
  decimals: number;
}

const DECIMALS_OF_INDICATORS = 4;

function minorToDecimal({ minor, decimals }: Figure): string {
  if (decimals === 0) return minor.toString();
  const scale = 10n ** BigInt(decimals);
  return `${minor / scale}.${String(minor % scale).padStart(decimals, '0')}`;
}

/** actual / target in percent with two decimals ("220.00", "52.10"), rounded half up; null without a target above zero. */
export function percentOfPlan(actual: bigint, target: bigint): string | null {
  if (target <= 0n) return null;
  const hundredths = (actual * 20_000n + target) / (2n * target);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

interface Actuals {
  newProjects: Figure;
  newAndAddedCapitalUsd: Figure;
  newAndAddedCapitalVnd: Figure;
  revenueVnd: Figure;
  exportValueUsd: Figure;
  budgetPaidVnd: Figure;
  newJobs: Figure;
  indicators: Map<string, Figure>;
}

const amountFigure = (a: Amount): Figure => (a.currency === 'USD' ? { minor: parseUsdCents(a.amount), decimals: 2 } : { minor: BigInt(a.amount), decimals: 0 });
const count = (n: number): Figure => ({ minor: BigInt(n), decimals: 0 });

/** The board's own actuals of its indicators for the months and quarters of `year` ending by `to`: the last entry per period recorded by knownAt. */
function indicatorActuals(db: Database.Database, boardId: string, year: number, to: LegalDate, knownAt: string | undefined): Map<string, Figure> {
  const rows = db
    .prepare(
      `SELECT code, period, value FROM plan_actuals a WHERE board_id = @boardId AND year = @year${knownAt ? ' AND recorded_at <= @knownAt' : ''}
         AND position = (SELECT MAX(position) FROM plan_actuals b WHERE b.board_id = a.board_id AND b.year = a.year AND b.code = a.code AND b.period = a.period${knownAt ? ' AND b.recorded_at <= @knownAt' : ''})`,
    )
    .all({ boardId, year, ...(knownAt ? { knownAt: knownAtInstant(knownAt) } : {}) }) as { code: string; period: string; value: string }[];
  const sums = new Map<string, Figure>();
  for (const row of rows.filter((r) => periodRange(r.period).to <= to)) {
    const before = sums.get(row.code)?.minor ?? 0n;
    sums.set(row.code, { minor: before + minorUnitsOf(row.value, DECIMALS_OF_INDICATORS), decimals: DECIMALS_OF_INDICATORS });
  }
  return sums;
}

function actualsOf(db: Database.Database, units: Units, q: PlanQuery, year: number, to: LegalDate) {
  const from = `${year}-01-01`;
  const common = { from, to, knownAt: q.knownAt, filters: { boardId: q.boardId }, groupBy: [], units: q.units, today: q.today };
  const activity = activityReport(db, units, common).total as Record<'FDI' | 'DDI', { current: { newCertificates: { count: number }; newAndAddedCapital: Amount } }>;
  const operations = operationsReport(db, units, { ...common, presentation: 'oneCurrency', rates: q.rates });
  const results = (operations.total as { all: { current: OperatingFigures } }).all.current;
  const actuals: Actuals = {
    newProjects: count(activity.FDI.current.newCertificates.count + activity.DDI.current.newCertificates.count),
    newAndAddedCapitalUsd: amountFigure(activity.FDI.current.newAndAddedCapital),
    newAndAddedCapitalVnd: amountFigure(activity.DDI.current.newAndAddedCapital),
    revenueVnd: amountFigure(results.revenue),
    exportValueUsd: amountFigure(results.exportValue),
    budgetPaidVnd: amountFigure(results.budgetPaid),
    newJobs: count(results.newJobs),
    indicators: indicatorActuals(db, q.boardId, year, to, q.knownAt),
  };
  return { actuals, conversions: operations.conversions };
}

const LINES = [
  ['newProjects', 'projects'],
  ['newAndAddedCapitalUsd', 'USD'],
  ['newAndAddedCapitalVnd', 'VND'],
  ['revenueVnd', 'VND'],
  ['exportValueUsd', 'USD'],
  ['budgetPaidVnd', 'VND'],
  ['newJobs', 'jobs'],
] as const;

/** The board's year-to-date actuals against its plan for the year, and the same period a year earlier (DESIGN §5). */
export function planReport(db: Database.Database, units: Units, q: PlanQuery) {
  const plan = db
    .prepare(`SELECT revision, recorded_at, targets FROM plan_targets WHERE board_id = ? AND year = ?${q.knownAt ? ' AND recorded_at <= ?' : ''} ORDER BY revision DESC LIMIT 1`)
    .get(...[q.boardId, q.year, ...(q.knownAt ? [knownAtInstant(q.knownAt)] : [])]) as { revision: number; recorded_at: string; targets: string } | undefined;
  const targets: PlanTargets = plan ? JSON.parse(plan.targets) : {};
  const current = actualsOf(db, units, q, q.year, q.to);
  const previous = actualsOf(db, units, q, q.year - 1, addYears(q.to, -1));
  const line = (indicator: string, unit: string, actual: Figure, before: Figure | undefined, target: string | number | undefined) => {
    const targetMinor = target === undefined ? undefined : minorUnitsOf(String(target), actual.decimals);
    return {
      indicator,
      unit,
      actual: minorToDecimal(actual),
      target: targetMinor === undefined ? null : minorToDecimal({ minor: targetMinor, decimals: actual.decimals }),
      pctOfPlan: targetMinor === undefined ? null : percentOfPlan(actual.minor, targetMinor),
      samePeriodLastYear: before === undefined ? null : minorToDecimal(before),
      ratioPct: before === undefined ? null : percent(actual.minor, before.minor),
    };
  };
  const own = (i: PlanIndicator) => {
    const zero = { minor: 0n, decimals: DECIMALS_OF_INDICATORS };
    return { ...line(i.code, i.unit, current.actuals.indicators.get(i.code) ?? zero, previous.actuals.indicators.get(i.code) ?? zero, i.target), label: i.label, source: 'entered by the board' };
  };
  return {
    report: 'plan',
    boardId: q.boardId,
    year: q.year,
    from: `${q.year}-01-01`,
    to: q.to,
    samePeriodLastYear: { from: `${q.year - 1}-01-01`, to: addYears(q.to, -1) },
    ...(q.knownAt ? { knownAt: q.knownAt } : {}),
    plan: plan ? { revision: plan.revision, recordedAt: plan.recorded_at } : null,
    lines: [...LINES.map(([name, unit]) => line(name, unit, current.actuals[name], previous.actuals[name], targets[name])), ...(targets.indicators ?? []).map(own)],
    conversions: [...current.conversions, ...previous.conversions],
  };
}

