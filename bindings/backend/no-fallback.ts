// `#js-fallback` under the `oblivia-wasm-only` condition: no js backend, so no noble in the bundle.
import type { Backend } from './backend.js';

export const fallback: Backend | undefined = undefined;
