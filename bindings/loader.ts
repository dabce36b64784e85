// init() and initSync(), with the signatures of wasm-pack (wasm-bindgen --target web). Both are
// idempotent. init() resolves with the backend it got and why: a module it could not fetch or read
// (a 404, a bundle without the .wasm) gives way to the packaged one, and where there is none, or
// WebAssembly is missing or refused (a CSP without 'wasm-unsafe-eval'), to the js backend — unless
// `require: 'wasm'`. A module that does not compile, or an input of the wrong kind, rejects.
import { packagedModule } from '#wasm-source';
import { autoload, installModule, isLoaded, loadedFrom, type WasmSource } from './backend/select.js';
import { compileResponse } from './wasm-source/compile.js';
import { nodeFs } from './platform.js';

/** Where init() takes the module from, as wasm-pack's init does: a URL or path, a Request, a
 *  Response (compiled streaming when served as application/wasm), bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/** What initSync() compiles or installs: the module's bytes, or the compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** init()'s options, as one object: the module's place and whether the wasm backend is required. */
export interface InitOptions {
  /** Where the module is; by default the packaged one (see InitResult's `reason`). */
  module_or_path?: InitInput | Promise<InitInput>;
  /** 'wasm': reject where init() would otherwise resolve on the js backend. */
  require?: 'wasm';
}

/**
 * What init() got. `backend: 'wasm'` with where the module came from: `input` (the argument),
 * `file` (the packaged file, read from disk: Node, Deno, Bun), `inline` (the copy inlined in the
 * bundle), `worker-module` (imported by a Worker bundle) or `url` (the packaged file, fetched).
 * `backend: 'js'` with why: `no-webassembly`, `refused` (a CSP or the embedder forbids compiling)
 * or `unavailable` (no module could be fetched or read). `error` says what failed on the way.
 */
export type InitResult =
  | { readonly backend: 'wasm'; readonly reason: WasmSource; readonly error?: string }
  | { readonly backend: 'js'; readonly reason: 'no-webassembly' | 'refused' | 'unavailable'; readonly error?: string };

let pending: Promise<InitResult> | undefined;

/**
 * Loads the wasm backend: without an argument, the packaged module (read from disk in Node, Deno
 * and Bun; inlined in a bundle; imported by a Worker bundle); idempotent. Resolves with the
 * backend it got and why (InitResult); where no module loads it resolves on the js backend,
 * unless `require: 'wasm'`.
 * @throws {TypeError} (a rejection) for an input of the wrong kind, or `require` other than 'wasm'.
 * @throws {WebAssembly.CompileError} (a rejection) for a module that does not compile.
 * @throws {Error} (a rejection) with `require: 'wasm'`, when init() would end on the js backend.
 * @example
 * ```ts
 * import { init } from 'oblivia';
 *
 * const loaded = await init();            // { backend: 'wasm', reason: 'file' } in Node
 * if (loaded.backend !== 'wasm') console.warn(`oblivia runs on js: ${loaded.reason}`);
 * await init({ require: 'wasm' });        // rejects where only the js backend is left
 * ```
 */
export function init(input?: InitInput | Promise<InitInput> | InitOptions): Promise<InitResult> {
  const options = isOptions(input) ? input : { module_or_path: input };
  if (options.require !== undefined && options.require !== 'wasm') {
    return Promise.reject(new TypeError(`"require" expected 'wasm', got ${String(options.require)}`));
  }
  const loaded = loadedFrom();
  if (loaded) return Promise.resolve({ backend: 'wasm', reason: loaded });
  pending ??= load(options.module_or_path).finally(() => {
    pending = undefined;
  });
  return options.require === 'wasm' ? pending.then(requireWasm) : pending;
}

/**
 * Loads the wasm backend from bytes or a compiled module, synchronously (a Worker bundle's
 * imported `.wasm`, for one); idempotent.
 * @throws {TypeError} for an input that is neither bytes nor a WebAssembly.Module.
 * @throws {WebAssembly.CompileError} for bytes that do not compile.
 * @example
 * ```ts
 * import { initSync } from 'oblivia';
 * import wasm from 'oblivia/oblivia.wasm';   // a WebAssembly.Module in workerd (wrangler)
 *
 * initSync({ module: wasm });
 * ```
 */
