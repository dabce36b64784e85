// Builds everything into build/out/: the three wasm targets of asconfig.json (release with SIMD,
// scalar, debug), the bindings' type of the core's exports (build/exports.mjs), the SIMD module
// inlined for bundles (build/inline-wasm.mjs), the TypeScript (bindings, examples, bench), and the
// wasm modules' hand-written types (oblivia.wasm.d.ts).
// Usage: node build/build.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import asc from 'assemblyscript/asc';
import { EXPORTS_FILE, exportsModule } from './exports.mjs';
import { inlineModule } from './inline-wasm.mjs';

const TARGETS = ['release', 'scalar', 'debug'];

let declarations;
for (const target of TARGETS) {
  // The first target also declares its exports; the declarations are kept, asc's JS glue is not.
  const bindings = target === TARGETS[0] ? ['--bindings', 'raw'] : [];
  const { error } = await asc.main(['--config', 'asconfig.json', '--target', target, ...bindings], {
    stdout: process.stdout,
    stderr: process.stderr,
    writeFile: (name, contents, baseDir) => {
      if (name.endsWith('.d.ts')) declarations = contents;
      else if (!name.endsWith('.js')) write(resolve(baseDir, name), contents);
    },
  });
  if (error) {
    console.error(`asc (${target}) failed: ${error.message}`);
    process.exit(1);
  }
}
write(EXPORTS_FILE, exportsModule(declarations));
for (const wasm of ['oblivia.wasm', 'oblivia.scalar.wasm']) {
  copyFileSync('build/oblivia.wasm.d.ts', `build/out/wasm/${wasm}.d.ts`);
}
write('build/out/bindings/wasm-source/oblivia.inline.js', inlineModule(readFileSync('build/out/wasm/oblivia.wasm')));
write('build/out/bindings/wasm-source/oblivia.inline.d.ts', 'declare const base64: string;\nexport default base64;\n');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
process.exit(status ?? 1);

function write(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, contents);
}
