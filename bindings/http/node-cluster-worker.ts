// A worker of serveCluster (./node-cluster.ts), started by node:cluster: it imports the module named
// in its configuration, builds the handler with the module's default export and serves it with
// serveNode on the port the primary shares. It tells the primary its URL (or why it failed), and on
// the primary's "close" closes its server — requests in flight get the grace time — then exits.
import cluster from 'node:cluster';
import type { Handler } from './exchange.js';
import { WORKER_ENV, type FromWorker, type ToWorker, type WorkerConfig } from './node-cluster.js';
import { serveNode, type NodeServer } from './node-server.js';

if (!cluster.isWorker) throw new Error('node-cluster-worker runs as a worker of serveCluster only');
const config = JSON.parse(process.env[WORKER_ENV] ?? 'null') as WorkerConfig;
delete process.env[WORKER_ENV];
const tell = (message: FromWorker) => process.send!(message);

let server: NodeServer | undefined;
let closing = false;
process.on('message', (message: ToWorker) => {
  if (message?.type !== 'close' || closing) return;
  closing = true;
  if (server === undefined) process.exit(0);
  void server.close(message.graceMs).then(() => process.exit(0));
});

try {
  const factory = ((await import(config.module)) as { default?: unknown }).default;
  if (typeof factory !== 'function') throw new TypeError(`"${config.module}" has no default export to build a handler`);
  const handler = (await factory(config.args, config.slot)) as Handler;
  server = await serveNode(handler, config.serve);
  if (closing) await server.close(0).then(() => process.exit(0));
  else tell({ type: 'listening', url: server.url });
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  process.send!({ type: 'failed', name, message } satisfies FromWorker, () => process.exit(1));
}
