import { join } from 'node:path';
import { InternalServerErrorException } from '@nestjs/common';
import type { Amount, OperatingFigures } from '@ledger/reporting';
import { formatChange, formatCount, formatDecimal, formatMoney, type Lang } from '@ledger/labels';
import { problem } from '../http/problem';
import { TemplateError, narrativeDir, readTemplate, renderTemplate } from '../reports/narrative/narrative';

/**
 * The sentences boards publish for operating results and plan attainment, e.g. "doanh thu đạt
 * 4.210,6 tỷ đồng, tăng 7,3% so với cùng kỳ, đạt 52,10% so với kế hoạch", worded by the board-editable
 * templates `config/narrative/operations.<lang>.txt` and `plan.<lang>.txt` (read on every request, as
 * the licensing narrative's). Amounts are rounded half up on the exact figures (@ledger/labels).
 */

/** A template a board broke answers 500 naming the file and what is wrong; a typo never reaches a published report. */
export function narrativeOf(lang: Lang, text: () => string): { lang: Lang; text: string } {
  try {
    return { lang, text: text() };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw new InternalServerErrorException(problem(500, 'NARRATIVE_TEMPLATE_INVALID', 'The narrative template cannot be used', error.message));
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/**
 * A template file of named templates, one `name: text` a line (`#` comments and blank lines
 * skipped); each of `names` exactly once, no other.
 */
function namedTemplates<N extends string>(kind: string, lang: Lang, names: readonly N[], dir: string): { file: string; templates: Record<N, string> } {
  const file = join(dir, `${kind}.${lang}.txt`);
  const templates: Partial<Record<N, string>> = {};
  for (const line of readTemplate(file).replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const m = /^([A-Za-z][\w.]*):\s?(.*)$/.exec(line);
    const name = m?.[1] as N | undefined;
    if (!m || !name || !names.includes(name)) throw new TemplateError(`${file}: "${line}" is not "name: text" with a known name (${names.join(', ')})`);
    if (templates[name] !== undefined) throw new TemplateError(`${file}: ${name} is given twice`);
    templates[name] = m[2];
  }
  const missing = names.filter((n) => templates[n] === undefined);
  if (missing.length) throw new TemplateError(`${file}: missing ${missing.join(', ')}`);
  return { file, templates: templates as Record<N, string> };
}

/** `{{name}}` as renderTemplate; a part inside `[[…]]` is left out when one of its placeholders is empty (no figure). */
function render(template: string, values: Record<string, string>, source: string): string {
  const kept = template.replace(/\[\[(.*?)\]\]/g, (_, part: string) => ([...part.matchAll(PLACEHOLDER)].some(([, name]) => values[name] === '') ? '' : part));
  return renderTemplate(kept, values, source);
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const both = (a: Amount | undefined, b: Amount | undefined, lang: Lang) => [a, b].filter((x): x is Amount => x !== undefined).map((x) => formatMoney(x, lang)).join(lang === 'vi' ? ' và ' : ' and ');

type Section = { current: OperatingFigures };

/** The placeholders of `operations.<lang>.txt` (also listed in config/narrative/README.md). */
export const OPERATIONS_PLACEHOLDERS = ['startedOperating', 'reportingProjects', 'revenue', 'exportValue', 'importValue', 'budgetPaid', 'employees', 'foreignEmployees', 'newJobs'] as const;

/** "Tổng doanh thu đạt 46.643,5 triệu USD và 129.873,0 tỷ đồng; … cho 771.112 người lao động." (FDI first, then DDI; or one currency.) */
export function operationsNarrative(total: Record<string, Section>, lang: Lang, dir = narrativeDir()): string {
  const sections = ['FDI', 'DDI', 'all'].map((k) => total[k]?.current).filter((s): s is OperatingFigures => s !== undefined);
  const count = (f: (s: OperatingFigures) => number) => sections.reduce((n, s) => n + f(s), 0);
  const money = (f: 'revenue' | 'exportValue' | 'importValue' | 'budgetPaid') => both(sections[0][f], sections[1]?.[f], lang);
  const started = count((s) => s.startedOperating);
  const values: Record<(typeof OPERATIONS_PLACEHOLDERS)[number], string> = {
    startedOperating: started === 0 ? '' : formatCount(started, lang),
    reportingProjects: formatCount(count((s) => s.reportingProjects), lang),
    revenue: money('revenue'),
    exportValue: money('exportValue'),
    importValue: money('importValue'),
    budgetPaid: money('budgetPaid'),
    employees: formatCount(count((s) => s.employees), lang),
    foreignEmployees: formatCount(count((s) => s.foreignEmployees), lang),
    newJobs: formatCount(count((s) => s.newJobs), lang),
  };
  const { file, templates } = namedTemplates('operations', lang, ['sentence'], dir);
  return capitalised(render(templates.sentence, values, file));
}

/** The standard plan lines; the board's own indicators are worded by `boardIndicator`. */
const PLAN_LINES = ['newProjects', 'newAndAddedCapitalUsd', 'newAndAddedCapitalVnd', 'revenueVnd', 'exportValueUsd', 'budgetPaidVnd', 'newJobs'] as const;
const PLAN_UNITS = ['projects', 'jobs'] as const;
const PLAN_TEMPLATES = ['sentence', 'line', ...PLAN_LINES, 'boardIndicator', ...PLAN_UNITS.map((u) => `unit.${u}` as const)] as const;

interface PlanLine {
  indicator: string;
  unit: string;
  label?: string;
  actual: string;
  pctOfPlan: string | null;
  ratioPct: string | null;
}

/** One clause per plan line: what was reached, the change on the same period, the share of the plan. */
export function planNarrative(lines: readonly PlanLine[], lang: Lang, dir = narrativeDir()): string {
  const { file, templates } = namedTemplates('plan', lang, PLAN_TEMPLATES, dir);
  const standard = (indicator: string): indicator is (typeof PLAN_LINES)[number] => (PLAN_LINES as readonly string[]).includes(indicator);
  const unitWord = (unit: string) => ((PLAN_UNITS as readonly string[]).includes(unit) ? templates[`unit.${unit}` as `unit.${(typeof PLAN_UNITS)[number]}`] : unit);
  const clauses = lines.map((line) => {
    const actual = line.unit === 'USD' || line.unit === 'VND' ? formatMoney({ currency: line.unit, amount: line.actual }, lang) : `${formatDecimal(line.actual, lang)} ${unitWord(line.unit)}`;
    const indicator = standard(line.indicator) ? templates[line.indicator] : render(templates.boardIndicator, { label: line.label ?? line.indicator }, file);
    return render(
      templates.line,
      { indicator, actual, change: line.ratioPct === null ? '' : formatChange(line.ratioPct, lang), pctOfPlan: line.pctOfPlan === null ? '' : `${formatDecimal(line.pctOfPlan, lang, 2)}%` },
      file,
    );
  });
  return capitalised(render(templates.sentence, { lines: clauses.join('; ') }, file));
}
