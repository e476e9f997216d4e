import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceData } from '@ledger/reference-data';
import type { ActivityFigures, Amount, ReportFilters, ValidFigures } from '@ledger/reporting';
import { formatChange, formatCount, formatDate, formatMoney, formatPercent, type Lang } from '@ledger/labels';

export const NARRATIVE_LANGS = ['vi', 'en'] as const;

/** Where the board-editable templates live; `LEDGER_NARRATIVE_DIR` overrides (relative to the working directory). */
export const narrativeDir = (env: NodeJS.ProcessEnv = process.env) => env.LEDGER_NARRATIVE_DIR ?? join('config', 'narrative');

export class TemplateError extends Error {}

/** The placeholders a template may use, with what each one says (also listed in config/narrative/README.md). */
export const PLACEHOLDERS = [
  'scope',
  'period',
  'from',
  'to',
  'newProjects',
  'newProjectsFdi',
  'newProjectsDdi',
  'newCapitalFdi',
  'newCapitalDdi',
  'adjustments',
  'adjustmentsFdi',
  'adjustmentsDdi',
  'projectsAdjustedFdi',
  'projectsAdjustedDdi',
  'addedCapitalFdi',
  'addedCapitalDdi',
  'newAndAddedCapitalFdi',
  'newAndAddedCapitalDdi',
  'terminationsFdi',
  'terminationsDdi',
  'validFdi',
  'validDdi',
  'registeredFdi',
  'registeredDdi',
  'realizedFdi',
  'realizedDdi',
  'cumulativeRealizedFdi',
  'cumulativeRealizedDdi',
  'realizationRatioFdi',
  'realizationRatioDdi',
  'newProjectsChange',
  'newProjectsFdiChange',
  'newProjectsDdiChange',
  'newAndAddedFdiChange',
  'newAndAddedDdiChange',
  'realizedFdiChange',
  'realizedDdiChange',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * `{{name}}` substitution. Lines starting with `#` are comments for the editors of the file; an
 * unknown placeholder is an error naming it (a typo must not reach a published report).
 */
export function renderTemplate(template: string, values: Record<string, string>, source = 'template'): string {
  const body = template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
  return body.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new TemplateError(`${source}: unknown placeholder {{${name}}} (known: ${Object.keys(values).join(', ')})`);
    return values[name];
  });
}

/**
 * `vi.txt` / `en.txt`, or with an origin filter `vi.FDI.txt` / `vi.DDI.txt`: a report on foreign
 * investment alone says nothing about domestic projects (no "0 dự án DDI", no "tổng vốn DDI").
 */
export function loadTemplate(lang: Lang, dir = narrativeDir(), origin?: 'FDI' | 'DDI'): { text: string; file: string } {
  const file = join(dir, origin ? `${lang}.${origin}.txt` : `${lang}.txt`);
  return { text: readTemplate(file), file };
}

/** A template file's text; an unreadable file is a TemplateError naming it. */
export function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateError(`${file}: cannot read the narrative template (${(error as Error).message})`);
  }
}

interface ActivityOrigin {
  current: ActivityFigures;
  samePeriodLastYear: ActivityFigures;
  ratioPct: Record<string, string | null>;
}

export interface NarrativeInput {
  lang: Lang;
  from: string;
  to: string;
  filters: ReportFilters;
  activity: { FDI: ActivityOrigin; DDI: ActivityOrigin };
  valid: { FDI: ValidFigures; DDI: ValidFigures };
}

/** "trong năm 2016" for a calendar year, "từ ngày 01/01/2016 đến ngày 30/06/2016" otherwise. */
function periodPhrase(from: string, to: string, lang: Lang): string {
  const year = from.slice(0, 4);
  const wholeYear = from === `${year}-01-01` && to === `${year}-12-31`;
  if (lang === 'vi') return wholeYear ? `trong năm ${year}` : `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`;
  return wholeYear ? `in ${year}` : `from ${formatDate(from)} to ${formatDate(to)}`;
}

