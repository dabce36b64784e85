// Writes bench/results/<case id>.json: one file per benny suite, the raw evidence.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CT_RESULTS } from './config.js';
import { speedOf } from './ratios.js';
import type { CaseResult } from './types.js';
import type { RunInfo } from './run-info.js';

export function writeResults(dir: string, results: readonly CaseResult[], info: RunInfo): string[] {
  mkdirSync(dir, { recursive: true });
  const written = results.map((result) => {
    const file = join(dir, `${result.bench.id}.json`);
    const json = {
      suite: result.bench.id,
      title: result.bench.title,
      unit: result.bench.unit,
      messageBytes: result.bench.bytes,
      ...info,
      // Slow cases are timed for a fraction of the per-case time.
      ...(result.bench.timeScale ? { secondsPerCase: info.secondsPerCase * result.bench.timeScale } : {}),
      results: result.results.map((r) => ({
        name: r.name,
        ops: r.ops,
        ...(result.bench.unit === 'MB/s' ? { mbPerSecond: speedOf(result, r.name) } : {}),
        marginPercent: r.margin,
        samples: r.samples,
        roundsOps: r.rounds,
      })),
    };
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
    return file;
  });
  // Drop files of cases that no longer exist, so the folder only holds this run (and the results
  // of `npm run ct`, `npm run bench:gateway` and `npm run bench:size`).
  const current = new Set([
    ...results.map((r) => `${r.bench.id}.json`),
    basename(CT_RESULTS),
    'gateway.json',
    'bundle-size.json',
  ]);
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json') && !current.has(name)) rmSync(join(dir, name));
  }
  return written;
}
