// The types of `oblivia/oblivia.wasm` and `oblivia/oblivia.scalar.wasm` (the build copies this file
// beside each): the compiled core, as runtimes that import a .wasm file as a module give it
// (Cloudflare Workers, esbuild's and wrangler's wasm loaders). Pass it to init() or initSync().
declare const core: WebAssembly.Module;
export default core;