/** The most specific unit the filters name: zone, board, province, region, or every zone. */
function scopePhrase(filters: ReportFilters, ref: ReferenceData, lang: Lang): string {
  const vi = lang === 'vi';
  const zone = filters.zoneId ? ref.zone(filters.zoneId) : undefined;
  if (zone) return vi ? zone.nameVi : `the ${zone.name}`;
  const board = filters.boardId ? ref.board(filters.boardId) : undefined;
  if (board) return vi ? `các KCN, KCX, KKT do ${board.nameVi} quản lý` : `the zones managed by the ${board.name}`;
  const province = filters.provinceId ? ref.province(filters.provinceId) : undefined;
  if (province) return vi ? `các KCN, KCX, KKT tỉnh, thành phố ${province.nameVi}` : `the zones of ${province.name}`;
  const region = filters.regionId ? ref.region(filters.regionId) : undefined;
  if (region) return vi ? `các KCN, KCX, KKT vùng ${region.nameVi}` : `the zones of the ${region.name} region`;
  return vi ? 'các KCN, KCX, KKT' : 'the industrial, export-processing and economic zones';
}

/** Every placeholder's text for one period and set of filters. */
export function narrativeValues(input: NarrativeInput, ref: ReferenceData): Record<Placeholder, string> {
  const { lang } = input;
  const [fdi, ddi] = [input.activity.FDI, input.activity.DDI];
  const money = (a: Amount) => formatMoney(a, lang);
  const count = (n: number) => formatCount(n, lang);
  return {
    scope: scopePhrase(input.filters, ref, lang),
    period: periodPhrase(input.from, input.to, lang),
    from: formatDate(input.from),
    to: formatDate(input.to),
    newProjects: count(fdi.current.newCertificates.count + ddi.current.newCertificates.count),
    newProjectsFdi: count(fdi.current.newCertificates.count),
    newProjectsDdi: count(ddi.current.newCertificates.count),
    newCapitalFdi: money(fdi.current.newCertificates.capital),
    newCapitalDdi: money(ddi.current.newCertificates.capital),
    adjustments: count(fdi.current.adjustmentOccurrences + ddi.current.adjustmentOccurrences),
    adjustmentsFdi: count(fdi.current.adjustmentOccurrences),
    adjustmentsDdi: count(ddi.current.adjustmentOccurrences),
    projectsAdjustedFdi: count(fdi.current.projectsAdjusted),
    projectsAdjustedDdi: count(ddi.current.projectsAdjusted),
    addedCapitalFdi: money(fdi.current.increases.capital),
    addedCapitalDdi: money(ddi.current.increases.capital),
    newAndAddedCapitalFdi: money(fdi.current.newAndAddedCapital),
    newAndAddedCapitalDdi: money(ddi.current.newAndAddedCapital),
    terminationsFdi: count(fdi.current.terminations.count),
    terminationsDdi: count(ddi.current.terminations.count),
    validFdi: count(input.valid.FDI.validProjects),
    validDdi: count(input.valid.DDI.validProjects),
    registeredFdi: money(input.valid.FDI.registeredCapital),
    registeredDdi: money(input.valid.DDI.registeredCapital),
    realizedFdi: money(fdi.current.realizedCapital),
    realizedDdi: money(ddi.current.realizedCapital),
    cumulativeRealizedFdi: money(input.valid.FDI.realizedCapital),
    cumulativeRealizedDdi: money(input.valid.DDI.realizedCapital),
    realizationRatioFdi: formatPercent(input.valid.FDI.realizationRatioPct, lang),
    realizationRatioDdi: formatPercent(input.valid.DDI.realizationRatioPct, lang),
    newProjectsChange: formatChange(combinedRatio(fdi.current.newCertificates.count + ddi.current.newCertificates.count, fdi.samePeriodLastYear.newCertificates.count + ddi.samePeriodLastYear.newCertificates.count), lang),
    newProjectsFdiChange: formatChange(fdi.ratioPct['newCertificates.count'] ?? null, lang),
    newProjectsDdiChange: formatChange(ddi.ratioPct['newCertificates.count'] ?? null, lang),
    newAndAddedFdiChange: formatChange(fdi.ratioPct.newAndAddedCapital ?? null, lang),
    newAndAddedDdiChange: formatChange(ddi.ratioPct.newAndAddedCapital ?? null, lang),
    realizedFdiChange: formatChange(fdi.ratioPct.realizedCapital ?? null, lang),
    realizedDdiChange: formatChange(ddi.ratioPct.realizedCapital ?? null, lang),
  };
}

/** current / previous × 100 with one decimal, rounded half up (as the reports' ratioPct); null when previous is 0. */
function combinedRatio(current: number, previous: number): string | null {
  if (previous === 0) return null;
  const tenths = (BigInt(current) * 2000n + BigInt(previous)) / (2n * BigInt(previous));
  return `${tenths / 10n}.${tenths % 10n}`;
}
