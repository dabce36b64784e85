// What the runtime offers: SIMD in WebAssembly, and Node's fs (without a static import, so that
// browsers and bundlers never see one).

// A module with one function returning a v128 constant: valid exactly where SIMD is supported.
const SIMD_PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version 1
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type section: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // function section: one function of type 0
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00,
  0xfd,
  0x0c,
  ...new Array(16).fill(0),
  0x0b, // code: v128.const 0
]);

export function simdSupported(): boolean {
  return WebAssembly.validate(SIMD_PROBE);
}

/** Node's fs module, or undefined outside Node (process.getBuiltinModule: Node ≥ 20.16). */
export function nodeFs(): typeof import('node:fs') | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
}
