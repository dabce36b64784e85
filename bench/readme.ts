// Puts the report's table into README.md between its bench markers; the rest is left alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

/**
 * `text` with the lines between the marker lines replaced by `block`; markers are appended
 * (under a "Benchmarks" heading) when absent. Returns undefined when the markers are malformed.
 */
export function spliceBlock(text: string, block: string): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === START);
  const end = lines.findIndex((line) => line.trim() === END);
  const body = block.split('\n');
  if (start === -1 && end === -1) {
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return [...lines, '', '## Benchmarks', '', START, ...body, END, ''].join(eol);
  }
  if (start === -1 || end === -1 || end < start) return undefined;
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join(eol);
}

/** Updates `path`; warns (and writes nothing) when it does not exist or its markers are broken. */
export function updateReadme(path: string, block: string): boolean {
  if (!existsSync(path)) {
    console.warn(`warning: ${path} does not exist; the benchmark table was not written into it`);
    return false;
  }
  const next = spliceBlock(readFileSync(path, 'utf8'), block);
  if (next === undefined) {
    console.warn(`warning: ${path} has a ${START} / ${END} pair out of order; README left unchanged`);
    return false;
  }
  writeFileSync(path, next);
  return true;
}
