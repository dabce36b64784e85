// A hand-written SVG: horizontal bars of oblivia wasm ÷ peer per case, on a log2 axis
// centred on 1× (bars to the right: oblivia wasm is faster).
import { ratio } from './format.js';
import { RATIOS, ratioOf } from './ratios.js';
import type { RunInfo } from './run-info.js';
import type { CaseResult } from './types.js';

const COLORS = ['#7b5ea7', '#d9952b', '#3b7f4a', '#c8504b'];
const WIDTH = 860;
const LABEL_RIGHT = 240; // case labels end here
const PLOT_LEFT = LABEL_RIGHT + 56; // room for value labels of bars below 1×
const PLOT_RIGHT = WIDTH - 64;
const TOP = 92;
const BAR = 11;
const BAR_GAP = 3;
const GROUP_GAP = 14;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escape(content)}</text>`;
}

/** The axis in whole octaves, always including 0.5× … 2×. */
function octaves(values: readonly number[]): { lo: number; hi: number } {
  const logs = values.map(Math.log2);
  return { lo: Math.min(-1, Math.floor(Math.min(...logs))), hi: Math.max(1, Math.ceil(Math.max(...logs))) };
}

function tickLabel(k: number): string {
  return k >= -3 ? `${2 ** k}×` : `1/${2 ** -k}×`;
}

export function chartSvg(results: readonly CaseResult[], info: RunInfo): string {
  const ratios = results.map((result) => RATIOS.map((r) => ratioOf(result, r.peer)));
  const { lo, hi } = octaves(ratios.flat().filter((r): r is number => r !== undefined && r > 0));
  const x = (r: number) => PLOT_LEFT + ((Math.log2(r) - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT);
  const groupHeight = RATIOS.length * (BAR + BAR_GAP) - BAR_GAP;
  const plotBottom = TOP + results.length * (groupHeight + GROUP_GAP) - GROUP_GAP;
  const height = plotBottom + 40;
  const out: string[] = [];

  out.push(
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
  );

  // Legend.
  RATIOS.forEach((r, i) => {
    const lx = 16 + i * 130;
    out.push(`<rect x="${lx}" y="56" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`, text(lx + 17, 66, r.label));
  });

  // Grid: one line per octave, 1× in black.
  for (let k = lo; k <= hi; k++) {
    const gx = x(2 ** k).toFixed(1);
    const stroke = k === 0 ? 'stroke="#222" stroke-width="1.2"' : 'stroke="#ddd"';
    out.push(
      `<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${plotBottom + 6}" ${stroke}/>`,
      text(Number(gx), plotBottom + 22, tickLabel(k), 'text-anchor="middle" fill="#555"'),
    );
  }

  results.forEach((result, g) => {
    const gy = TOP + g * (groupHeight + GROUP_GAP);
    const [name, detail] = result.bench.title.split(' (');
    const mid = gy + groupHeight / 2;
    out.push(text(LABEL_RIGHT, detail ? mid - 2 : mid + 4, name ?? '', 'text-anchor="end" font-weight="600" font-size="12"'));
    if (detail) out.push(text(LABEL_RIGHT, mid + 12, `(${detail}`, 'text-anchor="end" fill="#666" font-size="10"'));
    ratios[g]?.forEach((r, i) => {
      if (r === undefined || !(r > 0)) return;
      const y = gy + i * (BAR + BAR_GAP);
      const x1 = x(1);
      const xr = x(r);
      const left = Math.min(x1, xr);
      const width = Math.max(1, Math.abs(xr - x1));
      const label = r >= 1 ? text(xr + 4, y + BAR - 1.5, ratio(r)) : text(xr - 4, y + BAR - 1.5, ratio(r), 'text-anchor="end"');
      out.push(
        `<rect x="${left.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${COLORS[i % COLORS.length]}">` +
          `<title>${escape(`${result.bench.title}: ${RATIOS[i]?.label ?? ''} = ${ratio(r)}`)}</title></rect>`,
        label,
      );
    });
  });

  out.push('</svg>', '');
  return out.join('\n');
}
