// Where the packaged modules are. The URLs are written as literal `new URL(…, import.meta.url)`
// so that bundlers find and copy the files.
import { simdSupported } from './platform.js';

/** The SIMD build where the runtime has SIMD, else the scalar build. */
export function defaultWasmUrl(): URL {
  return simdSupported()
    ? new URL('../wasm/oblivia.wasm', import.meta.url)
    : new URL('../wasm/oblivia.scalar.wasm', import.meta.url);
}
