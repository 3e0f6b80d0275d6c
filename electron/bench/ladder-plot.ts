// The size ladder's plot: one small panel per figure, library size on a logarithmic x axis,
// the measured points joined, and the issue's targets as a dashed line (the 50,000 target up
// to 50,000, the 1,000,000 target from a million, joined in between). A few dozen lines of
// plain SVG: no chart library for ten polylines.

export interface LadderRun {
  size: number;
  startedAt: string;
  commit: string;
  /** os.loadavg() before and after the size's run: a loaded machine shows here. */
  loadBefore: number[];
  loadAfter: number[];
  cpus: number;
  figures: Record<string, number | string>;
}

interface Panel {
  title: string;
  unit: string;
  /** Figures drawn (first solid, second dotted), with their legend. */
  series: { key: string; label: string }[];
  /** Multiplies the figure for display (ms → s). */
  scale?: number;
  /** Targets at 50,000 and at 1,000,000 stories (null: none at that size). */
  target: [number | null, number | null];
  /** True when more is better (import rate). */
  higherBetter?: boolean;
}

export const LADDER_PANELS: Panel[] = [
  { title: 'Cold open to the first list page', unit: 'ms', series: [{ key: 'coldOpenMs', label: 'first open' }, { key: 'coldOpenFromSnapshotMs', label: 'with snapshot' }], target: [500, 1_500] },
  { title: 'Search, two words, p95', unit: 'ms', series: [{ key: 'searchP95Ms', label: 'after build' }, { key: 'searchP95FromSnapshotMs', label: 'from snapshot' }], target: [2, 20] },
  { title: 'Quoted phrase, p95', unit: 'ms', series: [{ key: 'searchPhraseP95Ms', label: 'p95' }], target: [20, 100] },
  { title: 'Related stories, p95', unit: 'ms', series: [{ key: 'relatedMs', label: 'p95' }], target: [25, 100] },
  { title: 'Tag edit durably on disk, median', unit: 'ms', series: [{ key: 'editPersistMs', label: 'median' }], target: [5, 20] },
  { title: 'Resident memory, all processes, idle', unit: 'MB', series: [{ key: 'rssAllSnapshotIdleMB', label: 'started from snapshot' }, { key: 'rssAllMB', label: 'after a full build' }], target: [350, 1_536] },
  { title: 'Indexes ready from the snapshot', unit: 's', scale: 1 / 1000, series: [{ key: 'indexReadyFromSnapshotMs', label: 'ready' }], target: [2, 10] },
  { title: 'Full index build (background)', unit: 's', scale: 1 / 1000, series: [{ key: 'indexReadyMs', label: 'build' }], target: [40, 900] },
  { title: 'Import rate', unit: 'files/s', series: [{ key: 'importFilesPerSec', label: 'files/s' }], target: [4_000, 4_000], higherBetter: true },
  { title: 'Disk: library + cache ÷ wire text', unit: '×', series: [{ key: 'diskRatio', label: 'ratio' }], target: [null, 2.5] },
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const sizeLabel = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1_000 ? `${size / 1_000}k` : String(size));

const PANEL_W = 330;
const PANEL_H = 210;
const COLUMNS = 2;
const PAD = { left: 52, right: 14, top: 34, bottom: 40 };
const T50 = 50_000;
const T1M = 1_000_000;

/** The target at library size `size`: the 50,000 one below it, the million one above, joined on the log scale between. */
export function targetAt(target: [number | null, number | null], size: number): number | null {
  const [low, high] = target;
  if (low === null || high === null) return low ?? high;
  if (size <= T50) return low;
  if (size >= T1M) return high;
  const t = Math.log(size / T50) / Math.log(T1M / T50);
  return low + (high - low) * t;
}

