import type { Lang } from '@ledger/labels';
import type { paths } from '../generated/api';
import { parseDateInput } from '../money-input';
import { moneyOf, emptyMoney, type MoneyText } from './fields';

/** Every act an officer records, and the endpoint that records it. */
export const ACT_PATHS = {
  IssueCertificate: '/api/v1/projects',
  IncreaseCapital: '/api/v1/projects/{code}/capital-increases',
  DecreaseCapital: '/api/v1/projects/{code}/capital-decreases',
  AdjustCertificate: '/api/v1/projects/{code}/adjustments',
  RecordRealizedCapital: '/api/v1/projects/{code}/realized-capital',
  SuspendProject: '/api/v1/projects/{code}/suspension',
  ResumeProject: '/api/v1/projects/{code}/resumption',
  StartOperation: '/api/v1/projects/{code}/operation-start',
  TerminateProject: '/api/v1/projects/{code}/termination',
  CorrectEvent: '/api/v1/projects/{code}/corrections',
} as const satisfies Record<string, keyof paths>;
export type ActType = keyof typeof ACT_PATHS;

/** The request body of an endpoint, as the OpenAPI document (the DTOs) defines it. */
export type BodyOf<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;

export const ACT_LABELS: Record<ActType, Record<Lang, string>> = {
  IssueCertificate: { vi: 'Cấp mới Giấy chứng nhận', en: 'Issue certificate' },
  IncreaseCapital: { vi: 'Tăng vốn', en: 'Capital increase' },
  DecreaseCapital: { vi: 'Giảm vốn', en: 'Capital decrease' },
  AdjustCertificate: { vi: 'Điều chỉnh nội dung khác', en: 'Other adjustment' },
  RecordRealizedCapital: { vi: 'Vốn thực hiện', en: 'Realized capital' },
  SuspendProject: { vi: 'Ngừng hoạt động', en: 'Suspension' },
  ResumeProject: { vi: 'Tiếp tục hoạt động', en: 'Resumption' },
  StartOperation: { vi: 'Đi vào hoạt động', en: 'Start of operation' },
  TerminateProject: { vi: 'Chấm dứt hoạt động', en: 'Termination' },
  CorrectEvent: { vi: 'Đính chính', en: 'Correction' },
};

export const CHANGEABLE = ['projectName', 'investors', 'objectives', 'landAreaM2', 'durationYears', 'implementationSchedule', 'zoneId'] as const;
export type Changeable = (typeof CHANGEABLE)[number];

/** Everything any act form holds, as typed text; each act's body takes what it needs. */
export interface ActFormState {
  projectCode: string;
  boardId: string;
  zoneId: string;
  projectName: string;
  investors: { name: string; country: string }[];
  origin: '' | 'FDI' | 'DDI';
  money: MoneyText;
  landAreaM2: string;
  objectives: string;
  durationYears: string;
  implementationSchedule: string;
  issuedOn: string;
  effectiveOn: string;
  reason: string;
  decisionRef: string;
  noticeRef: string;
  ground: string;
  periodYear: string;
  periodKind: 'year' | 'H' | 'Q' | 'M';
  periodPart: string;
  reportedOn: string;
  changes: Changeable[];
  correctsVersion: string;
}

export const emptyForm = (): ActFormState => ({
  projectCode: '', boardId: '', zoneId: '', projectName: '', investors: [{ name: '', country: '' }], origin: '', money: emptyMoney(), landAreaM2: '', objectives: '',
  durationYears: '', implementationSchedule: '', issuedOn: '', effectiveOn: '', reason: '', decisionRef: '', noticeRef: '', ground: '', periodYear: '', periodKind: 'Q', periodPart: '1',
  reportedOn: '', changes: [], correctsVersion: '',
});

