import { useMemo, useState } from 'preact/hooks';
import { EVENT_LABELS, SUSPENSION_GROUND_LABELS, TERMINATION_GROUND_LABELS, fieldLabel, formatCents, formatDate, formatWhole, labelOf, type Lang } from '@ledger/labels';
import countries from 'i18n-iso-countries';
import viCountries from 'i18n-iso-countries/langs/vi.json';
import enCountries from 'i18n-iso-countries/langs/en.json';
import { newIdempotencyKey, type Api, type Problem } from '../api';
import { t } from '../i18n';
import { issuingBoardsFor, zonesOn, type Reference } from '../reference';
import type { Identity } from '../session';
import type { ProjectView, RecordedEventView, WriteResult } from '../types';
import { parseDateInput } from '../money-input';
import { Field, MoneyFields, Select, TextInput, emptyMoney, type FieldErrors } from './fields';
import {
  ACT_LABELS, ACT_PATHS, CHANGEABLE, adjustBody, capitalBody, correctionBody, emptyForm, issueBody, realizedBody, resumeBody, startOperationBody, suspendBody, terminateBody,
  type ActFormState, type ActType, type Changeable,
} from './acts';

countries.registerLocale(viCountries);
countries.registerLocale(enCountries);

/** The act type whose form edits an event of this type (a correction re-opens the act's own form). */
const ACT_OF_EVENT: Record<string, ActType> = {
  CertificateIssued: 'IssueCertificate', CapitalIncreased: 'IncreaseCapital', CapitalDecreased: 'DecreaseCapital', CertificateAdjusted: 'AdjustCertificate',
  CapitalRealized: 'RecordRealizedCapital', ProjectSuspended: 'SuspendProject', ProjectResumed: 'ResumeProject', OperationStarted: 'StartOperation', ProjectTerminated: 'TerminateProject',
};

/** Fields left empty are not sent, so the API answers "required" beside them rather than a format error. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => [k, withoutBlanks(v)]));
}

const dmy = (iso: unknown) => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : '');
const moneyText = (m: { vnd?: string; usd?: string; exchangeRate?: string } | undefined, lang: Lang) => ({
  ...emptyMoney(),
  vnd: m?.vnd ? formatWhole(BigInt(m.vnd), lang) : '',
  usd: m?.usd ? formatCents(BigInt(m.usd.replace('.', '')), lang) : '',
  exchangeRate: m?.exchangeRate ? (lang === 'vi' ? m.exchangeRate.replace('.', ',') : m.exchangeRate) : '',
});

/** The form as the recorded act reads now: what a correction starts from. */
function stateFromAct(type: ActType, data: Record<string, unknown>, lang: Lang): ActFormState {
  const s = emptyForm();
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : typeof data[k] === 'number' ? String(data[k]) : '');
  const changes = (data.changes ?? {}) as Record<string, unknown>;
  const source = type === 'AdjustCertificate' ? changes : data;
  const pick = (k: string) => (typeof source[k] === 'string' ? (source[k] as string) : typeof source[k] === 'number' ? String(source[k]) : '');
  return {
    ...s,
    projectCode: str('projectCode'), boardId: str('boardId'), zoneId: pick('zoneId'), projectName: pick('projectName'), origin: (str('origin') as ActFormState['origin']) || '',
    investors: Array.isArray(source.investors) ? (source.investors as { name: string; country: string }[]) : s.investors,
    money: moneyText((data.registeredCapital ?? data.amount) as { vnd?: string }, lang), landAreaM2: pick('landAreaM2'), objectives: pick('objectives'), durationYears: pick('durationYears'),
    implementationSchedule: pick('implementationSchedule'), issuedOn: dmy(data.issuedOn), effectiveOn: dmy(data.effectiveOn), reason: str('reason'), decisionRef: str('decisionRef'), noticeRef: str('noticeRef'), ground: str('ground'),
    reportedOn: dmy(data.reportedOn), changes: type === 'AdjustCertificate' ? (CHANGEABLE.filter((k) => k in changes) as Changeable[]) : [],
    ...(typeof data.period === 'string' ? periodFields(data.period) : {}),
  };
}

function periodFields(period: string): Pick<ActFormState, 'periodYear' | 'periodKind' | 'periodPart'> {
  const m = /^(\d{4})(?:-(H|Q)?(\d{1,2}))?$/.exec(period);
  if (!m) return { periodYear: '', periodKind: 'Q', periodPart: '1' };
  return { periodYear: m[1], periodKind: m[3] === undefined ? 'year' : m[2] === 'H' ? 'H' : m[2] === 'Q' ? 'Q' : 'M', periodPart: String(Number(m[3] ?? '1')) };
}

