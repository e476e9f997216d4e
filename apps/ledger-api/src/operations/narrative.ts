import type { Amount, OperatingFigures } from '@ledger/reporting';
import { formatChange, formatCount, formatMoney, type Lang } from '@ledger/labels';

/**
 * The sentences boards publish for operating results and plan attainment, e.g. "doanh thu đạt
 * 4.210,6 tỷ đồng, tăng 7,3% so với cùng kỳ, đạt 52,10% so với kế hoạch". Amounts are rounded half up
 * on the exact figures (number-format); the wording is fixed here, in Vietnamese and English.
 */
const sentence = (parts: string[]) => {
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

const both = (a: Amount | undefined, b: Amount | undefined, lang: Lang) => [a, b].filter((x): x is Amount => x !== undefined).map((x) => formatMoney(x, lang)).join(lang === 'vi' ? ' và ' : ' and ');

const OPERATIONS_WORDS = {
  vi: { revenue: 'tổng doanh thu đạt', exportValue: 'giá trị xuất khẩu đạt', importValue: 'giá trị nhập khẩu đạt', budgetPaid: 'nộp ngân sách', workers: (n: string) => `tạo việc làm và thu nhập ổn định cho ${n} người lao động` },
  en: { revenue: 'revenue reached', exportValue: 'exports reached', importValue: 'imports reached', budgetPaid: 'taxes and fees paid to the state budget', workers: (n: string) => `the enterprises employed ${n} workers` },
} as const;

type Section = { current: OperatingFigures };

/** "Tổng doanh thu đạt 46.643,5 triệu USD và 129.873,0 tỷ đồng; … cho 771.112 người lao động." (FDI first, then DDI; or one currency.) */
export function operationsNarrative(total: Record<string, Section>, lang: Lang): string {
  const sections = ['FDI', 'DDI', 'all'].map((k) => total[k]?.current).filter((s): s is OperatingFigures => s !== undefined);
  const words = OPERATIONS_WORDS[lang];
  const money = (['revenue', 'exportValue', 'importValue', 'budgetPaid'] as const).map((f) => `${words[f]} ${both(sections[0][f], sections[1]?.[f], lang)}`);
  return sentence([...money, words.workers(formatCount(sections.reduce((n, s) => n + s.employees, 0), lang))]);
}

interface PlanWords {
  /** What each standard line says it reached. */
  lines: Record<string, string>;
  units: Record<string, string>;
  reached: string;
  samePeriod: string;
  plan: (pct: string) => string;
}

const PLAN_WORDS: Record<Lang, PlanWords> = {
  vi: {
    lines: {
      newProjects: 'số dự án cấp mới đạt',
      newAndAddedCapitalUsd: 'vốn đầu tư đăng ký mới và tăng thêm của dự án FDI đạt',
      newAndAddedCapitalVnd: 'vốn đầu tư đăng ký mới và tăng thêm của dự án DDI đạt',
      revenueVnd: 'doanh thu đạt',
      exportValueUsd: 'giá trị xuất khẩu đạt',
      budgetPaidVnd: 'nộp ngân sách đạt',
      newJobs: 'số lao động được tạo việc làm mới đạt',
    },
    units: { projects: 'dự án', jobs: 'người' },
    reached: 'đạt',
    samePeriod: 'so với cùng kỳ',
    plan: (pct) => `đạt ${pct} so với kế hoạch`,
  },
  en: {
    lines: {
      newProjects: 'new projects reached',
      newAndAddedCapitalUsd: 'new and added capital of FDI projects reached',
      newAndAddedCapitalVnd: 'new and added capital of DDI projects reached',
      revenueVnd: 'revenue reached',
      exportValueUsd: 'exports reached',
      budgetPaidVnd: 'budget payments reached',
      newJobs: 'new jobs reached',
    },
    units: { projects: 'projects', jobs: 'jobs' },
    reached: 'reached',
    samePeriod: 'on the same period last year',
    plan: (pct) => `${pct} of the plan`,
  },
};

/** "52.10" → "52,10%" (vi) / "52.10%" (en); a decimal indicator value "115.7500" → "115,75". */
function formatDecimal(text: string, lang: Lang, keepDecimals?: number): string {
  const [whole, fraction = ''] = text.split('.');
  const digits = keepDecimals === undefined ? fraction.replace(/0+$/, '') : fraction.padEnd(keepDecimals, '0').slice(0, keepDecimals);
  return `${formatCount(BigInt(whole), lang)}${digits ? `${lang === 'vi' ? ',' : '.'}${digits}` : ''}`;
}

interface PlanLine {
  indicator: string;
  unit: string;
  label?: string;
  actual: string;
  pctOfPlan: string | null;
  ratioPct: string | null;
}

/** One clause per plan line: what was reached, the change on the same period, the share of the plan. */
export function planNarrative(lines: readonly PlanLine[], lang: Lang): string {
  const words = PLAN_WORDS[lang];
  const clauses = lines.map((line) => {
    const amount =
      line.unit === 'USD' || line.unit === 'VND'
        ? formatMoney({ currency: line.unit, amount: line.actual }, lang)
        : `${formatDecimal(line.actual, lang)} ${words.units[line.unit] ?? line.unit}`;
    const what = words.lines[line.indicator] ?? `${line.label ?? line.indicator} ${words.reached}`;
    const change = line.ratioPct === null ? [] : [`${formatChange(line.ratioPct, lang)} ${words.samePeriod}`];
    const plan = line.pctOfPlan === null ? [] : [words.plan(`${formatDecimal(line.pctOfPlan, lang, 2)}%`)];
    return [`${what} ${amount}`, ...change, ...plan].join(', ');
  });
  return sentence(clauses);
}
