import { h, fill } from './dom';
import { changePct, fmtCount, fmtDate, fmtMoney, fmtPct, fmtTenths, minor, tenthsOf } from './format';
import { state, t } from './state';

/** "▲ +25% so với cùng kỳ", "không đổi so với cùng kỳ" or "không có số liệu cùng kỳ". */
function change(pct: string | null): (Node | string)[] {
  if (pct === null) return [h('span', {}, t('noPrev'))];
  const tenths = tenthsOf(pct);
  if (tenths === 0n) return [h('span', {}, t('unchanged'))];
  const up = tenths > 0n;
  return [h('span', { class: up ? 'up' : 'down' }, `${up ? '▲ +' : '▼ −'}${fmtTenths(up ? tenths : -tenths)}%`), ` ${t('vsLastYear')}`];
}

function tile(name: string, value: string, sub: string, changeNodes: (Node | string)[]): void {
  const el = document.querySelector(`[data-tile="${name}"]`) as HTMLElement;
  (el.querySelector('.tile-value') as HTMLElement).textContent = value;
  (el.querySelector('.tile-sub') as HTMLElement).textContent = sub;
  fill(el.querySelector('.tile-change') as HTMLElement, changeNodes);
}

export function renderTiles(): void {
  if (!state.data) return;
  const { valid, validPrev, activity } = state.data;
  const [V, P, A] = [valid.total, validPrev.total, activity.total];
  const at = `${t('asAt')} ${fmtDate(state.to)}`;
  tile('validProjects', fmtCount(V.FDI.validProjects + V.DDI.validProjects), `FDI ${fmtCount(V.FDI.validProjects)} · DDI ${fmtCount(V.DDI.validProjects)} · ${at}`,
    change(changePct(BigInt(V.FDI.validProjects + V.DDI.validProjects), BigInt(P.FDI.validProjects + P.DDI.validProjects))));
  tile('registeredUsd', fmtMoney(V.FDI.registeredCapital.amount, 'USD'), `${fmtCount(V.FDI.validProjects)} ${t('projects')} FDI · ${at}`,
    change(changePct(minor(V.FDI.registeredCapital.amount, 'USD'), minor(P.FDI.registeredCapital.amount, 'USD'))));
  tile('registeredVnd', fmtMoney(V.DDI.registeredCapital.amount, 'VND'), `${fmtCount(V.DDI.validProjects)} ${t('projects')} DDI · ${at}`,
    change(changePct(minor(V.DDI.registeredCapital.amount, 'VND'), minor(P.DDI.registeredCapital.amount, 'VND'))));
  tile('realized', fmtMoney(V.FDI.realizedCapital.amount, 'USD'),
    `${fmtPct(V.FDI.realizationRatioPct)} ${t('ofRegistered')} · DDI ${fmtMoney(V.DDI.realizedCapital.amount, 'VND')} (${fmtPct(V.DDI.realizationRatioPct)}) · ${t('realizedInPeriod')}: ${fmtMoney(A.FDI.current.realizedCapital.amount, 'USD')}, ${fmtMoney(A.DDI.current.realizedCapital.amount, 'VND')}`,
    change(changePct(minor(A.FDI.current.realizedCapital.amount, 'USD'), minor(A.FDI.samePeriodLastYear.realizedCapital.amount, 'USD'))));
  const counts = (f: (x: typeof A.FDI.current) => number) => [f(A.FDI.current), f(A.DDI.current), f(A.FDI.samePeriodLastYear), f(A.DDI.samePeriodLastYear)];
  const [nf, nd, pf, pd] = counts((f) => f.newCertificates.count);
  tile('newCertificates', fmtCount(nf + nd), `FDI ${fmtCount(nf)} (${fmtMoney(A.FDI.current.newCertificates.capital.amount, 'USD')}) · DDI ${fmtCount(nd)} (${fmtMoney(A.DDI.current.newCertificates.capital.amount, 'VND')})`,
    change(changePct(BigInt(nf + nd), BigInt(pf + pd))));
  const [af, ad, apf, apd] = counts((f) => f.adjustmentOccurrences);
  tile('adjustments', fmtCount(af + ad), `FDI ${fmtCount(af)} · DDI ${fmtCount(ad)} · +${fmtMoney(A.FDI.current.increases.capital.amount, 'USD')}, +${fmtMoney(A.DDI.current.increases.capital.amount, 'VND')}`,
    change(changePct(BigInt(af + ad), BigInt(apf + apd))));
  const [tf, td, tpf, tpd] = counts((f) => f.terminations.count);
  tile('terminations', fmtCount(tf + td), `FDI ${fmtCount(tf)} · DDI ${fmtCount(td)}`, change(changePct(BigInt(tf + td), BigInt(tpf + tpd))));
}
