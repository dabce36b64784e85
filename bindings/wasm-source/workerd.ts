// `#wasm-source` under the `workerd` condition (Cloudflare Workers): workerd refuses to compile
// WebAssembly from bytes, so the module is imported, which wrangler turns into a
// WebAssembly.Module (and a workerd config declares as a wasm module). workerd has SIMD.
import simd from '../../wasm/oblivia.wasm';
import type { PackagedModule } from './compile.js';

export function packagedModule(): Promise<PackagedModule> {
  return Promise.resolve({ from: 'worker-module', module: simd });
}
