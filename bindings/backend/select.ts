// Which backend runs the calls. The wasm backend is used once a module is installed (by init(),
// initSync(), or, in Node, by itself on first use); until then, and where WebAssembly is refused,
// the js backend runs. useBackend() forces one.
import { nodeFs } from '../platform.js';
import { defaultWasmUrl } from '../wasm-url.js';
import { jsBackend } from './js/js-backend.js';
import type { Backend } from './backend.js';
import { WasmBackend } from './wasm/wasm-backend.js';

export type BackendName = 'wasm' | 'js';

let wasm: WasmBackend | undefined;
let forced: BackendName | undefined;
let autoloadTried = false;

/** The backend the next call runs on. */
export function active(): Backend {
  if (forced === 'js') return jsBackend;
  return wasm ?? autoload() ?? jsBackend;
}

/** The name of the backend the next call runs on. */
export function backend(): BackendName {
  return active().name;
}

/**
 * Forces a backend. 'wasm' needs a loaded module (in Node it loads by itself; elsewhere
 * `await init()` first); `undefined` returns to the default choice.
 */
export function useBackend(name: BackendName | undefined): void {
  if (name !== 'wasm' && name !== 'js' && name !== undefined) {
    throw new TypeError(`"name" expected 'wasm' or 'js', got ${String(name)}`);
  }
  if (name === 'wasm' && !(wasm ?? autoload())) {
    throw new Error('the wasm backend is not loaded: call `await init()` first');
  }
  forced = name;
}

export function isLoaded(): boolean {
  return wasm !== undefined;
}

/** Installs a compiled module as the wasm backend, replacing any earlier one. */
export function installModule(module: WebAssembly.Module): WasmBackend {
  wasm = new WasmBackend(module);
  return wasm;
}

/** In Node, compiles the packaged module synchronously; elsewhere there is nothing to do. */
function autoload(): WasmBackend | undefined {
  if (autoloadTried) return undefined;
  autoloadTried = true;
  const fs = nodeFs();
  if (!fs || typeof WebAssembly !== 'object') return undefined;
  try {
    return installModule(new WebAssembly.Module(fs.readFileSync(defaultWasmUrl())));
  } catch {
    return undefined; // WebAssembly refused or the file missing: the js backend serves
  }
}
