import type { ComponentChildren } from 'preact';
import { fieldLabel, formatCents, formatWhole, usdInWords, vndInWords, type Lang } from '@ledger/labels';
import { completeFdiAmount, parseRateInput, parseUsdInput, parseVndInput, type FdiAmount } from '../money-input';
import { t } from '../i18n';

/** Errors of the last answer by field path ("amount.vnd"); a field shows those at or below its path. */
export type FieldErrors = Record<string, string[]>;
const errorsAt = (errors: FieldErrors, path: string) => Object.entries(errors).filter(([field]) => field === path || field.startsWith(`${path}.`)).flatMap(([, m]) => m);

export function Field(props: { path: string; lang: Lang; errors: FieldErrors; label?: string; hint?: string; children: ComponentChildren }) {
  const messages = errorsAt(props.errors, props.path);
  return (
    <div class={messages.length ? 'invalid' : ''} data-field={props.path}>
      <label>{props.label ?? fieldLabel(props.path.split('.').pop() ?? props.path, props.lang)}</label>
      {props.children}
      {props.hint && <div class="hint">{props.hint}</div>}
      {messages.map((m) => (
        <div class="field-error" role="alert">
          {m}
        </div>
      ))}
    </div>
  );
}

export function TextInput(props: { name: string; value: string; onInput: (value: string) => void; multiline?: boolean }) {
  const onInput = (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value);
  return props.multiline ? <textarea name={props.name} value={props.value} onInput={onInput} /> : <input name={props.name} value={props.value} onInput={onInput} />;
}

export function Select(props: { name: string; value: string; options: { value: string; label: string }[]; lang: Lang; onChange: (value: string) => void }) {
  return (
    <select name={props.name} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
      <option value="">{t('choose', props.lang)}</option>
      {props.options.map((o) => (
        <option value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

/** The text the officer typed for each of VND, USD and the rate, and which one the form computed. */
export interface MoneyText {
  vnd: string;
  usd: string;
  exchangeRate: string;
  computed?: keyof FdiAmount;
}
export const emptyMoney = (): MoneyText => ({ vnd: '', usd: '', exchangeRate: '' });

export function moneyOf(text: MoneyText, lang: Lang): FdiAmount {
  return {
    ...(text.vnd ? { vnd: parseVndInput(text.vnd, lang) ?? text.vnd } : {}),
    ...(text.usd ? { usd: parseUsdInput(text.usd, lang) ?? text.usd } : {}),
    ...(text.exchangeRate ? { exchangeRate: parseRateInput(text.exchangeRate, lang) ?? text.exchangeRate } : {}),
  };
}

/** Written back in the officer's format after a computation. */
function display(amount: FdiAmount, key: keyof FdiAmount, lang: Lang): string {
  const value = amount[key];
  if (!value) return '';
  if (key === 'vnd') return formatWhole(BigInt(value), lang);
  if (key === 'usd') {
    const [w, f = ''] = value.split('.');
    return formatCents(BigInt(w) * 100n + BigInt(f.padEnd(2, '0')), lang);
  }
  return lang === 'vi' ? value.replace('.', ',') : value;
}

/**
 * VND, and for FDI the USD equivalent and the rate: any two give the third (recomputed while the third is
 * empty or was computed), and the VND amount is shown in words as the certificate prints it.
 */
export function MoneyFields(props: { path: string; fdi: boolean; withRate: boolean; value: MoneyText; lang: Lang; errors: FieldErrors; onChange: (value: MoneyText) => void }) {
  const { lang, value } = props;
  const set = (key: keyof FdiAmount, text: string) => {
    let next: MoneyText = { ...value, [key]: text, ...(value.computed === key ? { computed: undefined } : {}) };
    if (props.fdi && props.withRate) {
      const filled = (['vnd', 'usd', 'exchangeRate'] as const).filter((k) => next[k] && k !== next.computed);
      const missing = (['vnd', 'usd', 'exchangeRate'] as const).find((k) => !filled.includes(k));
      if (filled.length === 2 && missing) {
        const completed = completeFdiAmount(moneyOf(next, lang), missing);
        if (completed[missing]) next = { ...next, [missing]: display(completed, missing, lang), computed: missing };
      }
    }
    props.onChange(next);
  };
  const vnd = parseVndInput(value.vnd, lang);
  const usd = parseUsdInput(value.usd, lang);
  const input = (key: keyof FdiAmount, hint: string) => (
    <Field path={`${props.path}.${key}`} lang={lang} errors={props.errors} hint={value.computed === key ? `${hint} ${t('auto', lang)}` : hint}>
      <input name={`${props.path}.${key}`} inputMode="decimal" value={value[key]} onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)} />
    </Field>
  );
  return (
    <div class="grid">
      {input('vnd', vnd ? `${t('inWords', lang)}: ${vndInWords(BigInt(vnd))}` : t('moneyHint', lang))}
      {props.fdi && input('usd', usd ? `${t('inWords', lang)}: ${usdInWords(BigInt(usd.replace('.', '')))}` : t('usdHint', lang))}
      {props.fdi && props.withRate && input('exchangeRate', lang === 'vi' ? 'VND/USD, ví dụ 23.500' : 'VND per USD, e.g. 23,500')}
    </div>
  );
}