function panelSvg(panel: Panel, runs: LadderRun[], x0: number, y0: number, xMin: number, xMax: number): string {
  const plotW = PANEL_W - PAD.left - PAD.right;
  const plotH = PANEL_H - PAD.top - PAD.bottom;
  const scale = panel.scale ?? 1;
  const points = panel.series.map(({ key }) =>
    runs.flatMap((run) => {
      const value = run.figures[key];
      return typeof value === 'number' && Number.isFinite(value) ? [{ size: run.size, value: value * scale }] : [];
    }),
  );
  const targetSizes = [xMin, T50, T1M, xMax].filter((size) => size >= xMin && size <= xMax).sort((a, b) => a - b);
  const targets = targetSizes.flatMap((size) => {
    const value = targetAt(panel.target, size);
    return value === null ? [] : [{ size, value }];
  });
  const yMax = Math.max(1e-9, ...points.flat().map((point) => point.value), ...targets.map((point) => point.value)) * 1.15;
  const x = (size: number) => x0 + PAD.left + (Math.log(size / xMin) / Math.log(xMax / xMin)) * plotW;
  const y = (value: number) => y0 + PAD.top + plotH - (value / yMax) * plotH;
  const out: string[] = [];
  out.push(`<text x="${x0 + PAD.left}" y="${y0 + 18}" class="title">${escapeXml(panel.title)} (${escapeXml(panel.unit)})</text>`);
  out.push(`<rect x="${x0 + PAD.left}" y="${y0 + PAD.top}" width="${plotW}" height="${plotH}" class="frame"/>`);
  for (const fraction of [0, 0.5, 1]) {
    const value = (yMax / 1.15) * fraction;
    out.push(`<text x="${x0 + PAD.left - 4}" y="${y(value) + 4}" class="tick" text-anchor="end">${fmt(value)}</text>`);
    out.push(`<line x1="${x0 + PAD.left}" x2="${x0 + PAD.left + plotW}" y1="${y(value)}" y2="${y(value)}" class="grid"/>`);
  }
  const sizes = [...new Set([...runs.map((run) => run.size), T50, T1M])].sort((a, b) => a - b);
  for (const size of sizes) {
    out.push(`<line x1="${x(size)}" x2="${x(size)}" y1="${y0 + PAD.top + plotH}" y2="${y0 + PAD.top + plotH + 4}" class="axis"/>`);
    out.push(`<text x="${x(size)}" y="${y0 + PAD.top + plotH + 16}" class="tick" text-anchor="middle">${sizeLabel(size)}</text>`);
  }
  if (targets.length) {
    out.push(`<polyline points="${targets.map((point) => `${x(point.size).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ')}" class="target"/>`);
    const last = targets.at(-1)!;
    out.push(`<text x="${x(last.size) - 2}" y="${y(last.value) - 4}" class="targetlabel" text-anchor="end">target ${panel.higherBetter ? '≥' : '≤'} ${fmt(last.value)}</text>`);
  }
  points.forEach((series, index) => {
    const style = index === 0 ? 'series' : 'series second';
    if (series.length > 1) out.push(`<polyline points="${series.map((point) => `${x(point.size).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ')}" class="${style}"/>`);
    for (const point of series) {
      out.push(`<circle cx="${x(point.size).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3" class="${index === 0 ? 'dot' : 'dot second'}"><title>${escapeXml(`${panel.series[index]!.label}: ${fmt(point.value)} ${panel.unit} at ${point.size.toLocaleString('en-US')}`)}</title></circle>`);
    }
  });
  const legend = panel.series.map((series, index) => `${index === 0 ? '●' : '○'} ${series.label}`).join('   ');
  out.push(`<text x="${x0 + PAD.left}" y="${y0 + PANEL_H - 8}" class="legend">${escapeXml(legend)}</text>`);
  return out.join('\n');
}

/** The whole plot as an SVG document. */
export function ladderSvg(runs: LadderRun[]): string {
  const sizes = runs.map((run) => run.size);
  const xMin = Math.min(T50, ...sizes) / 1.5;
  const xMax = Math.max(T1M, ...sizes) * 1.5;
  const rows = Math.ceil(LADDER_PANELS.length / COLUMNS);
  const width = PANEL_W * COLUMNS;
  const header = 64;
  const height = header + rows * PANEL_H;
  const load = runs.map((run) => `${sizeLabel(run.size)}: ${Math.max(...run.loadBefore, ...run.loadAfter).toFixed(1)}`).join(', ');
  const loaded = runs.some((run) => Math.max(...run.loadBefore, ...run.loadAfter) > run.cpus);
  const panels = LADDER_PANELS.map((panel, index) => panelSvg(panel, runs, (index % COLUMNS) * PANEL_W, header + Math.floor(index / COLUMNS) * PANEL_H, xMin, xMax));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<style>
.title{font-size:12px;font-weight:bold;fill:#222}.tick{font-size:10px;fill:#555}.legend{font-size:10px;fill:#333}
.frame{fill:#fafafa;stroke:#bbb}.grid{stroke:#e4e4e4}.axis{stroke:#888}
.series{fill:none;stroke:#1f5fa8;stroke-width:2}.series.second{stroke:#1f5fa8;stroke-dasharray:2 3}
.dot{fill:#1f5fa8}.dot.second{fill:#fff;stroke:#1f5fa8}
.target{fill:none;stroke:#c0392b;stroke-width:1.5;stroke-dasharray:6 4}.targetlabel{font-size:10px;fill:#c0392b}
.note{font-size:11px;fill:#444}.note.loaded{fill:#c0392b;font-weight:bold}
</style>
<rect width="${width}" height="${height}" fill="#fff"/>
<text x="12" y="20" class="title">Kroniek: each figure against library size (files imported; log scale). Dashed red: the issue's targets.</text>
<text x="12" y="38" class="note">${escapeXml(`Commit ${[...new Set(runs.map((run) => run.commit))].join(', ')}; ${runs[0]?.cpus ?? '?'} cores; ${runs.map((run) => run.startedAt.slice(0, 16).replace('T', ' ')).join(', ')} UTC`)}</text>
<text x="12" y="54" class="note${loaded ? ' loaded' : ''}">${escapeXml(`Highest load average per size: ${load}${loaded ? ' (UNDER LOAD: more than the machine has cores)' : ''}`)}</text>
${panels.join('\n')}
</svg>
`;
}
