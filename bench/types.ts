// What a benchmark case is: one operation on fixed inputs, done by each implementation.
import type { BackendName } from '../bindings/index.js';

/** The implementations compared, in table column order. */
export const IMPL_NAMES = ['oblivia wasm', 'oblivia js', 'hash-wasm', 'node:crypto', '@noble/hashes'] as const;
export type ImplName = (typeof IMPL_NAMES)[number];

/** The implementation every output is checked against. */
export const REFERENCE: ImplName = 'node:crypto';

export interface Impl {
  readonly name: ImplName;
  /**
   * One operation; returns its output so it can be cross-checked. Write it with a block body
   * (`() => { return … }`): benchmark.js rejects an expression-bodied arrow as an empty test.
   */
  readonly run: () => Uint8Array;
  /** The oblivia backend that must be active while `run` is timed. */
  readonly backend?: BackendName;
}

export interface BenchCase {
  /** File-safe suite name: results go to bench/results/<id>.json. */
  readonly id: string;
  /** Row label in the report. */
  readonly title: string;
  /** How the report shows speed: operations or message megabytes (10^6 B) per second. */
  readonly unit: 'ops/s' | 'MB/s';
  /** Message (or input key material) bytes per operation; MB/s counts these. */
  readonly bytes: number;
  readonly impls: readonly Impl[];
}

/** One implementation's figures for one case. */
export interface ImplResult {
  readonly name: ImplName;
  readonly ops: number;
  /** Relative margin of error, percent. */
  readonly margin: number;
  readonly samples: number;
  /** ops/s of every round, in round order; `ops` is the largest. */
  readonly rounds: readonly number[];
}

export interface CaseResult {
  readonly bench: BenchCase;
  readonly results: readonly ImplResult[];
}
