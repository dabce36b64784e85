// Before anything is timed: every implementation must produce node:crypto's exact bytes, or the
// output a case names (HPKE open: the plaintext; HPKE seal, randomized: a different output per call).
import { backend, useBackend } from '../bindings/index.js';
import { installedBuild, useBuild } from './peers/wasm-builds.js';
import { REFERENCE, type BenchCase, type Impl } from './types.js';

/** What activation needs to know of an implementation. */
type Runner = Pick<Impl, 'name' | 'backend' | 'build'>;

/** Makes the oblivia backend (and wasm build) an implementation needs active; others need nothing. */
export function activate(impl: Runner): void {
  if (!impl.backend) return;
  if (impl.backend === 'wasm') useBuild(impl.build ?? 'simd');
  useBackend(impl.backend);
  const wrong = wrongBackend(impl);
  if (wrong) throw new Error(`${impl.name}: ${wrong}`);
}

/** Why the active backend is not the one `impl` needs, or undefined when it is. */
export function wrongBackend(impl: Runner): string | undefined {
  if (!impl.backend) return undefined;
  if (backend() !== impl.backend) return `backend() is ${backend()}, not ${impl.backend}`;
  const build = impl.build ?? 'simd';
  if (impl.backend === 'wasm' && installedBuild() !== build) return `wasm build is ${installedBuild()}, not ${build}`;
  return undefined;
}

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Hex of at most the first 48 bytes (a 1 MiB mismatch would drown the message). */
export function hex(b: Uint8Array): string {
  const shown = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 48)).toString('hex');
  return b.byteLength > 48 ? `${shown}… (${b.byteLength} B)` : shown;
}

/** The error `run` throws or rejects with, or undefined when it succeeds. */
export async function rejection(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error ?? new Error('thrown undefined');
  }
}

/** Returns one message per mismatch or failure; empty when every output is as expected. */
export async function crossCheck(cases: readonly BenchCase[]): Promise<string[]> {
  const problems: string[] = [];
  for (const bench of cases) {
    const reference = bench.impls.find((impl) => impl.name === REFERENCE);
    if (!bench.expected && !reference) {
      problems.push(`${bench.id}: no ${REFERENCE} implementation to check against`);
      continue;
    }
    const expected = bench.expected ?? (await reference!.run());
    const source = bench.expected ? 'expected' : REFERENCE;
    for (const impl of bench.impls) {
      // Twice: reused objects (hash-wasm's hashers) must reset between calls.
      let previous: Uint8Array | undefined;
      for (const attempt of [1, 2]) {
        const where = `${bench.id} / ${impl.name} (call ${attempt})`;
        try {
          activate(impl);
          const got = await impl.run();
          if (expected === 'randomized') {
            if (previous && equal(got, previous))
              problems.push(`${where}: ${hex(got)} repeats the first call's output`);
          } else if (!equal(got, expected)) {
            problems.push(`${where}: ${hex(got)} ≠ ${source} ${hex(expected)}`);
          }
          previous = got;
        } catch (error) {
          problems.push(`${where} threw: ${String(error)}`);
        }
      }
    }
  }
  return problems;
}
