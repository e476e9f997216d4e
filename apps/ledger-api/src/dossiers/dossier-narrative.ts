import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceData } from '@ledger/reference-data';
import type { DossierFigures } from '@ledger/reporting';
import { TemplateError, narrativeDir, renderTemplate } from '../reports/narrative/narrative';
import { formatCount, formatDate, formatPercent, formatTenths, toMinorUnits, type Lang } from '@ledger/labels';

/** The sentence boards publish on their one-stop desk, from `config/narrative/dossiers.<lang>.txt`. */
export function dossierSentence(lang: Lang, from: string, to: string, boardId: string | undefined, figures: DossierFigures, ref: ReferenceData, dir = narrativeDir()): string {
  const file = join(dir, `dossiers.${lang}.txt`);
  let template: string;
  try {
    template = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateError(`${file}: cannot read the narrative template (${(error as Error).message})`);
  }
  const board = boardId ? ref.board(boardId) : undefined;
  const count = (n: number) => formatCount(n, lang);
  const values: Record<string, string> = {
    from: formatDate(from),
    to: formatDate(to),
    board: board ? (lang === 'vi' ? board.nameVi : `the ${board.name}`) : lang === 'vi' ? 'các Ban Quản lý' : 'the management boards',
    received: count(figures.received.total),
    carriedOver: count(figures.carriedOver),
    resolved: count(figures.resolved.total),
    aheadOfTime: count(figures.resolved.aheadOfTime),
    onTime: count(figures.resolved.onTime),
    late: count(figures.resolved.late),
    withdrawn: count(figures.withdrawn),
    transferred: count(figures.transferred),
    inProcess: count(figures.inProcess.withinDeadline + figures.inProcess.awaitingSupplement),
    overdue: count(figures.inProcess.overdue),
    averageDays: figures.processingDays.average === null ? '—' : formatTenths(toMinorUnits(figures.processingDays.average, 1), lang),
    pctOfStatutory: formatPercent(figures.processingPctOfStatutory, lang),
  };
  return renderTemplate(template, values, file);
}
