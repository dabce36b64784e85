// oblivia's two backends as two implementations of the same public-API call.
import type { Impl } from '../types.js';

/** The wasm and js rows for `run`; the harness makes the matching backend active. */
export function oblivia(run: () => Uint8Array): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}
