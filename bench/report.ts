// The markdown report: run header, one table row per case, and how each peer is called.
import { ratio, speed } from './format.js';
import { RATIOS, ratioOf, speedOf } from './ratios.js';
import type { RunInfo } from './run-info.js';
import { IMPL_NAMES, type CaseResult } from './types.js';

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The run line and the caveat every figure needs. */
export function header(info: RunInfo): string[] {
  return [
    `Node ${info.node} · ${info.platform} · ${info.cpu} (${info.cores} cores) · ${info.date.slice(0, 10)} · ` +
      `each figure is the best of ${info.rounds} rounds of ${round2(info.secondsPerCase / info.rounds)} s ` +
      `(≥ ${info.minSamples} samples each).`,
    '',
    'Figures are from one run, all implementations side by side on a shared, noisy 2-core machine: ' +
      'compare the ratios, not the absolute numbers.',
  ];
}

/** One row per case: each implementation's speed, then oblivia wasm ÷ each peer. */
export function table(results: readonly CaseResult[]): string[] {
  const columns = ['case', 'unit', ...IMPL_NAMES, ...RATIOS.map((r) => r.label)];
  const align = ['---', '---', ...columns.slice(2).map(() => '---:')];
  const rows = results.map((result) => [
    result.bench.title,
    result.bench.unit,
    ...IMPL_NAMES.map((name) => speed(speedOf(result, name), result.bench.unit)),
    ...RATIOS.map((r) => ratio(ratioOf(result, r.peer))),
  ]);
  return [columns, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

const RATIO_NOTE =
  'Ratios are oblivia wasm ÷ peer in operations per second: above 1× oblivia wasm is faster. ' +
  'MB/s counts message bytes (10^6 B per MB).';

const METHODS = [
  '- **oblivia wasm / oblivia js**: the public API (`sha256(msg)`, `sha512(msg)`, `hmac(sha256, key, msg)`, ' +
    "`hkdf(sha256, ikm, salt, info, 32)`) with `useBackend('wasm')` or `useBackend('js')` set before the timing.",
  '- **hash-wasm**: `createSHA256()`, `createSHA512()` and `createHMAC(createSHA256(), key)` objects made once ' +
    "before the suites and reused, `init().update(msg).digest('binary')` per call — its fastest synchronous " +
    'path (the one-shot helpers resolve a Promise to a hex string). It has no HKDF: that row composes HKDF ' +
    '(RFC 5869) from HMAC written over its SHA-256 hasher, key pads rebuilt per call (`bench/peers/hash-wasm-hkdf.ts`).',
  "- **node:crypto** (the native ceiling): one-shot `hash(alg, msg, 'buffer')` (faster than `createHash` for " +
    'one call), `createHmac(...).update(msg).digest()`, `hkdfSync(...)`.',
  '- **@noble/hashes**: `sha256(msg)`, `sha512(msg)`, `hmac(sha256, key, msg)`, `hkdf(sha256, ikm, salt, info, 32)` — ' +
    'the library under oblivia js, so wasm/noble next to wasm/js shows the js backend’s overhead.',
];

/** The widest margin of error in the run, to judge how far to trust a ratio. */
function widestMargin(results: readonly CaseResult[]): string {
  let worst = { margin: 0, where: '' };
  for (const result of results) {
    for (const r of result.results) {
      if (r.margin > worst.margin) worst = { margin: r.margin, where: `${r.name}, ${result.bench.title}` };
    }
  }
  return `Widest relative margin of error in this run: ±${worst.margin.toFixed(2)}% (${worst.where}).`;
}

export function reportMarkdown(results: readonly CaseResult[], info: RunInfo): string {
  return [
    '# oblivia benchmarks',
    '',
    ...header(info),
    '',
    ...table(results),
    '',
    RATIO_NOTE,
    widestMargin(results),
    '',
    '![oblivia wasm ÷ peer, per case](report.svg)',
    '',
    '## How each implementation is called',
    '',
    ...METHODS,
    '',
    'Every output was checked byte-equal to node:crypto’s before anything was timed. ' +
      'Each round runs every case as one benny suite, implementations in rotated order; each implementation ' +
      'keeps its fastest round, since load from other processes only slows a round down. ' +
      'Per-case figures (ops/s of every round, margin and samples of the kept one) are in `bench/results/<case>.json`.',
    '',
    'Regenerate with `npm run bench`. `BENCH_TIME` sets the seconds each implementation is timed per case ' +
      '(default 1.5, split over the rounds), `BENCH_ROUNDS` the number of rounds (default 3).',
    '',
  ].join('\n');
}

/** What the README shows between its bench markers. */
export function readmeBlock(results: readonly CaseResult[], info: RunInfo): string {
  return [
    ...header(info),
    '',
    ...table(results),
    '',
    RATIO_NOTE + ' How each peer is called: [bench/results/report.md](bench/results/report.md).',
    '',
    '![oblivia wasm ÷ peer, per case](bench/results/report.svg)',
    '',
    'Regenerate with `npm run bench`.',
  ].join('\n');
}
