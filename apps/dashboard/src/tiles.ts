import { h, fill } from './dom';
import { changePct, fmtCount, fmtDate, fmtMoney, fmtPct, fmtTenths, minor, tenthsOf } from './format';
import { state, t } from './state';

/** "▲ +25% so với cùng kỳ", "không đổi so với cùng kỳ" or "không có số liệu cùng kỳ". */
export function change(pct: string | null): (Node | string)[] {
  if (pct === null) return [h('span', {}, t('noPrev'))];
  const tenths = tenthsOf(pct);
  if (tenths === 0n) return [h('span', {}, t('unchanged'))];
  const up = tenths > 0n;
  return [h('span', { class: up ? 'up' : 'down' }, `${up ? '▲ +' : '▼ −'}${fmtTenths(up ? tenths : -tenths)}%`), ` ${t('vsLastYear')}`];
}

export function tile(name: string, value: string, sub: string, changeNodes: (Node | string)[]): void {
  const el = document.querySelector(`[data-tile="${name}"]`) as HTMLElement;
  (el.querySelector('.tile-value') as HTMLElement).textContent = value;
  (el.querySelector('.tile-sub') as HTMLElement).textContent = sub;
  fill(el.querySelector('.tile-change') as HTMLElement, changeNodes);
}

/** Under an origin filter, the other origin's tile is hidden and its parts dropped from the lines. */
const shown = (origin: 'FDI' | 'DDI') => !state.origin || state.origin === origin;
const parts = (...items: [origin: 'FDI' | 'DDI' | null, text: string][]) => items.filter(([o]) => o === null || shown(o)).map(([, text]) => text).join(' · ');

export function renderTiles(): void {
  if (!state.data) return;
  const { valid, validPrev, activity } = state.data;
  const [V, P, A] = [valid.total, validPrev.total, activity.total];
  const at = `${t('asAt')} ${fmtDate(state.to)}`;
  (document.querySelector('[data-tile="registeredUsd"]') as HTMLElement).hidden = !shown('FDI');
  (document.querySelector('[data-tile="registeredVnd"]') as HTMLElement).hidden = !shown('DDI');
  tile('validProjects', fmtCount(V.FDI.validProjects + V.DDI.validProjects), parts(['FDI', `FDI ${fmtCount(V.FDI.validProjects)}`], ['DDI', `DDI ${fmtCount(V.DDI.validProjects)}`], [null, at]),
    change(changePct(BigInt(V.FDI.validProjects + V.DDI.validProjects), BigInt(P.FDI.validProjects + P.DDI.validProjects))));
  tile('registeredUsd', fmtMoney(V.FDI.registeredCapital.amount, 'USD'), `${fmtCount(V.FDI.validProjects)} ${t('projects')} FDI · ${at}`,
    change(changePct(minor(V.FDI.registeredCapital.amount, 'USD'), minor(P.FDI.registeredCapital.amount, 'USD'))));
  tile('registeredVnd', fmtMoney(V.DDI.registeredCapital.amount, 'VND'), `${fmtCount(V.DDI.validProjects)} ${t('projects')} DDI · ${at}`,
    change(changePct(minor(V.DDI.registeredCapital.amount, 'VND'), minor(P.DDI.registeredCapital.amount, 'VND'))));
  // Realized capital: FDI's in USD leads, unless the filter is DDI.
  const lead = shown('FDI') ? ('FDI' as const) : ('DDI' as const);
  const cur = lead === 'FDI' ? 'USD' : 'VND';
  tile('realized', fmtMoney(V[lead].realizedCapital.amount, cur),
    parts(
      [lead, `${fmtPct(V[lead].realizationRatioPct)} ${t('ofRegistered')}`],
      [lead === 'FDI' ? 'DDI' : 'FDI', `DDI ${fmtMoney(V.DDI.realizedCapital.amount, 'VND')} (${fmtPct(V.DDI.realizationRatioPct)})`],
      [null, `${t('realizedInPeriod')}: ${[shown('FDI') ? fmtMoney(A.FDI.current.realizedCapital.amount, 'USD') : null, shown('DDI') ? fmtMoney(A.DDI.current.realizedCapital.amount, 'VND') : null].filter(Boolean).join(', ')}`],
    ),
    change(changePct(minor(A[lead].current.realizedCapital.amount, cur), minor(A[lead].samePeriodLastYear.realizedCapital.amount, cur))));
  const counts = (f: (x: typeof A.FDI.current) => number) => [f(A.FDI.current), f(A.DDI.current), f(A.FDI.samePeriodLastYear), f(A.DDI.samePeriodLastYear)];
  const [nf, nd, pf, pd] = counts((f) => f.newCertificates.count);
  tile('newCertificates', fmtCount(nf + nd), parts(['FDI', `FDI ${fmtCount(nf)} (${fmtMoney(A.FDI.current.newCertificates.capital.amount, 'USD')})`], ['DDI', `DDI ${fmtCount(nd)} (${fmtMoney(A.DDI.current.newCertificates.capital.amount, 'VND')})`]),
    change(changePct(BigInt(nf + nd), BigInt(pf + pd))));
  const [af, ad, apf, apd] = counts((f) => f.adjustmentOccurrences);
  const added = [shown('FDI') ? `+${fmtMoney(A.FDI.current.increases.capital.amount, 'USD')}` : null, shown('DDI') ? `+${fmtMoney(A.DDI.current.increases.capital.amount, 'VND')}` : null].filter(Boolean).join(', ');
  tile('adjustments', fmtCount(af + ad), parts(['FDI', `FDI ${fmtCount(af)}`], ['DDI', `DDI ${fmtCount(ad)}`], [null, added]), change(changePct(BigInt(af + ad), BigInt(apf + apd))));
  const [tf, td, tpf, tpd] = counts((f) => f.terminations.count);
  tile('terminations', fmtCount(tf + td), parts(['FDI', `FDI ${fmtCount(tf)}`], ['DDI', `DDI ${fmtCount(td)}`]), change(changePct(BigInt(tf + td), BigInt(tpf + tpd))));
}
