import { useState } from 'preact/hooks';
import { formatDate, formatUsdText, formatVndText, formatWhole, type Lang } from '@ledger/labels';
import type { Problem } from '../api';
import { t } from '../i18n';

interface OriginFigures {
  validProjects: number;
  registeredCapital: string;
  currency: 'USD' | 'VND';
}
interface ImportReport {
  rows: number;
  projects: number;
  acts: number;
  errors: number;
  warnings: number;
  valid: boolean;
  alreadyImportedAt?: string;
  appended?: number;
  issues: { row: number; column?: string; header?: string; severity: 'error' | 'warning'; message: string }[];
  figures: { asOf: { asOf: string; FDI: OriginFigures; DDI: OriginFigures }[] };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const money = (f: OriginFigures, lang: Lang) => (f.currency === 'USD' ? formatUsdText(f.registeredCapital, lang) : formatVndText(f.registeredCapital, lang));

/**
 * Bring the board's Excel register in: the same importer as `ledger-cli import-register`, a dry run
 * first (every problem by row and column, and the figures the import would give), then all or nothing.
 */
export function ImportPage(props: { lang: Lang; token: string; boards: { id: string; name: string }[]; back: () => void }) {
  const { lang } = props;
  const [boardId, setBoardId] = useState(props.boards[0]?.id ?? '');
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<ImportReport | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean, format = 'json'): Promise<Response | undefined> {
    if (!file) return undefined;
    const query = new URLSearchParams({ boardId, dryRun: String(dryRun), format, lang, fileName: file.name });
    return fetch(`/api/v1/imports/register?${query}`, { method: 'POST', headers: { Authorization: `Bearer ${props.token}`, 'Content-Type': XLSX, 'Accept-Language': lang }, body: await file.arrayBuffer() });
  }

  async function run(dryRun: boolean) {
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await send(dryRun);
      if (!response) return;
      const body = (await response.json()) as ImportReport & Problem & { report?: ImportReport };
      if (response.ok) setReport(body);
      else {
        setProblem(body);
        if (body.report) setReport(body.report);
      }
    } finally {
      setBusy(false);
    }
  }

  async function downloadRowReport() {
    const response = await send(true, 'xlsx');
    if (!response?.ok) return;
    const url = URL.createObjectURL(await response.blob());
    Object.assign(document.createElement('a'), { href: url, download: 'register-check.xlsx' }).click();
    URL.revokeObjectURL(url);
  }

  return (
    <div class="card" data-import>
      <div class="actions"><button class="secondary" onClick={props.back}>{t('back', lang)}</button></div>
      <h2>{t('importTitle', lang)}</h2>
      <p class="hint">{t('importHint', lang)}</p>
      <label>{t('board', lang)}</label>
      <select name="boardId" value={boardId} onChange={(e) => { setBoardId((e.currentTarget as HTMLSelectElement).value); setReport(undefined); }}>
        {props.boards.map((b) => <option value={b.id}>{b.name}</option>)}
      </select>
      <label>{t('importFile', lang)}</label>
      <input type="file" name="register" accept=".xlsx" onChange={(e) => { setFile((e.currentTarget as HTMLInputElement).files?.[0]); setReport(undefined); }} />
      <div class="actions">
        <button type="button" class="secondary" disabled={!file || busy} onClick={() => void run(true)}>{t('importCheck', lang)}</button>
        <button type="button" disabled={!file || busy || !report?.valid || report.appended !== undefined} onClick={() => void run(false)} name="commit-import">{t('importCommit', lang)}</button>
        <button type="button" class="secondary" disabled={!file || !report} onClick={() => void downloadRowReport()}>{t('importRowReport', lang)}</button>
      </div>
      {problem && <div class="banner error" role="alert" data-code={problem.code}><strong>{problem.title}</strong> — {problem.detail}</div>}
      {report && (
        <>
          <div class={`banner ${report.errors ? 'error' : 'ok'}`} role="status">
            {formatWhole(BigInt(report.rows), lang)} {t('importRows', lang)} · {report.projects} {t('results', lang)} · {report.acts} {t('importActs', lang)} · {report.errors} {t('importErrors', lang)} · {report.warnings} {t('importWarnings', lang)}
            {report.alreadyImportedAt && <div>{t('importAlready', lang)} {report.alreadyImportedAt}</div>}
            {report.appended !== undefined && <div>{t('recorded', lang)} {report.appended}</div>}
          </div>
          {report.issues.length > 0 && (
            <table data-issues>
              <thead><tr><th>{t('importRow', lang)}</th><th>{t('importColumn', lang)}</th><th>{t('content', lang)}</th></tr></thead>
              <tbody>{report.issues.map((i) => <tr class={i.severity}><td>{i.row}</td><td>{[i.column, i.header].filter(Boolean).join(' — ')}</td><td>{i.message}</td></tr>)}</tbody>
            </table>
          )}
          <h3>{t('importFigures', lang)}</h3>
          <table data-figures>
            <thead><tr><th>{t('importAsOf', lang)}</th><th>{t('importFdiProjects', lang)}</th><th>{t('importFdiCapital', lang)}</th><th>{t('importDdiProjects', lang)}</th><th>{t('importDdiCapital', lang)}</th></tr></thead>
            <tbody>
              {report.figures.asOf.map((f) => (
                <tr><td>{formatDate(f.asOf)}</td><td class="num">{f.FDI.validProjects}</td><td class="num">{money(f.FDI, lang)}</td><td class="num">{f.DDI.validProjects}</td><td class="num">{money(f.DDI, lang)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
