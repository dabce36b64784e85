// Compiling a fetched module, and what a `#wasm-source` gives the loader.
import type { WasmSource } from '../backend/select.js';

export interface PackagedModule {
  readonly from: WasmSource;
  readonly module: WebAssembly.Module;
}

/** Streams the compile when the server says application/wasm; otherwise buffers first. */
export async function compileResponse(response: Response): Promise<WebAssembly.Module> {
  if (!response.ok) throw new Error(`failed to fetch the wasm module: HTTP ${response.status} ${response.url}`);
  const type = response.headers.get('Content-Type')?.split(';')[0]?.trim();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
