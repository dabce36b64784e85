// workerd, as `wrangler deploy` would ship the Worker: bundled by esbuild with wrangler's options
// (conditions workerd, worker, browser; ES2022; every imported .wasm kept out of the bundle as a
// module of its own, which workerd hands over compiled), served by `workerd serve` with a config
// written here, on a free loopback port, and fetched once.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { parseReport, tail, type Outcome } from '../outcome.js';
import type { Project } from '../project.js';
import { ROW_TIMEOUT_MS, type Row } from './row.js';

// A date this workerd release supports; a project would take the day it was created.
const COMPATIBILITY_DATE = '2026-11-01';

export const workerd: Row = {
  name: 'workerd',
  wasmFrom: 'worker-module',
  async run(p: Project): Promise<Outcome> {
    const out = join(p.dir, 'workerd-dist');
    mkdirSync(out);
    const wasm = new Map<string, string>();
    await build({
      entryPoints: [join(p.dir, 'worker.mjs')],
      absWorkingDir: p.dir,
      outfile: join(out, 'worker.js'),
      bundle: true,
      format: 'esm',
      target: 'es2022',
      conditions: ['workerd', 'worker', 'browser'],
      plugins: [wasmModules(wasm)],
      logLevel: 'silent',
    });
    for (const [name, file] of wasm) writeFileSync(join(out, name), readFileSync(file));
    const port = await freePort();
    writeFileSync(join(out, 'config.capnp'), config(port, [...wasm.keys()]));

    const child = spawn(p.bin('workerd'), ['serve', 'config.capnp'], { cwd: out, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<string>((done) => child.on('close', (code, signal) => done(`exit ${signal ?? code}`)));
    try {
      const status = await listening(port, exited);
      if (status !== 'listening') return { error: `workerd ${status}: ${tail(output)}` };
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(ROW_TIMEOUT_MS) });
      const body = await response.text();
      return parseReport(body, `HTTP ${response.status} ${tail(body, 2)}: ${tail(output)}`);
    } finally {
      child.kill();
      await exited;
    }
  },
};

/** wrangler's rule for `*.wasm` and `*.wasm?module` imports: external, named `<sha1>-<file>`. */
function wasmModules(found: Map<string, string>): Plugin {
  return {
    name: 'wasm-modules',
    setup(b) {
      b.onResolve({ filter: /\.wasm(\?module)?$/ }, async (args) => {
        if (args.pluginData === 'wasm-modules') return undefined;
        const resolved = await b.resolve(args.path.replace(/\?module$/, ''), {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'wasm-modules',
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const name = `${createHash('sha1').update(readFileSync(resolved.path)).digest('hex')}-${basename(resolved.path)}`;
        found.set(name, resolved.path);
        return { path: `./${name}`, external: true };
      });
    },
  };
}

/** workerd's config: one Worker of ES modules (the bundle and its wasm modules) on 127.0.0.1:port. */
function config(port: number, wasm: string[]): string {
  const modules = [
    '(name = "worker.js", esModule = embed "worker.js")',
    ...wasm.map((name) => `(name = "${name}", wasm = embed "${name}")`),
  ];
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    ${modules.join(',\n    ')},
  ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`;
}

/** A loopback port nothing listens on (the kernel's pick, released for workerd). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** 'listening' once the port accepts a connection, or how workerd exited before it did. */
async function listening(port: number, exited: Promise<string>): Promise<string> {
  let status: string | undefined;
  void exited.then((s) => (status = s));
  while (status === undefined) {
    const accepted = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
    if (accepted) return 'listening';
    await new Promise((done) => setTimeout(done, 50));
  }
  return status;
}
