// `npm run ct`: dudect-style constant-time evidence (Reparaz, Balasch, Verbauwhede, "Dude, is my
// code constant time?", 2017) for the wasm core's AEADs, scalar multiplications (X25519, P-256,
// ristretto255) and Ed25519 signing, with positive controls. Writes bench/results/ct.json and the report's "Constant-time evidence"
// section. Evidence, not a gate. CT_MEASUREMENTS sets the measurements per target (the scalar
// multiplications take a share of them); CT_FILTER=<text> runs only the targets whose id contains
// it and writes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend } from '../bindings/index.js';
import { CT_RESULTS, RESULTS_DIR } from './config.js';
import { measure, warmupFor } from './ct/measure.js';
import { CT_MARKERS, ctBlock } from './ct/report.js';
import { CT_TARGETS, type CtTarget } from './ct/targets.js';
import type { CtResults, CtTargetResult } from './ct/types.js';
import { CROPS, T_THRESHOLD, percentile, tTests } from './ct/welch.js';
import { useBuild } from './peers/wasm-builds.js';
import { updateBlock } from './readme.js';
import { machineInfo } from './run-info.js';

const DEFAULT_MEASUREMENTS = 400_000;

function measurementCount(env = process.env): number {
  const raw = env['CT_MEASUREMENTS'];
  if (raw === undefined || raw === '') return DEFAULT_MEASUREMENTS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100)
    throw new RangeError(`CT_MEASUREMENTS expected a whole number ≥ 100, got "${raw}"`);
  return value;
}

/** Median nanoseconds per call of each class. */
function medians(times: Float64Array, classes: Uint8Array, batch: number): [number, number] {
  const of = (cls: number) => percentile(times.filter((_, i) => classes[i] === cls).sort(), 0.5) / batch;
  return [of(0), of(1)];
}

function run(target: CtTarget, measurements: number): CtTargetResult {
  const count = Math.max(100, Math.round(measurements * (target.countScale ?? 1)));
  if (target.build) {
    useBuild(target.build);
    useBackend('wasm');
  }
  const started = performance.now();
  const { times, classes } = measure(target.setup(), target.batch, count, warmupFor(count));
  const seconds = (performance.now() - started) / 1000;
  const crops = tTests(times, classes);
  const max = crops.reduce((a, b) => (Math.abs(b.t) > Math.abs(a.t) ? b : a));
  return {
    id: target.id,
    title: target.title,
    fixed: target.fixed,
    random: target.random,
    control: target.control,
    batch: target.batch,
    measurements: count,
    medianNsPerCall: medians(times, classes, target.batch),
    maxAbsT: Math.abs(max.t),
    maxAt: max.percentile,
    leak: Math.abs(max.t) > T_THRESHOLD,
    crops,
    seconds: Math.round(seconds * 10) / 10,
  };
}

function main(): number {
  const count = measurementCount();
  const filter = process.env['CT_FILTER'] || undefined;
  const results: CtTargetResult[] = [];
  for (const target of CT_TARGETS.filter((t) => !filter || t.id.includes(filter))) {
    process.stdout.write(`${target.title} … `);
    const result = run(target, count);
    results.push(result);
    console.log(`max |t| = ${result.maxAbsT.toFixed(2)} (${result.seconds} s)${result.leak ? ' LEAK' : ''}`);
  }
  if (filter) {
    console.log('CT_FILTER is set: nothing written');
    return 0;
  }
  const ct: CtResults = {
    method:
      'two input classes, fixed and random, interleaved at random; each measurement times a batch of calls ' +
      'with `process.hrtime.bigint()` after both classes filled the same input buffers; Welch’s t-test on all ' +
      `measurements and on the measurements below each of ${CROPS.length} percentiles (${CROPS.map((p) => p.toFixed(3)).join(', ')}); ` +
      `the largest |t| is reported, and |t| > ${T_THRESHOLD} means a leak is likely. Calls go through the public ` +
      'API with the wasm backend (a fresh AEAD object per call; raw key bytes for X25519 and P-256, raw scalar bytes for ristretto255), so key ' +
      'schedule, H or Poly1305 key derivation, scalar checks, staging and copying are all inside the timing. ' +
      'Invalid scalars cannot occur: the random class clears the top bit (P-256) or the top four bits (ristretto255, ' +
      'scalars below 2^252 < ℓ), outside the timing.',
    threshold: T_THRESHOLD,
    measurementsPerTarget: count,
    warmup: warmupFor(count),
    ...machineInfo(),
    targets: results,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(CT_RESULTS, JSON.stringify(ct, null, 2) + '\n');
  const inReport = updateBlock(join(RESULTS_DIR, 'report.md'), ctBlock(ct).join('\n'), CT_MARKERS);
  console.log(`\nwrote ${CT_RESULTS}${inReport ? ' and the report’s constant-time section' : ''}`);

  const missed = results.filter((r) => r.control && !r.leak);
  if (missed.length > 0)
    console.warn(
      `warning: positive control not detected (${missed.map((r) => r.id).join(', ')}): the harness is not sensitive enough`,
    );
  const leaks = results.filter((r) => !r.control && r.leak);
  if (leaks.length > 0) console.warn(`warning: |t| > ${T_THRESHOLD} for ${leaks.map((r) => r.id).join(', ')}`);
  return 0; // evidence, not a gate
}

process.exitCode = main();
