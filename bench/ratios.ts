// Speeds in the report's units and the oblivia-wasm-to-peer ratios.
import type { CaseResult, ImplName } from './types.js';

export function opsOf(result: CaseResult, name: ImplName): number | undefined {
  return result.results.find((r) => r.name === name)?.ops;
}

/** `name`'s speed in the case's unit: ops/s, or message MB/s (10^6 bytes). */
export function speedOf(result: CaseResult, name: ImplName): number | undefined {
  const ops = opsOf(result, name);
  if (ops === undefined) return undefined;
  return result.bench.unit === 'MB/s' ? (ops * result.bench.bytes) / 1e6 : ops;
}

/** oblivia wasm ÷ `peer`, or undefined when either is missing. */
export function ratioOf(result: CaseResult, peer: ImplName): number | undefined {
  const ours = opsOf(result, 'oblivia wasm');
  const theirs = opsOf(result, peer);
  return ours !== undefined && theirs !== undefined ? ours / theirs : undefined;
}
