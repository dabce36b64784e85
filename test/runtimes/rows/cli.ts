// The runtimes that run the fixture from the command line: Node (ESM and CommonJS), Deno and Bun.
// None of them may install or fetch anything: Deno reads the fixture's node_modules as it is
// (--node-modules-dir=manual), may load no remote module nor anything not already there, and
// never checks for updates; Bun is told not to auto-install.
import { join } from 'node:path';
import { runProcess } from '../outcome.js';
import { ROW_TIMEOUT_MS, type Row } from './row.js';

export const nodeEsm: Row = {
  name: 'node-esm',
  wasmFrom: 'file',
  run: (p) => runProcess(process.execPath, ['cli.mjs', 'node-esm'], { cwd: p.dir, timeoutMs: ROW_TIMEOUT_MS }),
};

export const nodeCjs: Row = {
  name: 'node-cjs',
  wasmFrom: 'file',
  run: (p) => runProcess(process.execPath, ['cli.cjs'], { cwd: p.dir, timeoutMs: ROW_TIMEOUT_MS }),
};

export const deno: Row = {
  name: 'deno',
  wasmFrom: 'file',
  run: (p) =>
    runProcess(
      p.bin('deno'),
      [
        'run',
        '--no-remote',
        '--cached-only',
        '--node-modules-dir=manual',
        '--allow-read',
        '--no-prompt',
        'cli.mjs',
        'deno',
      ],
      {
        cwd: p.dir,
        env: { DENO_DIR: join(p.dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
        timeoutMs: ROW_TIMEOUT_MS,
      },
    ),
};

export const bun: Row = {
  name: 'bun',
  wasmFrom: 'file',
  run: (p) =>
    runProcess(p.bin('bun'), ['run', '--no-install', 'cli.mjs', 'bun'], {
      cwd: p.dir,
      env: { DO_NOT_TRACK: '1' },
      timeoutMs: ROW_TIMEOUT_MS,
    }),
};
