// A hand-written SVG: horizontal bars of oblivia wasm ÷ peer per case, on a log2 axis centred on
// 1× (bars to the right: oblivia wasm is faster), one section per report table.
import { ratio } from './format.js';
import { GROUPS, type Group } from './groups.js';
import { ratioOf } from './ratios.js';
import type { RunInfo } from './run-info.js';
import type { CaseResult } from './types.js';

/** One colour per ratio label, the same in every section. */
const COLORS: Record<string, string> = {
  'wasm/scalar': '#8c8c8c',
  'wasm/js': '#7b5ea7',
  'wasm/hash-wasm': '#d9952b',
  'wasm/libsodium': '#d9952b',
  'wasm/node': '#3b7f4a',
  'wasm/noble': '#c8504b',
  'wasm/WebCrypto': '#2f6db5',
  'wasm/hpke-js': '#2a9d8f',
  'wasm/voprf-ts': '#2a9d8f',
};
const WIDTH = 860;
const LABEL_RIGHT = 240; // case labels end here
const PLOT_LEFT = LABEL_RIGHT + 56; // room for value labels of bars below 1×
const PLOT_RIGHT = WIDTH - 64;
const TOP = 56;
const SECTION_HEAD = 46; // section title and legend
const BAR = 10;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const SECTION_GAP = 44; // room for the axis labels under a section

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escape(content)}</text>`;
}

interface Axis {
  readonly lo: number;
  readonly hi: number;
}

/** The axis in whole octaves, always including 0.5× … 2×. */
function octaves(values: readonly number[]): Axis {
  const logs = values.map(Math.log2);
  return { lo: Math.min(-1, Math.floor(Math.min(...logs))), hi: Math.max(1, Math.ceil(Math.max(...logs))) };
}

function tickLabel(k: number): string {
  return k >= -3 ? `${2 ** k}×` : `1/${2 ** -k}×`;
}

interface Bar {
  readonly label: string;
  readonly value: number;
}

/** The bars of one case: only the ratios it has, in the group's order. */
function barsOf(result: CaseResult, group: Group): Bar[] {
  return group.ratios.flatMap((r) => {
    const value = ratioOf(result, r.peer);
    return value !== undefined && value > 0 ? [{ label: r.label, value }] : [];
  });
}

/** Bold name and grey detail: the case's chart label, or its title split at " (". */
function labelOf(result: CaseResult): readonly [string, string | undefined] {
  if (result.bench.chartLabel) return result.bench.chartLabel;
  const [name = '', detail] = result.bench.title.split(' (');
  return [name, detail && `(${detail}`];
}

function caseHeight(bars: number): number {
  return Math.max(1, bars) * (BAR + BAR_GAP) - BAR_GAP;
}

/** One section at `top`; returns its SVG elements and the y where the next section may start. */
function section(
  group: Group,
  results: readonly CaseResult[],
  top: number,
  axis: Axis,
): { out: string[]; bottom: number } {
  const bars = results.map((result) => barsOf(result, group));
  const { lo, hi } = axis;
  const x = (r: number) => PLOT_LEFT + ((Math.log2(r) - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT);
  const plotTop = top + SECTION_HEAD;
  const plotBottom = plotTop + bars.reduce((sum, b) => sum + caseHeight(b.length) + GROUP_GAP, 0) - GROUP_GAP;
  const out: string[] = [text(16, top + 14, group.heading, 'font-size="13" font-weight="600"')];

  // Legend: the ratios this section shows.
  group.ratios.forEach((r, i) => {
    const lx = 16 + i * 124;
    out.push(
      `<rect x="${lx}" y="${top + 22}" width="12" height="12" fill="${COLORS[r.label] ?? '#444'}"/>`,
      text(lx + 17, top + 32, r.label),
    );
  });

  // Grid: one line per octave, 1× in black.
  for (let k = lo; k <= hi; k++) {
    const gx = x(2 ** k).toFixed(1);
    const stroke = k === 0 ? 'stroke="#222" stroke-width="1.2"' : 'stroke="#ddd"';
    out.push(
      `<line x1="${gx}" y1="${plotTop - 6}" x2="${gx}" y2="${plotBottom + 6}" ${stroke}/>`,
      text(Number(gx), plotBottom + 22, tickLabel(k), 'text-anchor="middle" fill="#555"'),
    );
  }

  let gy = plotTop;
  results.forEach((result, g) => {
    const mine = bars[g] ?? [];
    const height = caseHeight(mine.length);
    const [name, detail] = labelOf(result);
    const mid = gy + height / 2;
    out.push(text(LABEL_RIGHT, detail ? mid - 2 : mid + 4, name, 'text-anchor="end" font-weight="600" font-size="12"'));
    if (detail) out.push(text(LABEL_RIGHT, mid + 12, detail, 'text-anchor="end" fill="#666" font-size="10"'));
    mine.forEach((bar, i) => {
      const y = gy + i * (BAR + BAR_GAP);
      const x1 = x(1);
      const xr = x(bar.value);
      const left = Math.min(x1, xr);
      const width = Math.max(1, Math.abs(xr - x1));
      const label =
        bar.value >= 1
          ? text(xr + 4, y + BAR - 1.5, ratio(bar.value), 'font-size="10"')
          : text(xr - 4, y + BAR - 1.5, ratio(bar.value), 'text-anchor="end" font-size="10"');
      out.push(
        `<rect x="${left.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${COLORS[bar.label] ?? '#444'}">` +
          `<title>${escape(`${result.bench.title}: ${bar.label} = ${ratio(bar.value)}`)}</title></rect>`,
        label,
      );
    });
    gy += height + GROUP_GAP;
  });
  return { out, bottom: plotBottom + SECTION_GAP };
}

export function chartSvg(results: readonly CaseResult[], info: RunInfo): string {
  const body: string[] = [];
  // One axis for every section, so bars of equal length mean equal ratios throughout.
  const axis = octaves(
    GROUPS.flatMap((g) =>
      results.filter((r) => r.bench.group === g.id).flatMap((r) => barsOf(r, g).map((b) => b.value)),
    ),
  );
  let y = TOP;
  for (const group of GROUPS) {
    const mine = results.filter((r) => r.bench.group === group.id);
    if (mine.length === 0) continue;
    const { out, bottom } = section(group, mine, y, axis);
    body.push(...out);
    y = bottom;
  }
  const height = y - 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11" fill="#222">`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    text(16, 24, 'oblivia wasm ÷ peer, operations per second (log scale)', 'font-size="15" font-weight="600"'),
    text(
      16,
      42,
      `Right of 1×: oblivia wasm is faster. One run, side by side, on a shared 2-core machine · Node ${info.node} · ${info.date.slice(0, 10)}`,
      'fill="#555"',
    ),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
