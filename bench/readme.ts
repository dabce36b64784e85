// Puts a generated block into a markdown file between a pair of marker lines; the rest is left alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Markers {
  readonly start: string;
  readonly end: string;
  /** The heading put above the markers when they are appended. */
  readonly heading: string;
}

/** The README's benchmark section. */
export const BENCH_MARKERS: Markers = {
  start: '<!-- bench:start -->',
  end: '<!-- bench:end -->',
  heading: '## Benchmarks',
};

/**
 * `text` with the lines between the marker lines replaced by `block`; markers are appended
 * (under their heading) when absent. Returns undefined when the markers are malformed.
 */
export function spliceBlock(text: string, block: string, markers: Markers = BENCH_MARKERS): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === markers.start);
  const end = lines.findIndex((line) => line.trim() === markers.end);
  const body = block.split('\n');
  if (start === -1 && end === -1) {
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return [...lines, '', markers.heading, '', markers.start, ...body, markers.end, ''].join(eol);
  }
  if (start === -1 || end === -1 || end < start) return undefined;
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join(eol);
}

/** Updates `path`; warns (and writes nothing) when it does not exist or its markers are broken. */
export function updateBlock(path: string, block: string, markers: Markers = BENCH_MARKERS): boolean {
  if (!existsSync(path)) {
    console.warn(`warning: ${path} does not exist; the generated section was not written into it`);
    return false;
  }
  const next = spliceBlock(readFileSync(path, 'utf8'), block, markers);
  if (next === undefined) {
    console.warn(`warning: ${path} has a ${markers.start} / ${markers.end} pair out of order; left unchanged`);
    return false;
  }
  writeFileSync(path, next);
  return true;
}
