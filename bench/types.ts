// What a benchmark case is: one operation on fixed inputs, done by each implementation.
import type { BackendName } from '../bindings/index.js';

/** Every implementation compared; each table picks its columns from these (bench/groups.ts). */
export const IMPL_NAMES = [
  'oblivia wasm',
  'oblivia wasm scalar',
  'oblivia js',
  'hash-wasm',
  '@noble/hashes',
  '@noble/ciphers',
  '@noble/curves',
  'libsodium.js',
  'node:crypto',
  'WebCrypto',
  'hpke-js',
  'voprf-ts',
] as const;
export type ImplName = (typeof IMPL_NAMES)[number];

/** The implementation every output is checked against. */
export const REFERENCE: ImplName = 'node:crypto';

/** Which compiled core the wasm backend runs: the SIMD build (the default) or the scalar one. */
export type WasmBuild = 'simd' | 'scalar';

/** The report's tables: hashes, MAC and KDF; AEADs; Diffie–Hellman; signatures; HPKE; Oblivious HTTP; Oblivious PRF; anonymous credentials; transparency logs; attestation; the attested session. */
export type GroupId =
  | 'hash'
  | 'aead'
  | 'dh'
  | 'signatures'
  | 'hpke'
  | 'ohttp'
  | 'oprf'
  | 'credentials'
  | 'tlog'
  | 'attestation'
  | 'session';

export interface Impl {
  readonly name: ImplName;
  /**
   * One operation; returns its output so it can be cross-checked (a Promise for asynchronous
   * APIs such as WebCrypto, timed as benny's async cases). Write it with a block body
   * (`() => { return … }`): benchmark.js rejects an expression-bodied arrow as an empty test.
   */
  readonly run: () => Uint8Array | Promise<Uint8Array>;
  /** The oblivia backend that must be active while `run` is timed. */
  readonly backend?: BackendName;
  /** With backend 'wasm': the build installed while `run` is timed (default 'simd'). */
  readonly build?: WasmBuild;
}

export interface BenchCase {
  /** File-safe suite name: results go to bench/results/<id>.json. */
  readonly id: string;
  /** Row label in the report. */
  readonly title: string;
  /** The chart's label, bold name then detail; by default the title split at " (". */
  readonly chartLabel?: readonly [string, string];
  /** The table the row goes in. */
  readonly group: GroupId;
  /** How the report shows speed: operations or message megabytes (10^6 B) per second. */
  readonly unit: 'ops/s' | 'MB/s';
  /** Message (or input key material) bytes per operation; MB/s counts these. */
  readonly bytes: number;
  /** Fraction of the per-case time this case gets (default 1): slow large-message cases take less. */
  readonly timeScale?: number;
  /**
   * What every output must be before anything is timed: node:crypto's (the default), these bytes,
   * or 'randomized' for outputs that differ per call (HPKE seal, with a fresh ephemeral key):
   * then each call must differ from the one before, and the suite's own check opens them.
   */
  readonly expected?: Uint8Array | 'randomized';
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
