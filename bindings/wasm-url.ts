// Where the packaged modules are: read from disk by Node's autoload, fetched where the inlined module
// cannot serve (#wasm-source). The URLs are literal `new URL(…, import.meta.url)`, so that Vite and
// webpack copy the files; esbuild does not.
import { simdSupported } from './platform.js';

/** The SIMD build where the runtime has SIMD, else the scalar build. */
export function defaultWasmUrl(): URL {
  return simdSupported()
    ? new URL('../wasm/oblivia.wasm', import.meta.url)
    : new URL('../wasm/oblivia.scalar.wasm', import.meta.url);
}
