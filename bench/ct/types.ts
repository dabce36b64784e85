// What `npm run ct` writes to bench/results/ct.json.

/** Welch's t over the measurements at or below one percentile of all of them (all when `percentile` is null). */
export interface CropResult {
  readonly percentile: number | null;
  /** Nanoseconds per measurement kept (inclusive); absent when nothing is cropped. */
  readonly thresholdNs?: number;
  /** Measurements kept, fixed class then random class. */
  readonly n: readonly [number, number];
  readonly t: number;
}

export interface CtTargetResult {
  readonly id: string;
  readonly title: string;
  /** What the fixed and the random class feed the call. */
  readonly fixed: string;
  readonly random: string;
  /** A positive control: a deliberate leak the harness must find. */
  readonly control: boolean;
  /** Calls timed per measurement. */
  readonly batch: number;
  readonly measurements: number;
  /** Median nanoseconds per call, fixed and random class. */
  readonly medianNsPerCall: readonly [number, number];
  readonly maxAbsT: number;
  /** The crop with the largest |t|: a percentile (0–1) or null for the uncropped set. */
  readonly maxAt: number | null;
  readonly leak: boolean;
  readonly crops: readonly CropResult[];
  readonly seconds: number;
}

export interface CtResults {
  readonly method: string;
  readonly threshold: number;
  readonly measurementsPerTarget: number;
  readonly warmup: number;
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cores: number;
  readonly date: string;
  readonly targets: readonly CtTargetResult[];
}
