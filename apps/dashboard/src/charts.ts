import type { ECharts, EChartsOption } from 'echarts';
import { formatPeriod } from '@ledger/labels';
import { axisNumber, chartNumber, chartValue, locale } from './format';
import { boardName, byId, unitName, zoneName } from './filters';
import { h } from './dom';
import { $, state, t } from './state';
import type { ValidProjectsReply } from './types';

/** Apache ECharts, loaded by its own script tag from node_modules (no CDN: the machines have no internet). */
declare global {
  interface Window {
    echarts?: typeof import('echarts');
  }
}

const charts: Record<string, ECharts> = {};
/** SVG, so axis labels are text in the page (readable by assistive tools and by the browser tests). */
function chart(id: string): ECharts | null {
  if (!window.echarts) return null;
  charts[id] ??= window.echarts.init($(id), undefined, { renderer: 'svg' });
  return charts[id];
}

/** A bar per category, every one labelled: the chart grows with the number of bars instead of skipping labels. */
function fitHeight(id: string, bars: number): void {
  const height = `${Math.max(300, 60 + bars * 26)}px`;
  if ($(id).style.height !== height) {
    $(id).style.height = height;
    charts[id]?.resize();
  }
}

/**
 * Boards by their province ("Bắc Giang"), as analysts call them, the full name in the tooltip; where
 * a province has two boards on the chart, the full names.
 */
function boardLabels(ids: string[]): { short: string[]; full: string[] } {
  const full = ids.map(boardName);
  const province = ids.map((id) => unitName(byId(state.reference.provinces, byId(state.reference.boards, id)?.provinceId ?? '')));
  const short = province.map((p, i) => (p && province.indexOf(p) === province.lastIndexOf(p) ? p : full[i]));
  return { short, full };
}
window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

type Groups = ValidProjectsReply['groups'];

function countBars(groups: Groups, labels: { short: string[]; full: string[] }): EChartsOption {
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: any) => {
        const list = Array.isArray(params) ? params : [params];
        const index = list[0]?.dataIndex ?? 0;
        // ECharts takes an element: the names are text nodes, never parsed as HTML.
        return h('div', {}, h('strong', {}, labels.full[index] ?? ''), ...list.flatMap((p: any) => [h('br'), `${p.seriesName}: ${chartNumber(Number(p.value))}`]));
      },
    },
    legend: { top: 0 },
    grid: { left: 20, right: 20, top: 30, bottom: 20, containLabel: true },
    yAxis: { type: 'category', data: labels.short, inverse: true, axisLabel: { interval: 0, width: 260, overflow: 'break' } },
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
  const periods = d.sNew.series.map((p) => formatPeriod(p.period, state.lang));
  const val = (p: { FDI: string; DDI: string }) => chartValue(p[o], cur);
  const numberAxis = { type: 'value' as const, name: unit, axisLabel: { formatter: axisNumber } };
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
  const boards = nonEmpty(d.byBoard);
  const zones = nonEmpty(d.byZone);
  fitHeight('chart-board', boards.length);
  fitHeight('chart-zone', zones.length);
  chart('chart-board')?.setOption(countBars(boards, boardLabels(boards.map((g) => g.key.boardId))), true);
  const zoneNames = zones.map((g) => zoneName(g.key.zoneId));
  chart('chart-zone')?.setOption(countBars(zones, { short: zoneNames, full: zoneNames }), true);
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
    grid: { left: 20, right: 20, top: 30, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: countries.map((g) => `${countryName(g.key.country)} (${g.FDI.validProjects})`), axisLabel: { interval: 0, rotate: countries.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', name: t('millionUsd'), axisLabel: { formatter: axisNumber } },
    series: [{ name: 'FDI', type: 'bar', barMaxWidth: 60, data: countries.map((g) => chartValue(g.FDI.registeredCapital.amount, 'USD')) }],
  }, true);
  // Occupancy of each zone operating at the period's end (leased land of valid projects / leasable land).
  const operating = (d.deskAndZones.zones?.zones ?? []).filter((z) => z.status === 'OPERATING' && z.occupancyPct !== null);
  fitHeight('chart-occupancy', operating.length);
  chart('chart-occupancy')?.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${chartNumber(Number(v), 1)}%` },
    grid: { left: 20, right: 20, top: 20, bottom: 20, containLabel: true },
    yAxis: { type: 'category', data: operating.map((z) => zoneName(z.zoneId)), axisLabel: { interval: 0 } },
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
    series: [{ type: 'bar', barMaxWidth: 28, data: operating.map((z) => Number(z.occupancyPct)) }],
  }, true);
}
