// build/check-deps.mjs, which `npm test` runs first, on tiny synthetic trees: it reports every
// cycle and every import a rule forbids, and an allow-list entry that no longer matches.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { check, cycles, moduleGraph, problems } from '../../build/check-deps.mjs';

const root = mkdtempSync(join(tmpdir(), 'oblivia-deps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name, file)), { recursive: true });
    writeFileSync(join(root, name, file), text);
  }
  return join(root, name);
}

test('a cycle through three files, a type-only import and an extensionless one', () => {
  const dir = tree('cycle', {
    'src/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
    'src/b.ts': "import type { C } from './deep/c.js';\nexport const b = 1 as C;\n",
    'src/deep/c.ts': "export { a } from '../a';\nexport type C = number;\n",
    'src/d.ts':
      "import { a } from './a.js';\nimport { readFileSync } from 'node:fs';\nexport const d = [a, readFileSync];\n",
  });
  const graph = moduleGraph(dir, ['src']);
  expect(cycles(graph)).toEqual([['src/a.ts', 'src/b.ts', 'src/deep/c.ts']]);
  expect(problems(graph, [])).toEqual(['cycle: src/a.ts, src/b.ts, src/deep/c.ts']);
});

test('a file importing itself is a cycle; a tree without one has no problem', () => {
  const self = tree('self', { 'src/a.ts': "export * from './a.js';\n" });
  expect(check(self, ['src'], [], [])).toEqual(['cycle: src/a.ts']);
  const clean = tree('clean', { 'src/a.ts': "import './b.js';\n", 'src/b.ts': 'export {};\n' });
  expect(check(clean, ['src'], [], [])).toEqual([]);
});

test('an upward import breaks a rule; the allow-list hides it, and a stale entry is reported', () => {
  const dir = tree('layers', {
    'bindings/backend/wasm.ts': "import { x } from '../hpke/ids.js';\nexport const y = x;\n",
    'bindings/hpke/ids.ts': 'export const x = 1;\n',
  });
  const rules = [{ name: 'down only', from: /^bindings\/backend\//, to: /^bindings\/hpke\// }];
  const problem = 'down only: bindings/backend/wasm.ts -> bindings/hpke/ids.ts';
  expect(check(dir, ['bindings'], rules, [])).toEqual([problem]);
  expect(check(dir, ['bindings'], rules, [problem])).toEqual([]);
  expect(check(dir, ['bindings'], [], [problem])).toEqual([
    `allowed, but no longer found (delete it from ALLOWED): ${problem}`,
  ]);
});
