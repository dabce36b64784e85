// What the differential suites compare: a call's bytes on each backend, or the error it threw.
import { expect } from 'vitest';
import { useBackend, type BackendName } from 'oblivia';

export type Outcome = { bytes: string } | { error: string; message: string };

export function on(name: BackendName, fn: () => Uint8Array): Outcome {
  useBackend(name);
  try {
    return { bytes: Buffer.from(fn()).toString('hex') };
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

/** Runs `fn` on both backends, expects the same outcome, and returns it. */
export function same(fn: () => Uint8Array): Outcome {
  const wasm = on('wasm', fn);
  expect(wasm).toEqual(on('js', fn));
  return wasm;
}
