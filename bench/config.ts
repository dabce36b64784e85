// Run settings and where the outputs go.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, integer: boolean): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} expected a ${integer ? 'whole number' : 'number'} > 0, got "${raw}"`);
  }
  return value;
}

export interface RunSettings {
  /** Seconds each implementation is timed per case, over all rounds (BENCH_TIME). */
  readonly secondsPerCase: number;
  /** Rounds over all cases; each implementation keeps its fastest round (BENCH_ROUNDS). */
  readonly rounds: number;
  /** benny/benchmark.js options for one implementation in one round. */
  readonly caseOptions: { readonly minSamples: number; readonly maxTime: number; readonly minTime: number };
}

/** The defaults of BENCH_TIME and BENCH_ROUNDS. */
export const DEFAULT_SECONDS_PER_CASE = 2.5;
export const DEFAULT_ROUNDS = 5;

export function runSettings(env = process.env): RunSettings {
  const secondsPerCase = positive(env, 'BENCH_TIME', DEFAULT_SECONDS_PER_CASE, false);
  const rounds = positive(env, 'BENCH_ROUNDS', DEFAULT_ROUNDS, true);
  // Samples of 25 ms (benchmark.js's default, 50 ms, is meant for coarse timers): more samples per
  // round and less calibration time per implementation, which the AEAD cases need to fit the budget.
  return { secondsPerCase, rounds, caseOptions: { minSamples: 5, maxTime: secondsPerCase / rounds, minTime: 0.025 } };
}

/** The repository root: the nearest directory above this file with a package.json. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: no package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot();
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
export const CT_RESULTS = join(RESULTS_DIR, 'ct.json');
export const README = join(ROOT, 'README.md');
/** The README links to the report on GitHub: the npm registry shows the README without the files beside it. */
export const REPORT_URL = 'https://github.com/oblivia-dev/oblivia/blob/main/bench/results/report.md';
export const CHART_URL = 'https://raw.githubusercontent.com/oblivia-dev/oblivia/main/bench/results/report.svg';
/** Where `npm run bench:gateway` writes its table. */
export const SERVING_DOC = join(ROOT, 'docs', 'serving.md');