/** A date as typed (dd/mm/yyyy); left as typed when unreadable so the API names the field. */
const date = (text: string) => parseDateInput(text) ?? text;
const optional = <K extends string, V>(key: K, value: V | '' | undefined) => (value === '' || value === undefined ? {} : ({ [key]: value } as Record<K, V>));
/** A whole number as typed; text that is no number is sent as typed, for the API to name the field. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : (text.trim() as unknown as number));

function money(state: ActFormState, lang: Lang, fdi: boolean): { vnd: string; usd?: string; exchangeRate?: string } {
  const m = moneyOf(state.money, lang);
  return { vnd: m.vnd ?? '', ...(fdi ? optional('usd', m.usd) : {}), ...(fdi ? optional('exchangeRate', m.exchangeRate) : {}) };
}

export function periodOf(state: ActFormState): string {
  if (state.periodKind === 'year') return state.periodYear;
  return `${state.periodYear}-${state.periodKind === 'M' ? state.periodPart.padStart(2, '0') : `${state.periodKind}${state.periodPart}`}`;
}

function details(state: ActFormState, keys: readonly Changeable[]) {
  const has = (k: Changeable) => keys.includes(k);
  return {
    ...(has('projectName') ? { projectName: state.projectName } : {}),
    ...(has('investors') ? { investors: state.investors } : {}),
    ...(has('objectives') ? { objectives: state.objectives } : {}),
    ...(has('landAreaM2') ? optional('landAreaM2', state.landAreaM2) : {}),
    ...(has('durationYears') ? { durationYears: whole(state.durationYears) } : {}),
    ...(has('implementationSchedule') ? optional('implementationSchedule', state.implementationSchedule) : {}),
    ...(has('zoneId') ? { zoneId: state.zoneId } : {}),
  };
}

export const issueBody = (s: ActFormState, lang: Lang): BodyOf<'/api/v1/projects'> => ({
  projectCode: s.projectCode.trim(),
  boardId: s.boardId,
  origin: s.origin as 'FDI' | 'DDI',
  registeredCapital: money(s, lang, s.origin === 'FDI'),
  issuedOn: date(s.issuedOn),
  projectName: s.projectName,
  investors: s.investors,
  zoneId: s.zoneId,
  objectives: s.objectives,
  durationYears: whole(s.durationYears),
  ...optional('landAreaM2', s.landAreaM2),
  ...optional('implementationSchedule', s.implementationSchedule),
});

export const capitalBody = (s: ActFormState, lang: Lang, fdi: boolean): BodyOf<'/api/v1/projects/{code}/capital-increases'> => ({
  amount: money(s, lang, fdi),
  effectiveOn: date(s.effectiveOn),
  reason: s.reason,
  ...optional('decisionRef', s.decisionRef),
});

export const adjustBody = (s: ActFormState): BodyOf<'/api/v1/projects/{code}/adjustments'> => ({
  changes: details(s, s.changes),
  effectiveOn: date(s.effectiveOn),
  reason: s.reason,
  ...optional('decisionRef', s.decisionRef),
});

export const realizedBody = (s: ActFormState, lang: Lang, fdi: boolean): BodyOf<'/api/v1/projects/{code}/realized-capital'> => ({
  period: periodOf(s),
  amount: (({ exchangeRate: _rate, ...amount }) => amount)(money(s, lang, fdi)),
  reportedOn: date(s.reportedOn),
});

export const suspendBody = (s: ActFormState): BodyOf<'/api/v1/projects/{code}/suspension'> => ({
  ground: s.ground as BodyOf<'/api/v1/projects/{code}/suspension'>['ground'],
  effectiveOn: date(s.effectiveOn),
  decisionRef: s.decisionRef,
});

export const resumeBody = (s: ActFormState): BodyOf<'/api/v1/projects/{code}/resumption'> => ({ effectiveOn: date(s.effectiveOn), decisionRef: s.decisionRef });

export const startOperationBody = (s: ActFormState): BodyOf<'/api/v1/projects/{code}/operation-start'> => ({ effectiveOn: date(s.effectiveOn), ...optional('noticeRef', s.noticeRef) });

export const terminateBody = (s: ActFormState): BodyOf<'/api/v1/projects/{code}/termination'> => ({
  ground: s.ground as BodyOf<'/api/v1/projects/{code}/termination'>['ground'],
  effectiveOn: date(s.effectiveOn),
  decisionRef: s.decisionRef,
});

/** A correction sends only what the officer changed against the act as it reads now. */
export function correctionBody(s: ActFormState, prefilled: Record<string, unknown>, edited: Record<string, unknown>): BodyOf<'/api/v1/projects/{code}/corrections'> {
  const changed = Object.fromEntries(Object.entries(edited).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(prefilled[k])));
  return { correctsVersion: Number(s.correctsVersion), correctedData: changed, reason: s.reason, ...optional('decisionRef', s.decisionRef) };
}
