// Welch's t-test on the two classes, on all measurements and on crops at several percentiles
// (dudect: long tails from interrupts and GC hide a shift in the bulk of the distribution).
import type { CropResult } from './types.js';

/** |t| above this: the two classes likely differ in time (dudect's threshold). */
export const T_THRESHOLD = 4.5;

/** dudect's crop percentiles 1 − 0.5^(10·k/n), here for n = 10: 0.5, 0.75, … 0.999. */
export const CROPS: readonly number[] = Array.from({ length: 10 }, (_, k) => 1 - 0.5 ** (k + 1));

/** Welch's t statistic of two samples given as count, mean and sum of squared deviations. */
function welch(a: Moments, b: Moments): number {
  const va = a.m2 / (a.n - 1);
  const vb = b.m2 / (b.n - 1);
  const se = Math.sqrt(va / a.n + vb / b.n);
  return se > 0 ? (a.mean - b.mean) / se : 0;
}

interface Moments {
  n: number;
  mean: number;
  m2: number;
}

/** Welford's running mean and variance, per class, of the measurements at or below `limit`. */
function moments(times: Float64Array, classes: Uint8Array, limit: number): [Moments, Moments] {
  const m: [Moments, Moments] = [
    { n: 0, mean: 0, m2: 0 },
    { n: 0, mean: 0, m2: 0 },
  ];
  for (let i = 0; i < times.length; i++) {
    const x = times[i]!;
    if (x > limit) continue;
    const s = m[classes[i]! as 0 | 1];
    s.n++;
    const d = x - s.mean;
    s.mean += d / s.n;
    s.m2 += d * (x - s.mean);
  }
  return m;
}

/** The value at `p` (0–1) of the sorted array (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

/** The uncropped test, then one per crop; crops come from the distribution of both classes together. */
export function tTests(times: Float64Array, classes: Uint8Array): CropResult[] {
  const sorted = Float64Array.from(times).sort();
  const test = (limit: number) => {
    const [fixed, random] = moments(times, classes, limit);
    return { n: [fixed.n, random.n] as const, t: fixed.n > 1 && random.n > 1 ? welch(fixed, random) : 0 };
  };
  return [
    { percentile: null, ...test(Infinity) },
    ...CROPS.map((p) => {
      const thresholdNs = percentile(sorted, p);
      return { percentile: p, thresholdNs, ...test(thresholdNs) };
    }),
  ];
}
