// Builds everything into build/out/: the three wasm targets of asconfig.json (release with SIMD,
// scalar, debug) and the TypeScript (bindings, examples, bench). Usage: node build/build.mjs
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import asc from 'assemblyscript/asc';

const TARGETS = ['release', 'scalar', 'debug'];

for (const target of TARGETS) {
  const { error } = await asc.main(['--config', 'asconfig.json', '--target', target], {
    stdout: process.stdout,
    stderr: process.stderr,
  });
  if (error) {
    console.error(`asc (${target}) failed: ${error.message}`);
    process.exit(1);
  }
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
process.exit(status ?? 1);
