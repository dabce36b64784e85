// The two compiled cores, SIMD and scalar, as two implementations: the harness installs the one
// an implementation needs before its timing (the wasm backend runs whichever was installed last).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installModule } from '../../bindings/backend/select.js';
import { ROOT } from '../config.js';
import type { WasmBuild } from '../types.js';

const FILES: Record<WasmBuild, string> = {
  simd: join(ROOT, 'build', 'out', 'wasm', 'oblivia.wasm'),
  scalar: join(ROOT, 'build', 'out', 'wasm', 'oblivia.scalar.wasm'),
};

const modules = new Map<WasmBuild, WebAssembly.Module>();
let installed: WasmBuild | undefined;

function moduleOf(build: WasmBuild): WebAssembly.Module {
  let module = modules.get(build);
  if (!module) {
    module = new WebAssembly.Module(readFileSync(FILES[build]));
    modules.set(build, module);
  }
  return module;
}

/** Installs `build` as the wasm backend unless it already is. */
export function useBuild(build: WasmBuild): void {
  if (installed === build) return;
  installModule(moduleOf(build));
  installed = build;
}

/** The build useBuild() installed last (undefined before the first call). */
export function installedBuild(): WasmBuild | undefined {
  return installed;
}
