import { useEffect, useState } from 'preact/hooks';
import { formatDate, type Lang } from '@ledger/labels';
import type { Api, Problem } from '../api';
import { newIdempotencyKey } from '../api';
import { t } from '../i18n';
import { Field, Select, TextInput, type FieldErrors } from '../forms/fields';
import { parseDateInput } from '../money-input';

export interface Procedure {
  code: string;
  nameVi: string;
  nameEn: string;
  statutoryDays: number;
  unit: 'calendar' | 'working';
  committedDays: number;
  actTypes: string[];
}
interface InboxItem {
  dossierId: string;
  procedureCode?: string;
  channel: string;
  status: string;
  receivedAt: string;
  projectCode: string | null;
  appointmentOn: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

const CHANNELS: Record<string, Record<Lang, string>> = {
  DESK: { vi: 'Nộp trực tiếp tại bộ phận một cửa', en: 'At the one-stop desk' },
  POST: { vi: 'Qua bưu chính', en: 'By post' },
  ONLINE_PARTIAL: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online public service' },
  ONLINE_FULL: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online public service' },
};
const STATUSES: Record<string, Record<Lang, string>> = {
  IN_PROCESS: { vi: 'Đang giải quyết', en: 'In process' },
  AWAITING_SUPPLEMENT: { vi: 'Chờ bổ sung hồ sơ', en: 'Awaiting documents' },
};
const dmy = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10)) : '—');
/** "15/01/2025 09:30" (Vietnam time) → an ISO instant with +07:00. */
function instantOf(text: string): string {
  const [date, time = '08:00'] = text.trim().split(/\s+/);
  const iso = parseDateInput(date);
  return iso && /^\d{1,2}:\d{2}$/.test(time) ? `${iso}T${time.padStart(5, '0')}:00+07:00` : text;
}

/**
 * The board's one-stop inbox, soonest due first, with overdue and due-soon flags; receiving a dossier;
 * resolving one opens the act form it calls for, with the dossier attached.
 */
