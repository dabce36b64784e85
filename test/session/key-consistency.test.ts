// Key consistency for the attested session: a key only one client is shown would link its
// requests. The client reads the gateway's keys and the node directory from a consistency mirror
// (ohttp.mirror over loopback origins), never from the origins. Here the origins equivocate — each
// fetch gets its own gateway key, or its own node bundle, under the same key id and node name — and:
//   - through one mirror every client gets the same copy, and the origin sees one fetch;
//   - with a second mirror (`confirm`) the equivocation is caught before anything is sent;
//   - `max-age=0` does not make a client read keys per request;
//   - a 422 from the gateway never makes the client fetch keys from their origin, nor re-send.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { hpke, ohttp, ObliviousFetchError, type GatewayKey, type Handler } from 'oblivia';
import { attestationSimulator } from 'oblivia/attestation-simulator';
import { serveNode, type NodeServer } from 'oblivia/node';
import { session, SessionError } from 'oblivia/session';
import { HOUR, MEASUREMENT, releaseLog } from './fixtures/release-log.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const keyConfig = (id: number) => ohttp.generateKeyConfig(id, hpke.KEM.X25519_HKDF_SHA256, SUITES);

// One released measurement in a log two witnesses cosign.
const { statement, publish, policy } = releaseLog(NOW);
const proof = publish([statement], 0);
const measurement = MEASUREMENT;

const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
const verifier = (maxAge = HOUR) =>
  session.bundleVerifier({
    attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
    log: policy(maxAge),
  });
const expiry = new Date(NOW.getTime() + HOUR * 1000);
/** A node's bundle for `key`, made once per key as a node does. */
const bundles = new Map<GatewayKey, Promise<Uint8Array>>();
const bundleOf = (key: GatewayKey) => {
  if (!bundles.has(key)) bundles.set(key, makeBundle(key));
  return bundles.get(key)!;
};
const makeBundle = (key: GatewayKey) =>
  session.createBundle({
    keyConfig: key,
    expiry,
    attester: (reportData) => sim.attest({ reportData, measurement }),
    endorsements: { signer: sim.vcek, chain: sim.chainPem },
    statement,
    proof,
  });

// The origins: with `equivocate`, each fetch gets its own key under the same key id (node key 1,
// gateway key 9); the node and the gateway hold the newest.
const nodeKeys: GatewayKey[] = [keyConfig(1)];
const gatewayKeys: GatewayKey[] = [keyConfig(9)];
const origin = { equivocate: false, nodeFetches: 0, keyFetches: 0 };

let nodesOrigin: NodeServer;
let keysOrigin: NodeServer;
beforeAll(async () => {
  nodesOrigin = await serveNode(async () => {
    origin.nodeFetches++;
    if (origin.equivocate) nodeKeys.push(keyConfig(1)); // this fetch's own key, same key id
    const bundle = await bundleOf(nodeKeys.at(-1)!);
    return session.nodeDirectory({ nodes: { 'node-1': () => bundle } })(new Request('http://d/'));
  });
  keysOrigin = await serveNode(async () => {
    origin.keyFetches++;
    if (origin.equivocate) gatewayKeys.push(keyConfig(9));
    return new Response(ohttp.encodeKeyConfigs([gatewayKeys.at(-1)!]) as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': ohttp.MEDIA_TYPE.KEYS, 'cache-control': 'max-age=0' },
    });
  });
});
afterAll(async () => {
  await Promise.all([nodesOrigin.close(), keysOrigin.close()]);
  sim.destroy();
});

/** A mirror of both origins, counting what clients ask it. */
function mirror() {
  const handler = ohttp.mirror({
    resources: { '/ohttp-keys': keysOrigin.url, '/nodes': nodesOrigin.url },
    now: () => NOW.getTime(),
  });
  const asked: string[] = [];
  const counted: Handler = async (request) => {
    asked.push(new URL(request.url).pathname);
    return handler(request);
  };
  return Object.assign(counted, { asked });
}

/** relay → gateway (the newest key, unless `held`) → node (the newest key), counting the relay's calls. */
function relay(held?: GatewayKey[]) {
  const handler = async () => new Response('answered');
  const node: Handler = (request) => session.node({ keys: nodeKeys.at(-1)!, handler })(request);
  const gateway = ohttp.gateway({ keys: () => held ?? [gatewayKeys.at(-1)!], target: node });
  const relayed = ohttp.relay({ gateway });
  const calls: number[] = [];
  const counted: Handler = async (request) => {
    calls.push(1);
    return relayed(request);
  };
  return Object.assign(counted, { calls });
}

const clientOf = (options: { relay: Handler; mirror: Handler; confirm?: Handler }) =>
  session.client({ ...options, verifier: verifier(), gateway: 'https://gateway.example', now: () => NOW });
const request = () => new Request('https://processing.example/v1/summarise', { method: 'POST', body: 'secret' });

