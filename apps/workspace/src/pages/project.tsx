import { useEffect, useState } from 'preact/hooks';
import { EVENT_LABELS, fieldLabel, formatDate, formatUsdText, formatVndText, formatWhole, labelOf, type Lang, ORIGIN_LABELS, STATUS_LABELS, SUSPENSION_GROUND_LABELS, TERMINATION_GROUND_LABELS } from '@ledger/labels';
import { currentReadingOf } from '@ledger/domain';
import countries from 'i18n-iso-countries';
import type { Api } from '../api';
import { t } from '../i18n';
import { parseDateInput } from '../money-input';
import { boardName, holderOn, zoneName, type Reference } from '../reference';
import type { Identity } from '../session';
import type { ProjectView, RecordedEventView, WriteResult } from '../types';
import { ActForm } from '../forms/act-form';
import { ACT_LABELS, type ActType } from '../forms/acts';

/** A recorded instant in Vietnam time, as officers read clocks: 15/03/2016 09:30. */
const vnTime = (instant: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(instant));
const money = (m: { vnd: string; usd?: string } | undefined, lang: Lang) => (m ? (m.usd !== undefined ? `${formatVndText(m.vnd, lang)} (${formatUsdText(m.usd, lang)})` : formatVndText(m.vnd, lang)) : '');

const PROJECT_ACTS: ActType[] = ['IncreaseCapital', 'DecreaseCapital', 'AdjustCertificate', 'RecordRealizedCapital', 'SuspendProject', 'ResumeProject', 'StartOperation', 'TerminateProject'];

