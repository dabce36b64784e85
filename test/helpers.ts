// Small helpers shared by the suites.
import { readFileSync } from 'node:fs';

/** The official vectors: ../shared/vectors beside the repository, or $OBLIVIA_VECTORS. */
export const VECTORS = process.env.OBLIVIA_VECTORS ?? new URL('../../shared/vectors/', import.meta.url).pathname;

export function readVector(path: string): string {
  return readFileSync(`${VECTORS}/${path}`, 'utf8');
}

// The vector files are untyped JSON; a suite names the shape it reads, or reads it loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readJsonVector<T = any>(path: string): T {
  return JSON.parse(readVector(path)) as T;
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

/** The backend the current per-backend project tests. */
export const TEST_BACKEND = process.env.OBLIVIA_TEST_BACKEND;

/** The core's I/O window (assembly/mem.ts IO_SIZE): inputs past it are streamed in pieces. */
export const WINDOW: number = (() => {
  const module = new WebAssembly.Module(readFileSync(new URL('../build/out/wasm/oblivia.wasm', import.meta.url)));
  return (new WebAssembly.Instance(module, {}).exports.IO_SIZE as WebAssembly.Global).value as number;
})();
