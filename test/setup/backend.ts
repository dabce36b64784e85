// Selects the backend a per-backend project tests (OBLIVIA_TEST_BACKEND, set in vitest.config.ts).
import { readFileSync } from 'node:fs';
import { useBackend } from 'oblivia';
import { installModule } from 'oblivia/backend/select.js';

const FILES = { wasm: 'oblivia.wasm', 'wasm-scalar': 'oblivia.scalar.wasm', 'wasm-debug': 'oblivia.debug.wasm' };

const name = process.env.OBLIVIA_TEST_BACKEND;
if (name === 'js') {
  useBackend('js');
} else if (name === 'wasm' || name === 'wasm-scalar' || name === 'wasm-debug') {
  installModule(new WebAssembly.Module(readFileSync(new URL(`../../build/out/wasm/${FILES[name]}`, import.meta.url))));
  useBackend('wasm');
} else {
  throw new Error(`OBLIVIA_TEST_BACKEND must be wasm, wasm-scalar, wasm-debug or js, got ${name}`);
}