/** The certificate as in force on a date, the acts' timeline, and a form for every act. */
export function ProjectPage(props: { api: Api; lang: Lang; reference: Reference; identity: Identity; code: string; dossierId?: string; back: () => void }) {
  const { lang, api, code } = props;
  const [asOf, setAsOf] = useState('');
  const [project, setProject] = useState<ProjectView | undefined>();
  const [events, setEvents] = useState<RecordedEventView[]>([]);
  const [form, setForm] = useState<{ type: ActType; target?: RecordedEventView } | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [missing, setMissing] = useState<string | undefined>();

  async function load(date = asOf): Promise<ProjectView | undefined> {
    const iso = parseDateInput(date);
    const [view, history] = await Promise.all([
      api.GET('/api/v1/projects/{code}', { params: { path: { code }, query: iso ? { asOf: iso } : {} } }),
      api.GET('/api/v1/projects/{code}/events', { params: { path: { code } } }),
    ]);
    if (!view.response.ok) {
      // Undocumented error bodies are typed never; the API answers problem+json.
      setMissing((view as { error?: { detail?: string } }).error?.detail ?? String(view.response.status));
      return undefined;
    }
    const fresh = view.data as unknown as ProjectView;
    setProject(fresh);
    setEvents(((history.data as unknown as { events: RecordedEventView[] }) ?? { events: [] }).events);
    return fresh;
  }
  useEffect(() => void load(), [code]);

  async function downloadPdf() {
    const iso = parseDateInput(asOf);
    const response = await fetch(`/api/v1/projects/${encodeURIComponent(code)}/certificate.pdf${iso ? `?asOf=${iso}` : ''}`, { headers: { Authorization: `Bearer ${sessionStorage.getItem('ledger.workspace.token') ?? ''}` } });
    const url = URL.createObjectURL(await response.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `GCNDKDT-${code.replace(/\W/g, '_')}.pdf` });
    a.click();
    URL.revokeObjectURL(url);
  }

  /** The notice appears once the certificate and timeline show the act, never beside the state before it. */
  async function recorded(result: WriteResult) {
    setForm(undefined);
    await load();
    setNotice(`${t('recorded', lang)} ${result.events.map((e) => labelOf(EVENT_LABELS, e.type, lang) + (e.adjustmentNo ? ` (${t('adjustmentNo', lang)} ${e.adjustmentNo})` : '')).join(', ')}`);
  }

  if (missing) return <div class="card"><button class="secondary" onClick={props.back}>{t('back', lang)}</button><div class="banner error">{missing}</div></div>;
  if (!project) return <div class="card">…</div>;
  const history = events.map((e) => ({ type: e.type, data: e.data }));
  // The API refuses an officer's act on another board's project (OUTSIDE_JURISDICTION): offer none rather than a form that fails at the end.
  const holder = holderOn(props.reference, project.boardId, props.reference.today);
  const mayRecord = props.identity.role === 'admin' || (props.identity.role === 'officer' && props.identity.boardId === holder);
  return (
    <>
      <div class="card">
        <div class="actions"><button class="secondary" onClick={props.back}>{t('back', lang)}</button></div>
        <h2>{t('certificate', lang)} — {project.projectCode}</h2>
        <form class="actions" onSubmit={(e) => { e.preventDefault(); void load(); }}>
          <label style="margin:0">{t('asOf', lang)}</label>
          <input name="asOf" style="width:10rem" placeholder="dd/mm/yyyy" value={asOf} onInput={(e) => setAsOf((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="secondary">{t('show', lang)}</button>
          <button type="button" class="secondary" name="pdf" onClick={() => void downloadPdf()}>{t('downloadPdf', lang)}</button>
        </form>
        <dl class="certificate" data-certificate>
          <dt>{fieldLabel('projectName', lang)}</dt><dd>{project.projectName}</dd>
          <dt>{t('status', lang)}</dt><dd>{labelOf(STATUS_LABELS, project.status, lang)}{project.suspended && <span class="tag warn">{t('suspended', lang)}</span>}</dd>
          <dt>{fieldLabel('origin', lang)}</dt><dd>{labelOf(ORIGIN_LABELS, project.origin, lang)}</dd>
          <dt>{fieldLabel('investors', lang)}</dt><dd>{project.investors.map((i) => `${i.name} (${countries.getName(i.country, lang) ?? i.country})`).join('; ')}</dd>
          <dt>{fieldLabel('boardId', lang)}</dt><dd>{boardName(props.reference, project.boardId, lang)}</dd>
          <dt>{fieldLabel('zoneId', lang)}</dt><dd>{zoneName(props.reference, project.zoneId, lang)}</dd>
          <dt>{fieldLabel('issuedOn', lang)}</dt><dd>{formatDate(project.issuedOn)}</dd>
          <dt>{t('adjustmentNo', lang)}</dt><dd data-adjustment-no>{project.adjustmentNo}</dd>
          <dt>{fieldLabel('registeredCapital', lang)}</dt><dd data-capital>{money(project.registeredCapital, lang)}{project.registeredCapital.exchangeRate ? ` — ${fieldLabel('exchangeRate', lang)} ${formatWhole(BigInt(project.registeredCapital.exchangeRate.split('.')[0]), lang)}` : ''}</dd>
          <dt>{lang === 'vi' ? 'Vốn thực hiện lũy kế' : 'Realized capital to date'}</dt><dd>{money(project.realizedCapital, lang)}</dd>
          {project.landAreaM2 && <><dt>{fieldLabel('landAreaM2', lang)}</dt><dd>{project.landAreaM2}</dd></>}
          <dt>{fieldLabel('objectives', lang)}</dt><dd>{project.objectives}</dd>
          <dt>{fieldLabel('durationYears', lang)}</dt><dd>{project.durationYears}</dd>
          {project.operatingSince && <><dt>{fieldLabel('operatingSince', lang)}</dt><dd data-operating-since>{formatDate(project.operatingSince)}</dd></>}
          {project.terminatedOn && <><dt>{labelOf(EVENT_LABELS, 'ProjectTerminated', lang)}</dt><dd>{formatDate(project.terminatedOn)} — {labelOf(TERMINATION_GROUND_LABELS, project.terminationGround ?? '', lang)}</dd></>}
        </dl>
        {mayRecord && !form && project.status === 'VALID' && (
          <div class="actions" data-acts>
            {PROJECT_ACTS.filter((type) => type !== 'StartOperation' || !project.operatingSince).map((type) => <button type="button" class="secondary" name={type} onClick={() => { setNotice(undefined); setForm({ type }); }}>{ACT_LABELS[type][lang]}</button>)}
          </div>
        )}
        {props.identity.role === 'officer' && !mayRecord && <div class="banner preview" data-view-only>{t('heldByOtherBoard', lang).replace('{board}', boardName(props.reference, holder, lang))}</div>}
        {notice && <div class="banner ok" role="status">{notice}</div>}
      </div>
      {form && (
        <ActForm
          type={form.type} api={api} lang={lang} reference={props.reference} identity={props.identity} project={project}
          target={form.target && { ...form.target, reading: currentReadingOf(history, Number(form.target.streamVersion)) ?? form.target.data }}
          dossierId={form.type === 'CorrectEvent' ? undefined : props.dossierId}
          onRecorded={(r) => void recorded(r)} onCancel={() => setForm(undefined)} onReload={() => load()}
        />
      )}
      <div class="card">
        <h2>{t('timeline', lang)}</h2>
        <table data-timeline>
          <thead><tr><th>#</th><th>{labelOf(EVENT_LABELS, '', lang) && t('content', lang)}</th><th>{t('legalDate', lang)}</th><th>{t('recordedAt', lang)}</th><th>{t('by', lang)}</th><th>{t('decision', lang)}</th><th></th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr data-version={e.streamVersion} class={e.correctedBy.length ? 'is-corrected' : ''}>
                <td>{e.streamVersion}</td>
                <td>
                  <strong class={e.correctedBy.length ? 'corrected' : ''}>{labelOf(EVENT_LABELS, e.type, lang)}</strong>
                  {e.correctedBy.length > 0 && <span class="tag warn">{t('correctedBy', lang)} {e.correctedBy.join(', ')}</span>}
                  <div class="hint">{describe(e, lang)}</div>
                </td>
                <td>{legalDateOf(e)}</td>
                <td>{vnTime(e.recordedAt, lang)}</td>
                <td>{String(e.metadata.actorName ?? e.metadata.actor ?? '')}<div class="hint">{boardName(props.reference, String(e.metadata.boardId ?? ''), lang)}</div></td>
                <td>{String(e.data.decisionRef ?? e.metadata.decisionRef ?? '')}</td>
                <td>{mayRecord && e.type !== 'EventCorrected' && <button type="button" class="secondary" name={`correct-${e.streamVersion}`} onClick={() => setForm({ type: 'CorrectEvent', target: e })}>{t('correct', lang)}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function legalDateOf(e: RecordedEventView): string {
  const d = e.data as { issuedOn?: string; effectiveOn?: string; reportedOn?: string };
  const date = d.issuedOn ?? d.effectiveOn ?? d.reportedOn;
  return date ? formatDate(date) : '';
}

/** What the act states, every field by its label and every code in words. */
function describe(e: RecordedEventView, lang: Lang): string {
  const d = e.data as Record<string, unknown>;
  const parts: string[] = [];
  const amount = (d.amount ?? d.registeredCapital) as { vnd: string; usd?: string } | undefined;
  if (amount) parts.push(`${fieldLabel(d.amount ? 'amount' : 'registeredCapital', lang)}: ${money(amount, lang)}`);
  if (typeof d.period === 'string') parts.push(`${fieldLabel('period', lang)}: ${d.period}`);
  if (typeof d.ground === 'string') parts.push(`${fieldLabel('ground', lang)}: ${labelOf(e.type === 'ProjectSuspended' ? SUSPENSION_GROUND_LABELS : TERMINATION_GROUND_LABELS, d.ground, lang)}`);
  if (d.changes && typeof d.changes === 'object') for (const [k, v] of Object.entries(d.changes)) parts.push(`${fieldLabel(k, lang)}: ${Array.isArray(v) ? v.map((x) => (x as { name: string }).name).join('; ') : String(v)}`);
  if (e.type === 'EventCorrected') {
    parts.push(`${t('correcting', lang)} ${String(d.correctsVersion)} (${labelOf(EVENT_LABELS, String(d.correctedType), lang)})`);
    if (d.revoked) parts.push(t('revoked', lang));
  }
  if (typeof d.reason === 'string') parts.push(`${fieldLabel('reason', lang)}: ${d.reason}`);
  return parts.join(' · ');
}
