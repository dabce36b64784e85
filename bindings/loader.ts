// init() and initSync(), with the signatures of wasm-pack (wasm-bindgen --target web). Both are
// idempotent. Where WebAssembly is missing or refused (a CSP without 'wasm-unsafe-eval'), init()
// resolves and calls keep running on the js backend; other failures (a 404, corrupt bytes) reject.
import { installModule, isLoaded } from './backend/select.js';
import { nodeFs } from './platform.js';
import { defaultWasmUrl } from './wasm-url.js';

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

let pending: Promise<void> | undefined;

/** Loads the wasm backend; without an argument, from the packaged file next to this module. */
export function init(
  input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> },
): Promise<void> {
  if (isLoaded()) return Promise.resolve();
  pending ??= load(input).finally(() => {
    pending = undefined;
  });
  return pending;
}

/** Loads the wasm backend from bytes or a compiled module, synchronously. */
export function initSync(input: SyncInitInput | { module: SyncInitInput }): void {
  if (isLoaded()) return;
  const source = isObjectWith(input, 'module') ? input.module : input;
  if (source instanceof WebAssembly.Module) installModule(source);
  else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) installModule(new WebAssembly.Module(source));
  else throw new TypeError('"input" expected BufferSource or WebAssembly.Module');
}

async function load(
  input: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> } | undefined,
): Promise<void> {
  if (typeof WebAssembly !== 'object') return;
  const source = (await (isObjectWith(input, 'module_or_path') ? input.module_or_path : input)) ?? defaultWasmUrl();
  let module: WebAssembly.Module;
  try {
    module = await compile(source);
  } catch (error) {
    if (isRefusal(error)) return;
    throw error;
  }
  if (!isLoaded()) installModule(module);
}

async function compile(source: InitInput): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  if (typeof Response === 'function' && source instanceof Response) return compileResponse(source);
  if (typeof source === 'string' || source instanceof URL) {
    const bytes = readLocalFile(source);
    if (bytes) return WebAssembly.compile(bytes);
  }
  if (
    typeof source === 'string' ||
    source instanceof URL ||
    (typeof Request === 'function' && source instanceof Request)
  ) {
    return compileResponse(await fetch(source));
  }
  throw new TypeError('"input" expected URL, string, Request, Response, BufferSource or WebAssembly.Module');
}

/** Streams the compile when the server says application/wasm; otherwise buffers first. */
async function compileResponse(response: Response): Promise<WebAssembly.Module> {
  if (!response.ok) throw new Error(`failed to fetch the wasm module: HTTP ${response.status} ${response.url}`);
  const type = response.headers.get('Content-Type')?.split(';')[0]?.trim();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
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

function isObjectWith<K extends string, V>(value: V | Record<K, V>, key: K): value is Record<K, V> {
  return typeof value === 'object' && value !== null && !(value instanceof WebAssembly.Module) && key in value;
}
