// Which module init() loads in a bundle, by condition (#wasm-source in package.json "imports"): by
// default the inlined SIMD module, in a chunk of its own; under `workerd` (wrangler's conditions)
// an import of the packaged .wasm, which wrangler makes a WebAssembly.Module, and no inline copy.
import { build } from 'esbuild';
import { expect, test } from 'vitest';

interface Bundle {
  /** The bundle's modules of bindings/wasm-source/ (the loader's compile.js is always one). */
  readonly modules: string[];
  /** Imports left to the runtime. */
  readonly external: string[];
}

async function bundle(conditions: string[]): Promise<Bundle> {
  const { metafile } = await build({
    stdin: { contents: `import { init } from 'oblivia'; console.log(init);`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'wasm-external', // as wrangler does: the .wasm becomes a module of the Worker
        setup: (b) => b.onResolve({ filter: /\.wasm$/ }, (args) => ({ path: args.path, external: true })),
      },
    ],
  });
  const output = Object.values(metafile.outputs)[0]!;
  return {
    modules: Object.keys(metafile.inputs)
      .filter((path) => path.includes('wasm-source/'))
      .sort(),
    external: output.imports.filter((i) => i.external).map((i) => i.path),
  };
}

test('by default: the inlined module, and no .wasm import', async () => {
  expect(await bundle([])).toEqual({
    modules: [
      'build/out/bindings/wasm-source/compile.js',
      'build/out/bindings/wasm-source/inline.js',
      'build/out/bindings/wasm-source/oblivia.inline.js',
    ],
    external: [],
  });
});

test("under wrangler's conditions (workerd, worker, browser): an import of the .wasm, no inlined copy", async () => {
  expect(await bundle(['workerd', 'worker', 'browser'])).toEqual({
    modules: ['build/out/bindings/wasm-source/compile.js', 'build/out/bindings/wasm-source/workerd.js'],
    external: ['../../wasm/oblivia.wasm'],
  });
});
