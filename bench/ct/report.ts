// The report's "Constant-time evidence" section, from bench/results/ct.json. `npm run bench`
// renders it into report.md; `npm run ct` rewrites it there between its markers.
import { existsSync, readFileSync } from 'node:fs';
import { REPORT_URL } from '../config.js';
import type { Markers } from '../readme.js';
import { MAX_WARMUP } from './measure.js';
import type { CtResults, CtTargetResult } from './types.js';

export const CT_MARKERS: Markers = {
  start: '<!-- ct:start -->',
  end: '<!-- ct:end -->',
  heading: '## Constant-time evidence',
};

/** The latest results, or undefined when `npm run ct` has not been run (or the file is unreadable). */
export function readCt(path: string): CtResults | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CtResults;
  } catch {
    console.warn(`warning: ${path} is not valid JSON; the constant-time section is left out`);
    return undefined;
  }
}

function crop(p: number | null): string {
  return p === null ? 'uncropped' : `≤ p${(p * 100).toFixed(p >= 0.99 ? 1 : 0)}`;
}

function verdict(t: CtTargetResult): string {
  if (t.control) return t.leak ? 'leak found, as it must be' : '**not found: the harness is not sensitive enough**';
  return t.leak ? '**leak likely**' : 'no leak detected';
}

function ns(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** The section body (without its heading): method, one row per target, caveats. */
export function ctBlock(ct: CtResults | undefined): string[] {
  if (!ct) return ['Not measured yet: run `npm run ct`, then `npm run bench`.'];
  const rows = ct.targets.map((t) => [
    t.title,
    t.fixed,
    t.random,
    t.measurements.toLocaleString('en-US'),
    `${t.maxAbsT.toFixed(2)} (${crop(t.maxAt)})`,
    `${ns(t.medianNsPerCall[0])} / ${ns(t.medianNsPerCall[1])}`,
    verdict(t),
  ]);
  const controls = ct.targets.filter((t) => t.control);
  const sensitive = controls.length > 0 && controls.every((t) => t.leak);
  const scaled = ct.targets.some((t) => t.measurements !== ct.measurementsPerTarget);
  return [
    `Node ${ct.node} · ${ct.platform} · ${ct.cpu} (${ct.cores} cores) · ${ct.date.slice(0, 10)} · ` +
      `${ct.measurementsPerTarget.toLocaleString('en-US')} measurements per target after ${ct.warmup.toLocaleString('en-US')} discarded` +
      (scaled
        ? '; the slow scalar multiplications take the share of them the table shows, each after discarding a tenth ' +
          `as many (at most ${MAX_WARMUP.toLocaleString('en-US')}).`
        : '.'),
    '',
    `Method: ${ct.method}`,
    '',
    '| target | fixed class | random class | measurements | max \\|t\\| (crop) | median ns per call, fixed / random | verdict |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    sensitive
      ? `The positive controls exceed |t| = ${ct.threshold}, so the harness sees a leak of that size on this machine.`
      : `A positive control stayed below |t| = ${ct.threshold}: the harness is not sensitive enough here, and the ` +
        'other rows say little.',
    'This is evidence, not proof: a t-test finds timing differences that show at this sample size on this CPU and ' +
      'runtime (V8’s JIT and wasm tiers included); it cannot show that none exist. Nothing asserts on it.',
    'The figures per crop are in `bench/results/ct.json`. Regenerate with `npm run ct` ' +
      '(`CT_MEASUREMENTS` sets the measurements per target).',
  ];
}

/** The section with its markers, for the report. */
export function ctSection(ct: CtResults | undefined): string[] {
  return [CT_MARKERS.heading, '', CT_MARKERS.start, ...ctBlock(ct), CT_MARKERS.end];
}

/** One line for the README. */
export function ctSummary(ct: CtResults | undefined): string | undefined {
  if (!ct) return undefined;
  const targets = ct.targets.filter((t) => !t.control);
  const controls = ct.targets.filter((t) => t.control);
  const worst = Math.max(...targets.map((t) => t.maxAbsT));
  const weakest = Math.min(...controls.map((t) => t.maxAbsT));
  return (
    `Constant-time evidence (dudect-style fixed-vs-random t-test, ${ct.date.slice(0, 10)}): largest |t| over the wasm targets ` +
    `${worst.toFixed(2)} (a leak is likely above ${ct.threshold}); the positive controls reach |t| ≥ ${weakest.toFixed(1)}. ` +
    `Details in [the report](${REPORT_URL}#constant-time-evidence).`
  );
}