export function initSync(input: SyncInitInput | { module: SyncInitInput }): void {
  if (isLoaded()) return;
  const source = isObjectWith(input, 'module') ? (input.module as SyncInitInput) : input;
  if (source instanceof WebAssembly.Module) installModule(source);
  else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) installModule(new WebAssembly.Module(source));
  else throw new TypeError('"input" expected BufferSource or WebAssembly.Module');
}

async function load(input: InitInput | Promise<InitInput> | undefined): Promise<InitResult> {
  if (typeof WebAssembly !== 'object') return { backend: 'js', reason: 'no-webassembly' };
  let error: string | undefined;
  if (input !== undefined) {
    const given = await Promise.resolve(input).then(
      (value) => ({ value }),
      (e: unknown) => ({ error: message(e) }), // a fetch that failed: the packaged module instead
    );
    if ('error' in given) error = given.error;
    else {
      checkInput(given.value);
      try {
        return installed(await compile(given.value), 'input');
      } catch (e) {
        if (isRefusal(e)) return { backend: 'js', reason: 'refused', error: message(e) };
        if (e instanceof WebAssembly.CompileError) throw e;
        error = message(e); // not fetched or read: the packaged module instead
      }
    }
  }
  if (autoload()) return withError({ backend: 'wasm', reason: 'file' }, error);
  try {
    const { module, from } = await packagedModule();
    return withError(installed(module, from), error);
  } catch (e) {
    if (isRefusal(e)) return { backend: 'js', reason: 'refused', error: message(e) };
    if (e instanceof WebAssembly.CompileError) throw e;
    return { backend: 'js', reason: 'unavailable', error: error ? `${error}; ${message(e)}` : message(e) };
  }
}

/** Installs the module unless a concurrent load already did. */
function installed(module: WebAssembly.Module, from: WasmSource): InitResult {
  if (!isLoaded()) installModule(module, from);
  return { backend: 'wasm', reason: loadedFrom() ?? from };
}

function requireWasm(result: InitResult): InitResult {
  if (result.backend === 'wasm') return result;
  const why = result.error ? `${result.reason}: ${result.error}` : result.reason;
  throw new Error(`the wasm backend is required but could not be loaded (${why})`);
}

async function compile(source: InitInput): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  if (typeof Response === 'function' && source instanceof Response) return compileResponse(source);
  if (typeof source === 'string' || source instanceof URL) {
    const bytes = readLocalFile(source);
    if (bytes) return WebAssembly.compile(bytes);
  }
  return compileResponse(await fetch(source as RequestInfo | URL));
}

function checkInput(source: unknown): void {
  if (
    source instanceof WebAssembly.Module ||
    source instanceof ArrayBuffer ||
    ArrayBuffer.isView(source) ||
    typeof source === 'string' ||
    source instanceof URL ||
    (typeof Response === 'function' && source instanceof Response) ||
    (typeof Request === 'function' && source instanceof Request)
  ) {
    return;
  }
  throw new TypeError('"input" expected URL, string, Request, Response, BufferSource or WebAssembly.Module');
}

/** Node's fetch has no file: URLs, so a file: URL or path is read directly where fs exists. */
function readLocalFile(source: string | URL): Uint8Array<ArrayBuffer> | undefined {
  const fs = nodeFs();
  if (!fs) return undefined;
  const url = source instanceof URL ? source : URL.canParse(source) ? new URL(source) : undefined;
  if (url && url.protocol !== 'file:') return undefined;
  return new Uint8Array(fs.readFileSync(url ?? source));
}

/** Errors meaning "this page may not compile WebAssembly", as opposed to a broken module. */
function isRefusal(error: unknown): boolean {
  if (error instanceof EvalError) return true;
  return (
    error instanceof WebAssembly.CompileError &&
    /disallowed|refused|unsafe-eval|content security policy/i.test(error.message)
  );
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const withError = (result: InitResult, error: string | undefined): InitResult =>
  error === undefined ? result : { ...result, error };

function isOptions(value: unknown): value is InitOptions {
  return isObjectWith(value, 'module_or_path') || isObjectWith(value, 'require');
}

function isObjectWith<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(typeof WebAssembly === 'object' && value instanceof WebAssembly.Module) &&
    key in value
  );
}
