// Gateways at scale, on loopback: two gateway processes (serveCluster) share one Redis — Debian's
// redis-server, started here in a temporary directory — for their spent-token store, behind one
// relay. A client spends anonymous credentials through the relay; its requests are served by both
// processes; a token replayed to the cluster is refused whichever process gets it, and a captured
// Encapsulated Request sent again is answered without running the service (RFC 9458 §6.5), because
// both check-and-adds are Redis's (SET NX). Run with `npm run example:cluster` (needs redis-server).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentials, hpke, ohttp, oprf, type Credential } from '../bindings/index.js';
import { serveCluster, serveNode } from '../bindings/node.js';
import { SERVED } from './cluster-gateway.js';
import { startRedisServer } from './redis-server.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// Redis: a server of this example's own, no persistence.
const redis = await startRedisServer();

// The keys every gateway process shares, in a file only this user reads.
const gatewayKey = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
  { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
]);
const issuerKey = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
const keys = join(redis.dir, 'keys.json');
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
  args: { keys, redis: redis.url },
  workers: 2,
});
// The relay keeps what it carries, as a relay could: the replays below are its copies.
const carried: Uint8Array[] = [];
const relayHandler = ohttp.relay({ gateway: cluster.url });
const relay = await serveNode(async (request) => {
  carried.push(new Uint8Array(await request.clone().arrayBuffer()));
  return relayHandler(request);
});

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
  console.log(`Redis holds ${(await redis.client.keys('oblivia:spent:*')).length} spent tokens.`);

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

  // The relay sends its copy of the first request six times more: answered, but nothing served.
  const served = Number(await redis.client.get(SERVED));
  for (let i = 0; i < 6; i++)
    await fetch(relay.url, {
      method: 'POST',
      headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
      body: carried[0]! as Uint8Array<ArrayBuffer>,
    });
  const again = Number(await redis.client.get(SERVED)) - served;
  console.log(`The first Encapsulated Request sent 6 times more by the relay: the service ran ${again} more times.`);
} finally {
  await relay.close();
  await cluster.close();
  await redis.stop();
}
