// `#wasm-source` by default (browsers, bundlers, Deno, Bun, Node bundles): the SIMD module, carried
// in the bundle as base64 of its deflate-raw bytes (./oblivia.inline.js, written by
// build/inline-wasm.mjs) and loaded lazily, so that a bundler that splits chunks ships it apart.
// Where SIMD or DecompressionStream is missing, the packaged file is fetched instead — the scalar
// one without SIMD — from its `new URL(…, import.meta.url)`, which Vite and webpack follow.
import { simdSupported } from '../platform.js';
import { defaultWasmUrl } from '../wasm-url.js';
import { compileResponse, type PackagedModule } from './compile.js';

export async function packagedModule(): Promise<PackagedModule> {
  if (!simdSupported() || typeof DecompressionStream !== 'function') {
    return { from: 'url', module: await compileResponse(await fetch(defaultWasmUrl())) };
  }
  const { default: base64 } = await import('./oblivia.inline.js');
  const deflated = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return { from: 'inline', module: await WebAssembly.compile(await new Response(inflated).arrayBuffer()) };
}
