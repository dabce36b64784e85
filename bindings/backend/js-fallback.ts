// What runs where no wasm module is loaded: the js backend. This is `#js-fallback` by default;
// the `oblivia-wasm-only` condition resolves it to ./no-fallback.js, so bundles leave noble out.
import type { Backend } from './backend.js';
import { jsBackend } from './js/js-backend.js';

export const fallback: Backend | undefined = jsBackend;
