// Which backend runs the calls. The wasm backend is used once a module is installed (by init(),
// initSync(), or, in Node, by itself on first use); until then, and where WebAssembly is refused,
// the js fallback runs — with a one-time console warning — unless the build has none
// (`#js-fallback` under the `oblivia-wasm-only` condition). useBackend() forces one.
import { fallback } from '#js-fallback';
import { nodeFs } from '../platform.js';
import { defaultWasmUrl } from '../wasm-url.js';
import type { Backend } from './backend.js';
import { WasmBackend } from './wasm/wasm-backend.js';

/** The two backends: the WebAssembly core, or the pure-JS fallback over @noble. */
export type BackendName = 'wasm' | 'js';

/** Where the installed module came from: the caller's input, the packaged file read from disk,
 *  the copy inlined in the bundle, the module a Worker bundle imports, or the packaged file fetched. */
export type WasmSource = 'input' | 'file' | 'inline' | 'worker-module' | 'url';

let wasm: WasmBackend | undefined;
let source: WasmSource | undefined;
let forced: BackendName | undefined;
let autoloadTried = false;
let warn = true;

/** The backend the next call runs on; the first call on the js fallback warns (once). */
export function active(): Backend {
  const chosen = current();
  if (chosen === fallback && forced !== 'js' && warn) {
    warn = false;
    console.warn(
      'oblivia: running on the js backend, about 10× slower than wasm. `await init()` loads the wasm ' +
        "module; useBackend('js') or warnOnFallback(false) silences this.",
    );
  }
  return chosen;
}

/**
 * The name of the backend the next call runs on.
 * @example
 * ```ts
 * import { backend, sha256 } from 'oblivia';
 *
 * sha256(new Uint8Array(0));
 * console.log(backend());   // 'wasm' in Node, which loads the core by itself
 * ```
 */
export function backend(): BackendName {
  return current().name;
}

/**
 * Forces a backend. 'wasm' needs a loaded module (in Node it loads by itself; elsewhere
 * `await init()` first); `undefined` returns to the default choice. Both give the same bytes and
 * the same errors.
 * @throws {TypeError} for a name other than 'wasm', 'js' or undefined.
 * @throws {Error} for 'wasm' before a module is loaded, or 'js' in a wasm-only build.
 * @example
 * ```ts
 * import { sha256, useBackend } from 'oblivia';
 *
 * useBackend('js');
 * const viaJs = sha256(new Uint8Array(3));
 * useBackend(undefined);    // back to wasm
 * ```
 */
export function useBackend(name: BackendName | undefined): void {
  if (name !== 'wasm' && name !== 'js' && name !== undefined) {
    throw new TypeError(`"name" expected 'wasm' or 'js', got ${String(name)}`);
  }
  if (name === 'wasm' && !(wasm ?? autoload())) {
    throw new Error('the wasm backend is not loaded: call `await init()` first');
  }
  if (name === 'js' && !fallback) throw new Error('this build has no js backend (condition oblivia-wasm-only)');
  forced = name;
}

/**
 * Turns the one-time console warning about running on the js fallback off (false) or back on
 * (true). It is given on the first call that runs on js without `useBackend('js')`: in a browser
 * or a Worker before `await init()` resolves, or where WebAssembly is refused.
 * @throws {TypeError} for a value other than a boolean.
 * @example
 * ```ts
 * import { warnOnFallback } from 'oblivia';
 *
 * warnOnFallback(false);   // this page knows it may run on js (a CSP without 'wasm-unsafe-eval')
 * ```
 */
export function warnOnFallback(enabled: boolean): void {
  if (typeof enabled !== 'boolean') throw new TypeError(`"enabled" expected boolean, got ${typeof enabled}`);
  warn = enabled;
}

export function isLoaded(): boolean {
  return wasm !== undefined;
}

/** Where the installed module came from, if one is installed. */
export function loadedFrom(): WasmSource | undefined {
  return source;
}

/** Installs a compiled module as the wasm backend, replacing any earlier one. */
export function installModule(module: WebAssembly.Module, from: WasmSource = 'input'): WasmBackend {
  wasm = new WasmBackend(module);
  source = from;
  return wasm;
}

/** In Node (and Deno, Bun), compiles the packaged file synchronously, once; elsewhere undefined. */
export function autoload(): WasmBackend | undefined {
  if (autoloadTried) return undefined;
  autoloadTried = true;
  const fs = nodeFs();
  if (!fs || typeof WebAssembly !== 'object') return undefined;
  try {
    return installModule(new WebAssembly.Module(fs.readFileSync(defaultWasmUrl())), 'file');
  } catch {
    return undefined; // WebAssembly refused, the file missing (a bundle) or unreadable: init() goes on
  }
}

function current(): Backend {
  if (forced === 'js' && fallback) return fallback;
  const chosen = wasm ?? autoload() ?? fallback;
  if (!chosen) {
    throw new Error('no wasm module is loaded and this build has no js backend: call `await init()` first');
  }
  return chosen;
}
