// Node.js only: serves a fetch-style handler from several processes sharing one port (node:cluster).
// A handler is a function and cannot be sent to another process, so each worker imports a MODULE
// whose default export builds its handler (./node-cluster-worker.ts), with the same JSON `args` in
// every worker (a gateway's keys, say: the same in all of them), and serves it with serveNode.
//
// The primary holds the listening socket and hands connections to the workers in turn (Node's
// round-robin policy; Windows leaves them to the OS). A worker that exits unasked is started again,
// at most `maxRestarts` times in any `restartWindowMs` — a crash loop waits rather than spins.
// close() stops every worker from accepting, lets requests in flight finish for up to
// `shutdownTimeoutMs`, kills what still runs shortly after, and resolves when all have exited.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { limitArgument } from './exchange.js';
import type { NodeServer, ServeOptions } from './node-server.js';

/** Options of {@link serveCluster}: the handler module, the workers, restarts, and {@link ServeOptions}. */
export interface ClusterOptions extends ServeOptions {
  /** The module each worker imports (a URL, or a file path): its default export builds the handler,
   *  `(args, worker) => Handler | Promise<Handler>`, `worker` the slot number from 0. */
  module: string | URL;
  /** Given to the module's factory in every worker; JSON only (it travels in the environment). */
  args?: unknown;
  /** How many worker processes; default os.availableParallelism(). */
  workers?: number;
  /** How long close() lets requests in flight finish, in ms; default 10 s. */
  shutdownTimeoutMs?: number;
  /** At most this many restarts in any `restartWindowMs` (default 10 in 60 s); more wait. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Node's flags for the workers; default process.execArgv. */
  execArgv?: string[];
  /** Told when a worker listens, exits, or must wait to be restarted. */
  onEvent?: (event: ClusterEvent) => void;
}

/** What {@link ClusterOptions.onEvent} is told: a worker listens, exits, or waits to be restarted. */
export interface ClusterEvent {
  readonly type: 'listening' | 'exit' | 'restart-delayed';
  /** The worker's slot, 0 … workers − 1 (a restarted worker keeps its slot). */
  readonly slot: number;
  readonly pid?: number;
  /** For 'exit': the exit code or the signal. */
  readonly code?: number | null;
  readonly signal?: string | null;
  /** For 'restart-delayed': how long the restart waits, in ms. */
  readonly delayMs?: number;
}

/** A running cluster, from {@link serveCluster}. */
export interface NodeCluster extends NodeServer {
  /** The process ids of the workers alive now. */
  pids(): number[];
  /** Stops accepting, lets requests in flight finish for `graceMs` (default `shutdownTimeoutMs`),
   *  kills what still runs 5 s later; resolves when every worker has exited. */
  close(graceMs?: number): Promise<void>;
}

/** The environment variable that gives a worker its WorkerConfig, as JSON. */
export const WORKER_ENV = 'OBLIVIA_CLUSTER_WORKER';

/** What ./node-cluster-worker.ts is told, and what it tells. */
export interface WorkerConfig {
  readonly module: string;
  readonly args: unknown;
  readonly serve: ServeOptions;
  readonly slot: number;
}
export type ToWorker = { readonly type: 'close'; readonly graceMs: number };
export type FromWorker =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'failed'; readonly name: string; readonly message: string };

const WORKER_SCRIPT = fileURLToPath(new URL('./node-cluster-worker.js', import.meta.url));
/** How long after its grace time a closing worker is killed. */
const KILL_AFTER_MS = 5_000;

/**
 * Serves the handler `options.module` builds from `options.workers` processes on one port until
 * `close()`, with graceful shutdown and bounded restarts (docs/serving.md).
 *
 * @throws `TypeError` / `RangeError` naming an option that is invalid; `Error` if called in a
 * worker; rejects if a worker fails to start.
 * @example
 * ```ts
 * import { serveCluster } from 'oblivia/node';
 *
 * // gateway.js: export default (args) => ohttp.gateway({ keys: …, target: args.target });
 * const cluster = await serveCluster({
 *   module: new URL('./gateway.js', import.meta.url),
 *   args: { target: 'http://127.0.0.1:9000/' },
 *   port: 8080,
 * });
 * process.on('SIGTERM', () => void cluster.close());
 * ```
 */
