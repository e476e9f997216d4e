/** One measured figure with its raw baseline from the same run. */
export interface Row {
  section: string;
  metric: string;
  unit: string;
  /** `higher` when more is better (throughput), `lower` for latency and memory. */
  better: 'higher' | 'lower';
  value: number | null;
  baselineName: string;
  baseline: number | null;
  /** value / baseline for throughput, baseline / value for latency: 1 = as good as raw. */
  ratio: number | null;
  note?: string;
}

export function row(r: Omit<Row, 'ratio'>): Row {
  const { value, baseline } = r;
  const ratio = value === null || baseline === null || value === 0 || baseline === 0 ? null : r.better === 'higher' ? value / baseline : baseline / value;
  return { ...r, ratio };
}

export function skipped(section: string, metric: string, reason: string): Row {
  return { section, metric, unit: '', better: 'higher', value: null, baselineName: '', baseline: null, ratio: null, note: `skipped: ${reason}` };
}

const fmt = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A plain-text table: figure, value, baseline, ratio (1.00 = raw speed). */
export function formatTable(rows: readonly Row[]): string {
  const lines = rows.map((r) => [r.section, r.metric, r.value === null ? '—' : `${fmt(r.value)} ${r.unit}`, r.baseline === null ? '' : `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`, r.ratio === null ? '' : `${(r.ratio * 100).toFixed(0)} %`, r.note ?? '']);
  const header = ['section', 'figure', 'ledger', 'raw baseline (same run)', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(render)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const out = ['| section | figure | ledger | raw baseline (same run) | ratio | note |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(`| ${r.section} | ${r.metric} | ${r.value === null ? '—' : `${fmt(r.value)} ${r.unit}`} | ${r.baseline === null ? '' : `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`} | ${r.ratio === null ? '' : `${(r.ratio * 100).toFixed(0)} %`} | ${r.note ?? ''} |`);
  }
  return out.join('\n');
}