export function DossiersPage(props: { api: Api; lang: Lang; boardId: string; procedures: Procedure[]; resolve: (item: InboxItem, procedure: Procedure | undefined) => void }) {
  const { lang } = props;
  const [items, setItems] = useState<InboxItem[] | undefined>();
  const [receiving, setReceiving] = useState(false);
  const [form, setForm] = useState({ dossierId: '', procedureCode: '', receivedAt: '', channel: 'DESK', name: '', contact: '', projectCode: '', documents: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | undefined>();
  const [key, setKey] = useState(newIdempotencyKey);
  const procedureName = (code?: string) => {
    const p = props.procedures.find((x) => x.code === code);
    return p ? (lang === 'vi' ? p.nameVi : p.nameEn) : (code ?? '');
  };

  /** With `minPosition`, the inbox waits for the read models to include what was just recorded. */
  async function load(minPosition?: string) {
    const { data } = await props.api.GET('/api/v1/dossiers', { params: { query: (minPosition ? { minPosition } : {}) as never } });
    setItems(((data as unknown as { items: InboxItem[] }) ?? { items: [] }).items);
  }
  useEffect(() => void load(), []);

  async function receive() {
    setProblem(undefined);
    setErrors({});
    const body = {
      dossierId: form.dossierId.trim(), procedureCode: form.procedureCode, boardId: props.boardId, receivedAt: instantOf(form.receivedAt), channel: form.channel,
      applicant: { name: form.name, contact: form.contact }, ...(form.projectCode.trim() ? { projectCode: form.projectCode.trim() } : {}),
      documents: form.documents.split('\n').map((d) => d.trim()).filter(Boolean),
    };
    const post = props.api.POST as unknown as (p: string, init: object) => Promise<{ data?: { position: string }; error?: Problem }>;
    const { data, error } = await post('/api/v1/dossiers', { params: { header: { 'Idempotency-Key': key } }, body });
    if (error) {
      setProblem(error);
      setErrors(Object.fromEntries((error.errors ?? []).map((e) => [e.field, e.messages])));
      return;
    }
    setReceiving(false);
    setKey(newIdempotencyKey());
    await load(data?.position);
  }

  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <div class="card" data-dossiers>
      <h2>{t('inbox', lang)}</h2>
      <div class="actions"><button type="button" class="secondary" name="receive" onClick={() => setReceiving(true)}>{t('receiveDossier', lang)}</button></div>
      {receiving && (
        <form class="card" onSubmit={(e) => { e.preventDefault(); void receive(); }}>
          <div class="grid">
            <Field path="dossierId" lang={lang} errors={errors} label={t('dossierNo', lang)}><TextInput name="dossierId" value={form.dossierId} onInput={set('dossierId')} /></Field>
            <Field path="procedureCode" lang={lang} errors={errors} label={t('procedure', lang)}>
              <Select name="procedureCode" lang={lang} value={form.procedureCode} options={props.procedures.map((p) => ({ value: p.code, label: lang === 'vi' ? p.nameVi : p.nameEn }))} onChange={set('procedureCode')} />
            </Field>
            <Field path="receivedAt" lang={lang} errors={errors} label={t('receivedAt', lang)} hint="dd/mm/yyyy hh:mm"><TextInput name="receivedAt" value={form.receivedAt} onInput={set('receivedAt')} /></Field>
            <Field path="channel" lang={lang} errors={errors} label={t('channel', lang)}>
              <Select name="channel" lang={lang} value={form.channel} options={Object.entries(CHANNELS).map(([value, l]) => ({ value, label: l[lang] }))} onChange={set('channel')} />
            </Field>
            <Field path="applicant.name" lang={lang} errors={errors} label={t('applicant', lang)}><TextInput name="applicant.name" value={form.name} onInput={set('name')} /></Field>
            <Field path="applicant.contact" lang={lang} errors={errors} label={t('contact', lang)}><TextInput name="applicant.contact" value={form.contact} onInput={set('contact')} /></Field>
            <Field path="projectCode" lang={lang} errors={errors}><TextInput name="projectCode" value={form.projectCode} onInput={set('projectCode')} /></Field>
          </div>
          <Field path="documents" lang={lang} errors={errors} label={t('documents', lang)}><TextInput name="documents" multiline value={form.documents} onInput={set('documents')} /></Field>
          {problem && <div class="banner error" role="alert" data-code={problem.code}><strong>{problem.title}</strong> — {problem.detail}</div>}
          <div class="actions"><button type="submit">{t('confirm', lang)}</button><button type="button" class="secondary" onClick={() => setReceiving(false)}>{t('cancel', lang)}</button></div>
        </form>
      )}
      {items?.length === 0 && <p data-inbox-empty>{t('noOpenDossiers', lang)}</p>}
      {items && items.length > 0 && <table data-inbox>
        <thead><tr><th>{t('dossierNo', lang)}</th><th>{t('procedure', lang)}</th><th>{t('receivedAt', lang)}</th><th>{t('dueOn', lang)}</th><th>{t('status', lang)}</th><th>{t('projectCode', lang)}</th><th></th></tr></thead>
        <tbody>
          {items.map((d) => (
            <tr data-dossier={d.dossierId}>
              <td>{d.dossierId}</td>
              <td>{procedureName(d.procedureCode)}<div class="hint">{CHANNELS[d.channel]?.[lang] ?? d.channel}</div></td>
              <td>{dmy(d.receivedAt)}</td>
              <td>{dmy(d.appointmentOn)}{d.overdue && <span class="tag warn">{t('overdue', lang)}</span>}{d.dueSoon && <span class="tag">{t('dueSoon', lang)}</span>}</td>
              <td>{STATUSES[d.status]?.[lang] ?? d.status}</td>
              <td>{d.projectCode ?? ''}</td>
              <td>{d.status === 'IN_PROCESS' && <button type="button" class="secondary" name={`resolve-${d.dossierId}`} onClick={() => props.resolve(d, props.procedures.find((p) => p.code === d.procedureCode))}>{t('resolve', lang)}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>}
    </div>
  );
}
