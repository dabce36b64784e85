// Before anything is timed: every implementation must produce node:crypto's exact bytes.
import { backend, useBackend } from '../bindings/index.js';
import { REFERENCE, type BenchCase, type Impl } from './types.js';

/** Makes the oblivia backend an implementation needs active (others need nothing). */
export function activate(impl: Impl): void {
  if (!impl.backend) return;
  useBackend(impl.backend);
  if (backend() !== impl.backend) throw new Error(`${impl.name}: backend() is ${backend()}, not ${impl.backend}`);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** Returns one message per mismatch; empty when every output agrees. */
export function crossCheck(cases: readonly BenchCase[]): string[] {
  const problems: string[] = [];
  for (const bench of cases) {
    const reference = bench.impls.find((impl) => impl.name === REFERENCE);
    if (!reference) {
      problems.push(`${bench.id}: no ${REFERENCE} implementation to check against`);
      continue;
    }
    const expected = reference.run();
    for (const impl of bench.impls) {
      activate(impl);
      // Twice: reused objects (hash-wasm's hashers) must reset between calls.
      for (const attempt of [1, 2]) {
        const got = impl.run();
        if (!equal(got, expected)) {
          problems.push(`${bench.id} / ${impl.name} (call ${attempt}): ${hex(got)} ≠ ${REFERENCE} ${hex(expected)}`);
        }
      }
    }
  }
  return problems;
}
