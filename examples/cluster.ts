// Gateways at scale, on loopback: two gateway processes (serveCluster) share one Redis — Debian's
// redis-server, started here in a temporary directory — for their spent-token store, behind one
// relay. A client spends anonymous credentials through the relay; its requests are served by both
// processes, and a token replayed to the cluster is refused whichever process gets it, because the
// check-and-add is Redis's (SET NX). Run with `npm run example:cluster` (needs redis-server).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { credentials, hpke, ohttp, oprf, type Credential } from '../bindings/index.js';
import { serveCluster, serveNode } from '../bindings/node.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A port the system gives a listener on port 0, free now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

// Redis: a server of this example's own, no persistence; ready once a client connects.
const dir = mkdtempSync(join(tmpdir(), 'oblivia-cluster-'));
const port = await freePort();
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
  {
    stdio: 'ignore',
  },
);
const redisUrl = `redis://127.0.0.1:${port}`;
const probe = createClient({ url: redisUrl, socket: { reconnectStrategy: (retries) => (retries > 50 ? false : 50) } });
await probe.connect();

// The keys every gateway process shares, in a file only this user reads.
const gatewayKey = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
  { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
]);
const issuerKey = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
const keys = join(dir, 'keys.json');
writeFileSync(
  keys,
  JSON.stringify({
    gateway: { ...gatewayKey, publicKey: hex(gatewayKey.publicKey), privateKey: hex(gatewayKey.privateKey) },
    issuerSecretKey: hex(issuerKey.secretKey),
  }),
  { mode: 0o600 },
);

const cluster = await serveCluster({
  module: new URL('./cluster-gateway.js', import.meta.url),
  args: { keys, redis: redisUrl },
  workers: 2,
});
const relay = await serveNode(ohttp.relay({ gateway: cluster.url }));

try {
  // Eight credentials for today, issued in process (examples/private-processing.ts serves an issuer).
  const epoch = credentials.currentEpoch();
  const issuer = credentials.issuer({ secretKey: issuerKey.secretKey, policy: (a) => a.epoch === epoch });
  const holder = credentials.client({ publicKey: issuerKey.publicKey });
  const { bytes, pending } = holder.request({ epoch, values: ['summarise'] }, 8);
  const wallet: Credential[] = holder.finalize(pending, issuer.issue(bytes));
  const spent: string[] = [];
  const spend = credentials.clientAuthorizer(holder, () => wallet.shift()!);
  const client = ohttp.client({
    relay: relay.url,
    keys: [gatewayKey],
    authorize: async (request) => {
      const authorized = await spend(request);
      spent.push(authorized.headers.get('authorization')!);
      return authorized;
    },
  });
  const summarise = () => new Request('https://summarise.example/v1/summarise', { method: 'POST', body: 'hello' });

  // Six requests at once, each with its own credential: the relay's connections reach both processes.
  const answers = await Promise.all(Array.from({ length: 6 }, async () => (await client.fetch(summarise())).text()));
  const processes = new Set(answers.map((a) => a.replace('served by gateway process ', '')));
  console.log(
    `6 requests, 6 credentials: served by ${processes.size} gateway processes (${[...processes].join(', ')}).`,
  );
  console.log(`Redis holds ${await probe.dbSize()} spent tokens.`);

  // Each of those tokens replayed, six times over: whichever process gets it, Redis says spent.
  let refused = 0;
  for (const token of spent)
    for (let i = 0; i < 6; i++) {
      const replayer = ohttp.client({
        relay: relay.url,
        keys: [gatewayKey],
        authorize: async (request) => {
          const headers = new Headers(request.headers);
          headers.set('authorization', token);
          return new Request(request, { headers });
        },
      });
      if ((await replayer.fetch(summarise())).status === 401) refused++;
    }
  console.log(`${spent.length * 6} replays of those tokens across both processes: ${refused} refused (401).`);
} finally {
  await relay.close();
  await cluster.close();
  await probe.quit();
  redis.kill('SIGTERM');
  await new Promise((resolve) => redis.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
