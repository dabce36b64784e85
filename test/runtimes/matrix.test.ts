// The runtime matrix (issue 18): the packed package, installed in a fixture project, runs one smoke
// test (fixtures/smoke.mjs) under Node ESM and CommonJS, Deno, Bun, workerd, and Chromium as
// esbuild and Vite bundle it. Each must pass on the wasm backend, which init() must report. The
// table of what ran goes to build/out/runtimes.md and stdout.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Outcome } from './outcome.js';
import { makeProject, type Project } from './project.js';
import { CHROMIUM } from '../browser/chromium.js';
import { closeBrowser, esbuildChromium, viteChromium } from './rows/browser.js';
import { bun, deno, nodeCjs, nodeEsm } from './rows/cli.js';
import type { Row } from './rows/row.js';
import { workerd } from './rows/workerd.js';
import { matrixTable } from './table.js';

const OUT = fileURLToPath(new URL('../../build/out/', import.meta.url));

// Without Chromium: CI fails (.ci/run installs it), a developer machine skips the browser rows.
const skipBrowsers = !existsSync(CHROMIUM) && !process.env.CI;
if (skipBrowsers) console.warn(`runtime matrix: browser rows skipped, ${CHROMIUM} not found`);

const ROWS: readonly Row[] = [
  nodeEsm,
  nodeCjs,
  deno,
  bun,
  workerd,
  ...(skipBrowsers ? [] : [esbuildChromium, viteChromium]),
];

let project: Project;
const outcomes = new Map<string, Outcome>();

beforeAll(() => {
  project = makeProject();
}, 60_000);

afterAll(async () => {
  await closeBrowser();
  project?.remove();
  const table = matrixTable(ROWS.map(({ name }) => ({ name, outcome: outcomes.get(name) })));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}runtimes.md`, `# Runtime matrix\n\n${table}`);
  console.log(`\nruntime matrix (build/out/runtimes.md):\n${table}`);
});

describe.each(ROWS.map((row) => [row.name, row] as const))('%s', (name, row) => {
  let outcome: Outcome;
  const report = () => {
    if ('error' in outcome) throw new Error(`no report: ${outcome.error}`);
    return outcome.report;
  };

  beforeAll(async () => {
    outcome = await row.run(project).catch((error: unknown) => ({ error: String(error).split('\n', 3).join(' | ') }));
    outcomes.set(name, outcome);
  }, 60_000);

  test('the smoke test passes: every check on its exact bytes', () => {
    expect(report()).toMatchObject({ runtime: name, ok: true, failures: [] });
  });

  test('it ran on the wasm backend', () => {
    expect(report().backend).toBe('wasm');
  });

  test(`init() resolved with { backend: 'wasm', reason: '${row.wasmFrom}' }`, () => {
    expect(report().init).toEqual({ backend: 'wasm', reason: row.wasmFrom });
  });
});