beforeEach(() => {
  origin.equivocate = false;
  origin.nodeFetches = 0;
  origin.keyFetches = 0;
});

test('one mirror: an equivocating origin is fetched once, and every client gets the same keys', async () => {
  origin.equivocate = true;
  const shared = mirror();
  const clients = [1, 2, 3].map(() => clientOf({ relay: relay(), mirror: shared }));
  for (const c of clients) expect((await c.fetch(request())).status).toBe(200);
  expect([origin.nodeFetches, origin.keyFetches]).toEqual([1, 1]);
  // Each 200 says the request opened under the one node key and the one gateway key the origins
  // served that single time (they hold no other).
  expect(clients.map((c) => c.audit[0]!.status)).toEqual([200, 200, 200]);
});

test('a second mirror catches a node directory that shows each fetch its own key: INCONSISTENT, nothing sent', async () => {
  origin.equivocate = true;
  const r = relay();
  const client = clientOf({ relay: r, mirror: mirror(), confirm: mirror() });
  const error = await client.fetch(request()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SessionError);
  expect((error as SessionError).code).toBe('INCONSISTENT');
  expect(r.calls).toEqual([]);
  expect(client.audit).toEqual([]);
});

test('a second mirror catches a key directory that shows each fetch its own key: KEY_INCONSISTENT, nothing sent', async () => {
  origin.equivocate = true;
  const r = relay();
  const first = mirror();
  const second = mirror();
  // The node directory is stable here (both mirrors keep the same bundle); the key directory
  // equivocates when the mirrors read it.
  origin.equivocate = false;
  await Promise.all([first, second].map((m) => m(new Request('http://m/nodes'))));
  origin.equivocate = true;
  const client = clientOf({ relay: r, mirror: first, confirm: second });
  const error = await client.fetch(request()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ObliviousFetchError);
  expect((error as ObliviousFetchError).code).toBe('KEY_INCONSISTENT');
  expect(r.calls).toEqual([]);
});

test('both mirrors agree: the request goes through', async () => {
  const r = relay();
  const client = clientOf({ relay: r, mirror: mirror(), confirm: mirror() });
  expect((await client.fetch(request())).status).toBe(200);
  expect(r.calls).toHaveLength(1);
});

test('max-age=0 everywhere: one read of each list for many requests', async () => {
  const m = mirror();
  const r = relay();
  const client = clientOf({ relay: r, mirror: m });
  for (let i = 0; i < 5; i++) expect((await client.fetch(request())).status).toBe(200);
  expect(m.asked.sort()).toEqual(['/nodes', '/ohttp-keys']);
  expect([origin.nodeFetches, origin.keyFetches]).toEqual([1, 1]);
  expect(r.calls).toHaveLength(5);
});

test('a 422 from the gateway: no fetch from the origin, no re-read, no re-send', async () => {
  const m = mirror();
  const r = relay([keyConfig(8)]); // the gateway holds only a key the directory never showed
  const client = clientOf({ relay: r, mirror: m });
  for (let i = 0; i < 3; i++) {
    const error = await client.fetch(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObliviousFetchError);
    expect(error).toMatchObject({ code: 'KEY_REJECTED', status: 422 });
  }
  expect(r.calls).toHaveLength(3);
  expect(m.asked.filter((p) => p === '/ohttp-keys')).toEqual(['/ohttp-keys']);
  expect(origin.keyFetches).toBe(1);
});

test('a verified bundle is reused for reverifyAfter seconds, never past its expiry', async () => {
  const real = verifier(2 * HOUR);
  const verified: string[] = [];
  const counting = {
    verify: (bundle: Uint8Array, options: { now: Date }) => {
      verified.push(options.now.toISOString());
      return real.verify(bundle, options);
    },
  };
  const clock = { ms: NOW.getTime() };
  const client = session.client({
    relay: relay(),
    mirror: mirror(),
    verifier: counting,
    gateway: 'https://gateway.example',
    now: () => new Date(clock.ms),
    reverifyAfter: 600,
  });
  for (const step of [0, 300_000, 299_000, 1_000, 599_000, 1_000]) {
    clock.ms += step;
    expect((await client.fetch(request())).status).toBe(200);
  }
  // Verified at 0 (reused at 300 s and 599 s), again at 600 s (reused at 1199 s), again at 1200 s.
  expect(verified).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-01T12:10:00.000Z', '2026-03-01T12:20:00.000Z']);
  // The bundle expires at 13:00: a verification within reverifyAfter of it is not reused after it.
  clock.ms = expiry.getTime() - 1_000;
  expect((await client.fetch(request())).status).toBe(200);
  clock.ms = expiry.getTime();
  const error = (await client.fetch(request()).catch((e: unknown) => e)) as SessionError;
  expect(error.code).toBe('NO_NODE');
  expect((error.cause as AggregateError).errors.map((e: SessionError) => e.code)).toEqual(['EXPIRED']);
});