export interface ActFormProps {
  type: ActType;
  api: Api;
  lang: Lang;
  reference: Reference;
  identity: Identity;
  project?: ProjectView;
  /** For a correction: the act corrected, with its current reading. */
  target?: RecordedEventView & { reading: Record<string, unknown> };
  onRecorded: (result: WriteResult) => void;
  onCancel: () => void;
  onReload: () => Promise<ProjectView | undefined>;
  /** The one-stop dossier this act resolves: named in the act's metadata, then resolved with a link to it. */
  dossierId?: string;
  /** An issuance from a dossier that already names its project code. */
  initialProjectCode?: string;
}

/**
 * One form for every act: preview through the write endpoint's dry run, then record with If-Match (the
 * version loaded) and the form's own Idempotency-Key, so a double click or a retry records once.
 */
export function ActForm(props: ActFormProps) {
  const { lang, reference, project } = props;
  const editing: ActType = props.type === 'CorrectEvent' && props.target ? ACT_OF_EVENT[props.target.type] : props.type;
  const prefilled = useMemo(() => (props.target ? stateFromAct(editing, props.target.reading, lang) : undefined), [props.target]);
  const [state, setState] = useState<ActFormState>(() => prefilled ?? { ...emptyForm(), ...(project ? {} : { boardId: props.identity.boardId ?? '', projectCode: props.initialProjectCode ?? '' }) });
  const [version, setVersion] = useState<number | undefined>(project?.version);
  const [key] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | undefined>();
  const [preview, setPreview] = useState<WriteResult | undefined>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ActFormState>(k: K, v: ActFormState[K]) => setState((s) => ({ ...s, [k]: v }));
  const fdi = (project?.origin ?? state.origin) === 'FDI';
  const actDate = parseDateInput(editing === 'IssueCertificate' ? state.issuedOn : state.effectiveOn) ?? reference.today;

  const bodyOf = (s: ActFormState): unknown => {
    switch (editing) {
      case 'IssueCertificate': return issueBody(s, lang);
      case 'IncreaseCapital': case 'DecreaseCapital': return capitalBody(s, lang, fdi);
      case 'AdjustCertificate': return adjustBody(s);
      case 'RecordRealizedCapital': return realizedBody(s, lang, fdi);
      case 'SuspendProject': return suspendBody(s);
      case 'ResumeProject': return resumeBody(s);
      case 'StartOperation': return startOperationBody(s);
      case 'TerminateProject': return terminateBody(s);
      default: return {};
    }
  };

  async function send(dryRun: boolean) {
    setBusy(true);
    setProblem(undefined);
    setErrors({});
    try {
      const built = props.type === 'CorrectEvent' && prefilled ? correctionBody({ ...state, correctsVersion: String(props.target?.streamVersion) }, bodyOf(prefilled) as Record<string, unknown>, bodyOf(state) as Record<string, unknown>) : bodyOf(state);
      const body = withoutBlanks(built);
      const path = ACT_PATHS[props.type];
      const headers: Record<string, string> = { 'Idempotency-Key': key, ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}) };
      // The body is built by the typed builders in acts.ts; the path union is too wide to type here.
      const post = props.api.POST as unknown as (p: string, init: object) => Promise<{ data?: WriteResult; error?: Problem; response: Response }>;
      const query = { ...(dryRun ? { dryRun: true } : {}), ...(props.dossierId ? { dossierId: props.dossierId } : {}) };
      const { data, error } = await post(path, { params: { path: { code: project?.projectCode ?? '' }, query, header: headers }, body });
      if (error) {
        setProblem(error);
        setErrors(Object.fromEntries((error.errors ?? []).map((e) => [e.field.replace(/^correctedData\./, ''), e.messages])));
        return;
      }
      if (dryRun) setPreview(data);
      else if (data && (await resolveDossier(data))) props.onRecorded(data);
    } finally {
      setBusy(false);
    }
  }

  /** Approves the dossier with a link to the act just recorded; a refusal of the link is shown, the act stays. */
  async function resolveDossier(result: WriteResult): Promise<boolean> {
    if (!props.dossierId) return true;
    const post = props.api.POST as unknown as (p: string, init: object) => Promise<{ error?: Problem }>;
    const acts = [{ projectCode: result.projectCode, version: result.streamVersion }];
    const { error } = await post('/api/v1/dossiers/{id}/resolution', { params: { path: { id: props.dossierId }, header: { 'Idempotency-Key': `${key}-resolution` } }, body: { resolvedAt: new Date().toISOString(), outcome: 'APPROVED', acts } });
    if (error) setProblem(error);
    return !error;
  }

  async function reloadAfterConflict() {
    const fresh = await props.onReload();
    setVersion(fresh?.version);
    setProblem(undefined);
    setPreview(undefined);
  }

  const field = (path: keyof ActFormState, opts: { multiline?: boolean; hint?: string } = {}) => (
    <Field path={path} lang={lang} errors={errors} hint={opts.hint}>
      <TextInput name={path} value={state[path] as string} multiline={opts.multiline} onInput={(v) => set(path, v as never)} />
    </Field>
  );
  const dateField = (path: 'issuedOn' | 'effectiveOn' | 'reportedOn') => field(path, { hint: t('dateHint', lang) });
  const countryOptions = useMemo(() => Object.entries(countries.getNames(lang)).map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, lang)), [lang]);
  const investors = (
    <Field path="investors" lang={lang} errors={{}}>
      {state.investors.map((inv, i) => (
        <div class="investor">
          <Field path={`investors.${i}.name`} lang={lang} errors={errors} label={`${fieldLabel('name', lang)} ${i + 1}`}>
            <TextInput name={`investors.${i}.name`} value={inv.name} onInput={(v) => set('investors', state.investors.map((x, j) => (j === i ? { ...x, name: v } : x)))} />
          </Field>
          <Field path={`investors.${i}.country`} lang={lang} errors={errors}>
            <Select name={`investors.${i}.country`} lang={lang} value={inv.country} options={countryOptions} onChange={(v) => set('investors', state.investors.map((x, j) => (j === i ? { ...x, country: v } : x)))} />
          </Field>
          {state.investors.length > 1 && <button type="button" class="secondary" onClick={() => set('investors', state.investors.filter((_, j) => j !== i))}>{t('remove', lang)}</button>}
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => set('investors', [...state.investors, { name: '', country: '' }])}>{t('addInvestor', lang)}</button>
    </Field>
  );
  const zoneSelect = (boardId: string) => (
    <Field path="zoneId" lang={lang} errors={errors}>
      <Select name="zoneId" lang={lang} value={state.zoneId} options={zonesOn(reference, boardId, actDate).map((z) => ({ value: z.id, label: lang === 'vi' ? z.nameVi : z.name }))} onChange={(v) => set('zoneId', v)} />
    </Field>
  );
  const details = (keys: readonly Changeable[]) => keys.map((k) => (k === 'investors' ? investors : k === 'zoneId' ? zoneSelect(project?.boardId ?? state.boardId) : field(k, { multiline: k === 'objectives' || k === 'implementationSchedule' })));
  const moneyFields = (path: string, withRate: boolean) => <MoneyFields path={path} fdi={fdi} withRate={withRate} lang={lang} errors={errors} value={state.money} onChange={(m) => set('money', m)} />;
  const grounds = (table: Record<string, Record<Lang, string>>) => (
    <Field path="ground" lang={lang} errors={errors}>
      <Select name="ground" lang={lang} value={state.ground} options={Object.keys(table).map((code) => ({ value: code, label: labelOf(table, code, lang) }))} onChange={(v) => set('ground', v)} />
    </Field>
  );

  const fields = () => {
    switch (editing) {
      case 'IssueCertificate':
        return (
          <>
            <div class="grid">
              {field('projectCode')}
              {dateField('issuedOn')}
              <Field path="boardId" lang={lang} errors={errors}>
                <Select name="boardId" lang={lang} value={state.boardId} options={issuingBoardsFor(reference, props.identity.boardId ?? '', actDate).map((b) => ({ value: b.id, label: lang === 'vi' ? b.nameVi : b.name }))} onChange={(v) => set('boardId', v)} />
              </Field>
              {zoneSelect(state.boardId)}
              <Field path="origin" lang={lang} errors={errors}>
                <Select name="origin" lang={lang} value={state.origin} options={[{ value: 'FDI', label: 'FDI' }, { value: 'DDI', label: 'DDI' }]} onChange={(v) => set('origin', v as ActFormState['origin'])} />
              </Field>
              {field('durationYears')}
              {field('landAreaM2')}
            </div>
            {field('projectName')}
            {investors}
            <h3>{fieldLabel('registeredCapital', lang)}</h3>
            {moneyFields('registeredCapital', true)}
            {field('objectives', { multiline: true })}
            {field('implementationSchedule', { multiline: true })}
          </>
        );
      case 'IncreaseCapital':
      case 'DecreaseCapital':
        return (<>{moneyFields('amount', true)}<div class="grid">{dateField('effectiveOn')}{field('decisionRef')}</div>{field('reason', { multiline: true })}</>);
      case 'AdjustCertificate':
        return (
          <>
            <label>{t('chooseChanges', lang)}</label>
            <div class="actions">
              {CHANGEABLE.map((k) => (
                <label style="font-weight:normal"><input type="checkbox" style="width:auto" name={`change-${k}`} checked={state.changes.includes(k)} onChange={(e) => set('changes', (e.currentTarget as HTMLInputElement).checked ? [...state.changes, k] : state.changes.filter((c) => c !== k))} /> {fieldLabel(k, lang)}</label>
              ))}
            </div>
            {details(state.changes)}
            <div class="grid">{dateField('effectiveOn')}{field('decisionRef')}</div>
            {field('reason', { multiline: true })}
          </>
        );
      case 'RecordRealizedCapital':
        return (
          <>
            <div class="grid">
              <Field path="period" lang={lang} errors={errors} label={`${fieldLabel('period', lang)} — ${t('year', lang)}`}><TextInput name="periodYear" value={state.periodYear} onInput={(v) => set('periodYear', v)} /></Field>
              <Field path="periodKind" lang={lang} errors={{}} label={t('periodKind', lang)}>
                <Select name="periodKind" lang={lang} value={state.periodKind} options={[{ value: 'year', label: t('wholeYear', lang) }, { value: 'H', label: t('half', lang) }, { value: 'Q', label: t('quarter', lang) }, { value: 'M', label: t('month', lang) }]} onChange={(v) => set('periodKind', v as ActFormState['periodKind'])} />
              </Field>
              {state.periodKind !== 'year' && (
                <Field path="periodPart" lang={lang} errors={{}} label={t(state.periodKind === 'H' ? 'half' : state.periodKind === 'Q' ? 'quarter' : 'month', lang)}>
                  <Select name="periodPart" lang={lang} value={state.periodPart} options={Array.from({ length: state.periodKind === 'H' ? 2 : state.periodKind === 'Q' ? 4 : 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} onChange={(v) => set('periodPart', v)} />
                </Field>
              )}
              {dateField('reportedOn')}
            </div>
            {moneyFields('amount', false)}
          </>
        );
      case 'SuspendProject':
        return (<>{grounds(SUSPENSION_GROUND_LABELS)}<div class="grid">{dateField('effectiveOn')}{field('decisionRef')}</div></>);
      case 'ResumeProject':
        return <div class="grid">{dateField('effectiveOn')}{field('decisionRef')}</div>;
      case 'StartOperation':
        return <div class="grid">{dateField('effectiveOn')}{field('noticeRef')}</div>;
      case 'TerminateProject':
        return (<>{grounds(TERMINATION_GROUND_LABELS)}<div class="grid">{dateField('effectiveOn')}{field('decisionRef')}</div></>);
      default:
        return null;
    }
  };

  const title = props.type === 'CorrectEvent' && props.target ? `${ACT_LABELS.CorrectEvent[lang]} — ${labelOf(EVENT_LABELS, props.target.type, lang)} (#${props.target.streamVersion})` : ACT_LABELS[props.type][lang];
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); void send(false); }} data-act={props.type}>
      <h2>{title}</h2>
      {props.dossierId && <div class="banner preview" data-resolving>{t('resolvingDossier', lang)} {props.dossierId}</div>}
      {fields()}
      {props.type === 'CorrectEvent' && field('reason', { multiline: true })}
      {preview && <Preview result={preview} lang={lang} />}
      {problem && (
        <div class="banner error" role="alert" data-code={problem.code}>
          <strong>{problem.title}</strong> — {problem.detail}
          {problem.code === 'VERSION_CONFLICT' && (
            <div>
              <p>{t('conflict', lang)}</p>
              <button type="button" class="secondary" onClick={() => void reloadAfterConflict()}>{t('reload', lang)}</button>
            </div>
          )}
        </div>
      )}
      <div class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={() => void send(true)}>{t('preview', lang)}</button>
        <button type="submit" disabled={busy} name="confirm">{t('confirm', lang)}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>{t('cancel', lang)}</button>
      </div>
    </form>
  );
}

/** "Chứng nhận thay đổi lần thứ 3 — vốn đầu tư 25.850.000,00 USD": what the act would make of the certificate. */
function Preview({ result, lang }: { result: WriteResult; lang: Lang }) {
  const c = result.certificate;
  const capital = c ? (c.origin === 'FDI' && c.registeredCapital.usd ? `${formatCents(BigInt(c.registeredCapital.usd.replace('.', '')), lang)} USD` : `${formatWhole(BigInt(c.registeredCapital.vnd), lang)} ${lang === 'vi' ? 'đ' : 'VND'}`) : '';
  const line = c ? `${c.adjustmentNo > 0 ? `${t('changeNo', lang)} ${c.adjustmentNo}` : t('firstIssue', lang)} — ${t('capitalLine', lang)} ${capital}` : '';
  return (
    <div class="banner preview" data-preview>
      <strong>{t('previewTitle', lang)}</strong>
      <div>{line}</div>
      <ul>{result.events.map((e) => <li>{labelOf(EVENT_LABELS, e.type, lang)}</li>)}</ul>
    </div>
  );
}