export async function serveCluster(options: ClusterOptions): Promise<NodeCluster> {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  if (!cluster.isPrimary) throw new Error('serveCluster runs in the primary process, not in a worker');
  const { module, args, workers, shutdownTimeoutMs, maxRestarts, restartWindowMs, execArgv, onEvent, ...serve } =
    options;
  const count = limitArgument(workers, 'options.workers', availableParallelism());
  const grace = limitArgument(shutdownTimeoutMs, 'options.shutdownTimeoutMs', 10_000);
  const restartLimit = limitArgument(maxRestarts, 'options.maxRestarts', 10);
  const windowMs = limitArgument(restartWindowMs, 'options.restartWindowMs', 60_000);
  const base = { module: moduleUrl(module), args: args ?? null, serve };
  const emit = (event: ClusterEvent) => onEvent?.(event);

  const live = new Map<number, Worker>();
  const listening = new Set<Worker>();
  const restarts: number[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let started = false;
  let closing = false;
  let url = '';
  // The port workers listen on. Node's primary keys a shared socket by the port asked for, so while
  // workers that asked for 0 are listening, new ones ask for 0 too (and get the same port); once
  // none is, the port found is asked for by name.
  let port = serve.port ?? 0;
  let onEmpty: (() => void) | undefined;

  function start(slot: number): Promise<void> {
    // Node's cluster settings are global: set them again before each fork.
    cluster.setupPrimary({ exec: WORKER_SCRIPT, args: [], execArgv: execArgv ?? process.execArgv });
    const config: WorkerConfig = { ...base, serve: { ...serve, port }, slot };
    const worker = cluster.fork({ [WORKER_ENV]: JSON.stringify(config) });
    live.set(slot, worker);
    worker.on('error', () => {}); // a dead IPC channel: the 'exit' below follows
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message?.type === 'failed') return reject(new (errorClass(message.name))(message.message));
        if (message?.type !== 'listening') return;
        if (url !== '' && message.url !== url) return void worker.process.kill('SIGKILL'); // a port of its own
        url = message.url;
        listening.add(worker);
        emit({ type: 'listening', slot, pid: worker.process.pid });
        resolve();
      });
      worker.once('exit', (code, signal) => {
        reject(new Error(`worker ${slot} exited (${signal ?? code}) before it listened`));
        if (live.get(slot) === worker) live.delete(slot);
        const listened = listening.delete(worker);
        if (listening.size === 0 && url !== '') port = Number(new URL(url).port);
        emit({ type: 'exit', slot, pid: worker.process.pid, code, signal });
        if (closing) {
          if (live.size === 0) onEmpty?.();
        } else if (started || listened) restart(slot);
      });
    });
  }

  function restart(slot: number): void {
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! <= now - windowMs) restarts.shift();
    if (restarts.length < restartLimit) {
      restarts.push(now);
      start(slot).catch(() => {}); // its exit restarts it again
      return;
    }
    const delayMs = restarts[0]! + windowMs - now;
    emit({ type: 'restart-delayed', slot, delayMs });
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closing) restart(slot);
    }, delayMs);
    timers.add(timer);
  }

  let closed: Promise<void> | undefined;
  const close = (graceMs = grace): Promise<void> =>
    (closed ??= shutdown(Number.isFinite(graceMs) && graceMs > 0 ? graceMs : 0));

  function shutdown(graceMs: number): Promise<void> {
    closing = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (live.size === 0) return Promise.resolve();
    const done = new Promise<void>((resolve) => (onEmpty = resolve));
    for (const worker of live.values()) {
      const kill = setTimeout(() => worker.process.kill('SIGKILL'), graceMs + KILL_AFTER_MS);
      worker.once('exit', () => clearTimeout(kill));
      if (worker.isConnected()) worker.send({ type: 'close', graceMs } satisfies ToWorker, () => {});
      else worker.process.kill('SIGKILL');
    }
    return done;
  }

  const results = await Promise.allSettled(Array.from({ length: count }, (_, slot) => start(slot)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed !== undefined) {
    await close(0);
    throw failed.reason;
  }
  started = true;
  return Object.freeze({
    url,
    pids: () => [...live.values()].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
    close,
  });
}

function moduleUrl(module: unknown): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== 'string' || module === '') throw new TypeError('"options.module" expected URL or path');
  return /^(file|data):/.test(module) ? module : pathToFileURL(resolvePath(module)).href;
}

const errorClass = (name: string) => (name === 'TypeError' ? TypeError : name === 'RangeError' ? RangeError : Error);
