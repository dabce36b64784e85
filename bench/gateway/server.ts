// The measured side of the gateway benchmark, run as its own process, on loopback:
//   server.js http                       a bare node:http server answering 1 KiB (the HTTP ceiling)
//   server.js serve                      serveNode with a handler answering 1 KiB (no crypto)
//   server.js gateway wasm|js WORKERS fetch|bhttp [STORE REDIS_URL]
//                                        the OHTTP gateway of ./gateway-module.ts (its target
//                                        fetch-style or Binary HTTP, its replay store none,
//                                        memory or redis), in this process with serveNode for
//                                        1 worker, else with serveCluster
// Prints one JSON line: the server's URL and, for a gateway, its application/ohttp-keys (hex).
// Stops when its stdin ends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hpke, ohttp } from '../../bindings/index.js';
import { serveCluster, serveNode, type NodeServer } from '../../bindings/node.js';
import build, { ANSWER, keyToJson, type GatewayArgs } from './gateway-module.js';

const [mode, backend, workers, target, store = 'none', redis] = process.argv.slice(2);
const usage = () =>
  new Error(
    `usage: server.js http | serve | gateway wasm|js WORKERS fetch|bhttp [none|memory|redis REDIS_URL], got ${process.argv.slice(2)}`,
  );

function bareHttp(): Promise<NodeServer> {
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () =>
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': ANSWER.length }).end(ANSWER),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise<void>((done) => (server.close(() => done()), server.closeAllConnections())),
      }),
    ),
  );
}

let keys = '';
let server: NodeServer;
if (mode === 'http') server = await bareHttp();
else if (mode === 'serve') server = await serveNode(async () => new Response(ANSWER));
else if (mode === 'gateway' && (backend === 'wasm' || backend === 'js') && Number(workers) >= 1) {
  const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  keys = Buffer.from(ohttp.encodeKeyConfigs([key])).toString('hex');
  if (store !== 'none' && store !== 'memory' && store !== 'redis') throw usage();
  if (target !== 'fetch' && target !== 'bhttp') throw usage();
  const args: GatewayArgs = { backend, key: keyToJson(key), target, store, ...(redis === undefined ? {} : { redis }) };
  server =
    Number(workers) === 1
      ? await serveNode(await build(args))
      : await serveCluster({ module: new URL('./gateway-module.js', import.meta.url), args, workers: Number(workers) });
} else throw usage();

console.log(JSON.stringify({ url: server.url, keys }));
process.stdin.resume();
process.stdin.on('end', () => void server.close(1_000).then(() => process.exit(0)));
