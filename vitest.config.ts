import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the built package (build/out/), exactly what users get: `oblivia` and `oblivia/<family>`
// are the public entries (package.json "exports"), `oblivia/<path>.js` an internal module of the bindings.
const out = (path: string) => fileURLToPath(new URL(`./build/out/bindings/${path}`, import.meta.url));
const alias = [
  { find: /^oblivia$/, replacement: out('index.js') },
  { find: /^oblivia\/(.*?)(\.js)?$/, replacement: out('$1.js') },
];

// Suites under test/api and test/vectors run once per backend; the runtime matrix (the packed
// package under Node, Deno, Bun, workerd and Chromium) is a project of its own; the rest run once.
const perBackend = ['test/api/**/*.test.ts', 'test/vectors/**/*.test.ts'];
const runtimes = ['test/runtimes/**/*.test.ts'];
const backends = ['wasm', 'wasm-scalar', 'wasm-debug', 'js'] as const;

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/setup/summary.ts'],
    projects: [
      ...backends.map((backend) => ({
        resolve: { alias },
        test: {
          name: backend,
          include: perBackend,
          setupFiles: ['test/setup/backend.ts'],
          // The js backend's P-521 and the debug build are slow; CI machines are shared and loaded.
          testTimeout: 60_000,
          env: { OBLIVIA_TEST_BACKEND: backend },
        },
      })),
      {
        resolve: { alias },
        test: {
          name: 'once',
          include: ['test/**/*.test.ts'],
          exclude: [...perBackend, ...runtimes],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'runtimes', include: runtimes, testTimeout: 60_000 },
      },
    ],
  },
});
