// The `oblivia-wasm-only` condition: bundles resolve #js-fallback to nothing, so no @noble module is
// in them (esbuild's JS API, as a user's build would run); without it, the js backend (noble) is
// there. And what such a build does before init(): throw, rather than run on js.
import { execFileSync } from 'node:child_process';
import { build, type Metafile } from 'esbuild';
import { expect, test } from 'vitest';

/** The metafile of an esbuild bundle of `code` (browser, ESM) under `conditions`. */
async function metafileOf(code: string, conditions: string[]): Promise<Metafile> {
  const { metafile } = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return metafile;
}

/** The node_modules packages of an esbuild bundle of `code`, per its metafile. */
async function packagesIn(code: string, conditions: string[]): Promise<string[]> {
  const { inputs } = await metafileOf(code, conditions);
  const packages = Object.keys(inputs).map((path) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path)?.[1]);
  return [...new Set(packages.filter((name) => name !== undefined))].sort();
}

const HPKE_ONLY = `import { init } from 'oblivia'; import { hpke } from 'oblivia/hpke'; console.log(init, hpke);`;

test('an HPKE-only bundle under oblivia-wasm-only has no noble (nor any other package)', async () => {
  expect(await packagesIn(HPKE_ONLY, ['oblivia-wasm-only'])).toEqual([]);
});

test('the OHTTP client and the whole root under oblivia-wasm-only have no noble either', async () => {
  expect(
    await packagesIn(`import { ohttp } from 'oblivia/ohttp'; console.log(ohttp.client);`, ['oblivia-wasm-only']),
  ).toEqual([]);
  expect(await packagesIn(`import * as o from 'oblivia'; console.log(o);`, ['oblivia-wasm-only'])).toEqual([]);
});

test('attestation and the session under oblivia-wasm-only: noble only through pkijs, never from oblivia', async () => {
  const { inputs } = await metafileOf(
    `import { attestation } from 'oblivia/attestation'; import { session } from 'oblivia/session'; console.log(attestation, session);`,
    ['oblivia-wasm-only'],
  );
  const nobleImporters = Object.entries(inputs)
    .filter(([, input]) => input.imports.some((i) => i.path.includes('node_modules/@noble/')))
    .map(([path]) => path)
    .filter((path) => !path.includes('node_modules/@noble/'));
  expect(nobleImporters).toEqual(['node_modules/pkijs/build/index.js']);
});

test('without the condition the js fallback, and so noble, is in the bundle', async () => {
  expect(await packagesIn(HPKE_ONLY, [])).toEqual(['@noble/ciphers', '@noble/curves', '@noble/hashes']);
});

test('under the condition, calls before init() throw, useBackend(js) throws, and init() loads wasm', () => {
  const script = `process.getBuiltinModule = undefined; // no autoload, as in a browser
const o = await import('oblivia');
const attempt = (f) => { try { return f(); } catch (e) { return e.constructor.name + ': ' + e.message; } };
const out = [attempt(() => o.sha256(new Uint8Array(0))), attempt(() => o.useBackend('js'))];
out.push(await o.init(), o.backend());
console.log(JSON.stringify(out));`;
  const args = ['--conditions=oblivia-wasm-only', '--input-type=module', '-e', script];
  expect(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }))).toEqual([
    'Error: no wasm module is loaded and this build has no js backend: call `await init()` first',
    'Error: this build has no js backend (condition oblivia-wasm-only)',
    { backend: 'wasm', reason: 'inline' },
    'wasm',
  ]);
});
