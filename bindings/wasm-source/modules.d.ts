// Modules that exist only in the build output: the packaged .wasm, as a Worker bundle imports it,
// and the base64 of its deflate-raw bytes (build/inline-wasm.mjs).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*.inline.js' {
  const base64: string;
  export default base64;
}
