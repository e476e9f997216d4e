import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { ScalePoint } from './scaling';

interface Series {
  name: string;
  color: string;
  values: number[];
}

const W = 520;
const H = 340;
const PAD = { left: 70, right: 20, top: 40, bottom: 50 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One line panel with a log-scale x axis (events) and a linear y axis from 0. */
function panel(x0: number, title: string, yLabel: string, xs: number[], series: Series[]): string {
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values)) * 1.1;
  const [lx0, lx1] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const px = (x: number) => x0 + PAD.left + (lx1 === lx0 ? 0.5 : (Math.log10(x) - lx0) / (lx1 - lx0)) * (W - PAD.left - PAD.right);
  const py = (y: number) => PAD.top + (1 - y / max) * (H - PAD.top - PAD.bottom);
  const out = [`<text x="${x0 + W / 2}" y="22" font-size="15" text-anchor="middle" font-weight="bold">${esc(title)}</text>`];
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    out.push(`<line x1="${x0 + PAD.left}" x2="${x0 + W - PAD.right}" y1="${py(v)}" y2="${py(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 + PAD.left - 6}" y="${py(v) + 4}" font-size="11" text-anchor="end">${v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)}</text>`);
  }
  for (const x of xs) out.push(`<text x="${px(x)}" y="${H - PAD.bottom + 16}" font-size="11" text-anchor="middle">${x >= 1e6 ? `${x / 1e6}M` : `${Math.round(x / 1e3)}k`}</text>`);
  out.push(`<text x="${x0 + W / 2}" y="${H - 12}" font-size="12" text-anchor="middle">events in the log</text>`);
  out.push(`<text x="${x0 + 16}" y="${H / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 ${x0 + 16} ${H / 2})">${esc(yLabel)}</text>`);
  series.forEach((s, i) => {
    const pts = s.values.map((v, k) => `${px(xs[k])},${py(v)}`);
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5" points="${pts.join(' ')}"/>`);
    s.values.forEach((v, k) => out.push(`<circle cx="${px(xs[k])}" cy="${py(v)}" r="3.5" fill="${s.color}"/>`));
    out.push(`<rect x="${x0 + PAD.left + 10}" y="${PAD.top + 6 + i * 16}" width="12" height="4" fill="${s.color}"/>`);
    out.push(`<text x="${x0 + PAD.left + 28}" y="${PAD.top + 11 + i * 16}" font-size="11">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

export function scalingSvg(points: readonly ScalePoint[], title: string): string {
  const xs = points.map((p) => p.events);
  const rebuild = panel(0, 'Rebuild throughput', 'events/s', xs, [
    { name: 'ProjectionRunner.rebuild (all read models)', color: COLORS[0], values: points.map((p) => p.rebuildEventsPerSec) },
    { name: 'raw: read + JSON.parse + fold', color: COLORS[1], values: points.map((p) => p.rawEventsPerSec) },
  ]);
  const names = Object.keys(points[0]?.reportP95Ms ?? {});
  const reports = panel(W, 'Report latency p95', 'ms', xs, names.map((n, i) => ({ name: n, color: COLORS[i % COLORS.length], values: points.map((p) => p.reportP95Ms[n]) })));
  const rss = panel(2 * W, 'Rebuild peak RSS', 'MB', xs, [
    { name: 'rebuild', color: COLORS[0], values: points.map((p) => p.rebuildPeakRssMb) },
    { name: 'raw replay', color: COLORS[1], values: points.map((p) => p.rawPeakRssMb) },
  ]);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${3 * W}" height="${H + 30}" font-family="DejaVu Sans, sans-serif">
<rect width="100%" height="100%" fill="white"/>
<g transform="translate(0,30)">${rebuild}\n${reports}\n${rss}</g>
<text x="12" y="20" font-size="13" fill="#444">${esc(title)}</text>
</svg>`;
}

/** Renders the scaling points of a results JSON to PNG with resvg (a prebuilt napi package, no install script). */
export function renderScalingChart(resultsPath: string, outPath: string): void {
  const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as { scaling: ScalePoint[]; machine?: { node?: string; cpus?: number }; date?: string };
  if (!results.scaling?.length) throw new Error(`${resultsPath} has no scaling points`);
  const svg = scalingSvg(results.scaling, `ledger bench ${results.date ?? ''} — node ${results.machine?.node ?? ''}, ${results.machine?.cpus ?? '?'} cpus`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require('@resvg/resvg-js') as { Resvg: new (svg: string, options: object) => { render(): { asPng(): Buffer } } };
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } }).render().asPng();
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, png);
}

export function registerBenchChartCommand(program: Command): void {
  program
    .command('bench-chart')
    .description('render the scaling chart (PNG) from a bench results JSON')
    .argument('<results>', 'bench/results/<date>.json')
    .option('--out <file>', 'PNG to write', 'bench/scaling.png')
    .action((results: string, options: { out: string }) => {
      renderScalingChart(results, options.out);
      process.stdout.write(`wrote ${options.out}\n`);
    });
}
