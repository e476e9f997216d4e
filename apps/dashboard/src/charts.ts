import type { ECharts, EChartsOption } from 'echarts';
import { chartNumber, chartValue, locale } from './format';
import { boardName, zoneName } from './filters';
import { $, state, t } from './state';
import type { ValidProjectsReply } from './types';

/** Apache ECharts, loaded by its own script tag from node_modules (no CDN: the machines have no internet). */
declare global {
  interface Window {
    echarts?: typeof import('echarts');
  }
}

const charts: Record<string, ECharts> = {};
function chart(id: string): ECharts | null {
  if (!window.echarts) return null;
  charts[id] ??= window.echarts.init($(id));
  return charts[id];
}
window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

type Groups = ValidProjectsReply['groups'];

function countBars(groups: Groups, key: string, names: (id: string) => string): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 150, right: 20, top: 30, bottom: 20 },
    yAxis: { type: 'category', data: groups.map((g) => names(g.key[key])), axisLabel: { width: 140, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: (['FDI', 'DDI'] as const).map((origin) => ({ name: origin, type: 'bar', stack: 'n', barMaxWidth: 28, data: groups.map((g) => g[origin].validProjects) })),
  };
}

export function renderCharts(): void {
  const d = state.data;
  if (!d || !window.echarts) return;
  const o = d.chartOrigin;
  const cur = o === 'FDI' ? 'USD' : 'VND';
  const unit = cur === 'USD' ? t('millionUsd') : t('billionVnd');
  const periods = d.sNew.series.map((p) => p.period);
  const val = (p: { FDI: string; DDI: string }) => chartValue(p[o], cur);
  const numberAxis = { type: 'value' as const, name: unit, axisLabel: { formatter: (v: number) => chartNumber(v) } };
  const tooltip = { trigger: 'axis' as const, valueFormatter: (v: unknown) => `${chartNumber(Number(v), 1)} ${unit}` };
  chart('chart-flow')?.setOption({
    tooltip, legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: periods }, yAxis: numberAxis,
    series: [
      { name: t('sNew'), type: 'bar', stack: 'capital', data: d.sNew.series.map(val) },
      { name: t('sInc'), type: 'bar', stack: 'capital', data: d.sInc.series.map(val) },
      { name: t('sDec'), type: 'bar', stack: 'capital', data: d.sDec.series.map((p) => -val(p)) },
    ],
  }, true);
  chart('chart-cumulative')?.setOption({
    tooltip, legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: periods }, yAxis: numberAxis,
    series: [
      { name: `${t('sRegistered')} ${o}`, type: 'line', data: d.sReg.series.map(val), smooth: true },
      { name: `${t('sRealized')} ${o}`, type: 'line', data: d.sReal.series.map(val), smooth: true, areaStyle: { opacity: 0.15 } },
    ],
  }, true);
  const nonEmpty = (r: { groups: Groups }) => r.groups.filter((g) => g.FDI.validProjects + g.DDI.validProjects > 0);
  chart('chart-board')?.setOption(countBars(nonEmpty(d.byBoard), 'boardId', boardName), true);
  chart('chart-zone')?.setOption(countBars(nonEmpty(d.byZone), 'zoneId', zoneName), true);
  const countries = d.byCountry.groups.filter((g) => g.FDI.validProjects > 0).sort((a, b) => Number(b.FDI.registeredCapital.amount) - Number(a.FDI.registeredCapital.amount));
  const regionNames = new Intl.DisplayNames([locale()], { type: 'region' });
  const countryName = (c: string) => {
    try {
      return regionNames.of(c) ?? c;
    } catch {
      return c;
    }
  };
  chart('chart-country')?.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${chartNumber(Number(v), 1)} ${t('millionUsd')}` },
    grid: { left: 70, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: countries.map((g) => `${countryName(g.key.country)} (${g.FDI.validProjects})`) },
    yAxis: { type: 'value', name: t('millionUsd'), axisLabel: { formatter: (v: number) => chartNumber(v) } },
    series: [{ name: 'FDI', type: 'bar', barMaxWidth: 60, data: countries.map((g) => chartValue(g.FDI.registeredCapital.amount, 'USD')) }],
  }, true);
}
