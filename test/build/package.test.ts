// The package as npm publishes it: `npm pack` once (no lifecycle scripts: the build has run), then
// its file list, publint and arethetypeswrong on the tarball, require() from CommonJS, and the
// README's links (the registry page shows the README without the files beside it).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
/** Every entry but package.json: the code entries and the two wasm modules. */
const ENTRIES = Object.keys(pkg.exports).filter((e) => e !== './package.json');
const BINDINGS = 'build/out/bindings/';

const dir = mkdtempSync(join(tmpdir(), 'oblivia-pack-'));
let tarball = '';
let files: string[] = [];
beforeAll(() => {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, packed!.filename);
  files = packed!.files.map((f) => f.path).sort();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds the compiled bindings, the abi, both wasm modules with their types, and the docs', () => {
  expect(files.filter((f) => !f.startsWith(BINDINGS))).toEqual([
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'build/out/assembly/abi.d.ts',
    'build/out/assembly/abi.js',
    'build/out/wasm/oblivia.scalar.wasm',
    'build/out/wasm/oblivia.scalar.wasm.d.ts',
    'build/out/wasm/oblivia.wasm',
    'build/out/wasm/oblivia.wasm.d.ts',
    'package.json',
  ]);
  // No TypeScript source and no source map: each bindings module is a .js and its .d.ts.
  const bindings = files.filter((f) => f.startsWith(BINDINGS));
  expect(bindings.filter((f) => !f.endsWith('.js') && !f.endsWith('.d.ts'))).toEqual([]);
  expect(bindings.filter((f) => f.endsWith('.d.ts')).map((f) => f.replace(/\.d\.ts$/, '.js'))).toEqual(
    bindings.filter((f) => f.endsWith('.js')),
  );
});

test('publint finds nothing, suggestions included', async () => {
  const tar = readFileSync(tarball);
  const { messages, pkg: packed } = await publint({
    pack: { tarball: tar.buffer.slice(tar.byteOffset, tar.byteOffset + tar.byteLength) },
    strict: true,
  });
  expect(messages.map((m) => formatMessage(m, packed))).toEqual([]);
});

test('arethetypeswrong: types resolve on node10, node16 and bundler; require(esm) is its only finding', () => {
  // attw's TypeScript (5.6) predates require(esm), which Node ≥ 20.19 (our engines) and TypeScript's
  // module "nodenext" allow: that rule is ignored for the exit status, and its findings listed exactly.
  const json = join(dir, 'attw.json');
  const fd = openSync(json, 'w');
  try {
    const attw = join(ROOT, 'node_modules/.bin/attw');
    execFileSync(attw, [tarball, '--format', 'json', '--ignore-rules', 'cjs-resolves-to-esm'], {
      stdio: ['ignore', fd, 'pipe'],
    });
  } finally {
    closeSync(fd);
  }
  const { problems } = JSON.parse(readFileSync(json, 'utf8')) as { problems: Record<string, unknown[]> };
  expect(problems).toEqual({
    CJSResolvesToESM: ENTRIES.map((e) => ({ kind: 'CJSResolvesToESM', entrypoint: e, resolutionKind: 'node16-cjs' })),
  });
});

test('CommonJS require() gives every code entry, the module import() gives, with no warning (Node >= 20.19)', () => {
  const specifiers = ENTRIES.filter((e) => !e.endsWith('.wasm')).map((e) => e.replace(/^\./, 'oblivia'));
  const script = `(async () => {
  const same = {};
  for (const s of ${JSON.stringify(specifiers)}) same[s] = require(s) === (await import(s));
  console.log(JSON.stringify(same));
})();`;
  const { stdout, stderr } = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(stderr).toBe('');
  expect(JSON.parse(stdout)).toEqual(Object.fromEntries(specifiers.map((s) => [s, true])));
});

test("the README's links are absolute: none is relative to the repository", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  expect(links.length).toBeGreaterThan(0);
  expect(links.filter((l) => !l.startsWith('https://') && !l.startsWith('#'))).toEqual([]);
});
