// The attested session end to end over loopback sockets: client → relay → gateway (its target the
// session router) → processing node, on both backends. Two simulated SEV-SNP nodes whose measurement
// was released to a log that two witnesses cosign; the client verifies every bundle of the node
// directory before it encrypts a byte, picks one at random, and reads the node's answer. The
// gateway's target (the router) sees ciphertext only: a secret planted in the request and in the
// response is nowhere in what it received or returned. Each outer request carries an anonymous
// credential (RFC 9497 POPRF) bound to it, which the gateway checks and strips: the node never
// sees it. The client reads the node directory from the relay's consistency
// mirror, which alone reaches the directory. Fail closed: a node whose measurement was never
// released and a node whose evidence binds another key are refused and the other node is used;
// with only bad nodes the client throws SessionError NO_NODE and the relay receives nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { credentials, hpke, ohttp, oprf, useBackend, type Credential, type Handler, type KeyConfig } from 'oblivia';
import { AttestationError } from 'oblivia/attestation';
import { attestationSimulator } from 'oblivia/attestation-simulator';
import { serveNode, type NodeServer } from 'oblivia/node';
import { session, SessionError, type SessionAuditEntry } from 'oblivia/session';
import { tlog } from 'oblivia/tlog';
import { filler, HOUR, MEASUREMENT, ORIGIN, releaseLog } from './fixtures/release-log.js';

afterAll(() => useBackend(undefined));

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const at = (seconds: number): Date => new Date(seconds * 1000);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const SECRET_REQUEST = 'secret-request-7f3a9c: my unread messages';
const SECRET_RESPONSE = 'secret-response-51be02: the summary';
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];

// The release log, two witnesses, one released measurement: the statement is entry 3 of 5.
const { statement, publish, policy } = releaseLog(NOW);
const measurement = MEASUREMENT;
const storage = tlog.memoryStorage();
const index = 3;
const proof = publish([filler(0), filler(1), filler(2), statement, filler(4)], index, { storage });
const checkpoint = proof.slice(proof.indexOf('\n\n') + 2);
const checkpointHash = hex(
  createHash('sha256')
    .update(checkpoint.slice(0, checkpoint.indexOf('\n\n') + 1))
    .digest(),
);

const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
const endorsements = { signer: sim.vcek, chain: sim.chainPem };
const verifier = () =>
  session.bundleVerifier({
    attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
    log: policy(),
  });

interface Make {
  key: KeyConfig;
  /** The key the evidence binds, if not the bundle's. */
  bound?: KeyConfig;
  /** The measurement the TEE runs, and the statement it carries, if not the released ones. */
  measurement?: Uint8Array;
  statement?: Uint8Array;
}
const EXPIRY = at(NOW_S + HOUR);
const makeBundle = (m: Make): Promise<Uint8Array> =>
  session.createBundle({
    keyConfig: m.key,
    expiry: EXPIRY,
    attester: (reportData) =>
      sim.attest({
        reportData: m.bound === undefined ? reportData : session.reportData(m.bound, EXPIRY),
        measurement: m.measurement ?? measurement,
      }),
    endorsements,
    statement: m.statement ?? statement,
    proof,
  });

// The nodes: a and b good; c runs an image whose measurement was never released; d's evidence
// binds another key than the one its bundle publishes.
const keys = {
  a: ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, SUITES),
  b: ohttp.generateKeyConfig(2, hpke.KEM.X25519_HKDF_SHA256, SUITES),
  c: ohttp.generateKeyConfig(3, hpke.KEM.X25519_HKDF_SHA256, SUITES),
  d: ohttp.generateKeyConfig(4, hpke.KEM.X25519_HKDF_SHA256, SUITES),
  e: ohttp.generateKeyConfig(5, hpke.KEM.X25519_HKDF_SHA256, SUITES),
};
type Name = keyof typeof keys;
const unreleased = new Uint8Array(48).fill(0x5a);
const bundles: Record<Name, Uint8Array> = {
  a: await makeBundle({ key: keys.a }),
  b: await makeBundle({ key: keys.b }),
  c: await makeBundle({
    key: keys.c,
    measurement: unreleased,
    statement: session.releaseStatement({
      platform: 'sev-snp',
      measurement: unreleased,
      name: 'node 1.0.1',
      time: at(NOW_S - HOUR),
    }),
  }),
  d: await makeBundle({ key: keys.d, bound: ohttp.generateKeyConfig(4, hpke.KEM.X25519_HKDF_SHA256, SUITES) }),
  e: await makeBundle({ key: keys.e }),
};
const processing: Partial<Record<Name, ReturnType<typeof session.node>>> = {};

/** What each hop saw. */
const seen = {
  relay: 0,
  mirror: 0,
  directoryDirect: 0,
  routerPaths: [] as string[],
  gatewayTokens: [] as (string | null)[],
  routerIn: [] as Uint8Array[],
  routerOut: [] as Uint8Array[],
  nodes: { a: [], b: [], c: [], d: [], e: [] } as Record<Name, string[]>,
};

// Anonymous credentials (docs/credentials.md): the issuer's key; the gateway's verifier with its
// spent-token store; one wallet the clients spend from, a credential bound to each outer request.
const issuerKey = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
const checkCredential = credentials.gatewayAuthorizer(
  credentials.verifier({ secretKey: issuerKey.secretKey, store: credentials.memorySpentStore() }),
);
const credentialClient = credentials.client({ publicKey: issuerKey.publicKey });
const wallet: Credential[] = (() => {
  const epoch = credentials.currentEpoch();
  const issuer = credentials.issuer({
    secretKey: issuerKey.secretKey,
    policy: (a) => a.epoch === epoch,
    maxBatch: 128,
  });
  const { bytes, pending } = credentialClient.request({ epoch, values: ['summarise'] }, 128);
  return credentialClient.finalize(pending, issuer.issue(bytes));
})();
const spend = credentials.clientAuthorizer(credentialClient, () => wallet.shift()!);

const servers: NodeServer[] = [];
let directoryServer: NodeServer;
let relayServer: NodeServer;
let mirrorServer: NodeServer;
let logFetches = 0;
/** The mirror's clock: each test starts an hour later, so no copy of another test's directory is served. */
const mirrorClock = { now: NOW.getTime() };
let listed: Name[] = ['a', 'b'];
/** Each node's URL, as a gateway operator would configure it. */
const nodeUrls = {} as Record<Name, string>;
const gatewayKey = ohttp.generateKeyConfig(9, hpke.KEM.X25519_HKDF_SHA256, SUITES);

beforeAll(async () => {
  const serve = async (handler: Handler) => {
    const server = await serveNode(handler);
    servers.push(server);
    return server;
  };
  const entries = await Promise.all(
    (Object.keys(keys) as Name[]).map(async (name) => {
      const node = session.node({
        keys: keys[name],
        handler: async (request) => {
          const text = await request.text();
          seen.nodes[name].push(
            `${request.method} ${request.url} ${text} auth=${request.headers.get('authorization')}`,
          );
          return new Response(`${SECRET_RESPONSE} from ${name} for ${text.length} bytes`);
        },
      });
      processing[name] = node;
      const server = await serve(node);
      nodeUrls[name] = server.url;
      return [name, server] as const;
    }),
  );
  // The node directory lists the nodes of `listed`.
  const directories = new Map<string, Handler>();
  const directory: Handler = async (request) => {
    const key = listed.join(',');
    if (!directories.has(key))
      directories.set(
        key,
        session.nodeDirectory({ nodes: Object.fromEntries(listed.map((n) => [n, () => bundles[n]])) }),
      );
    return directories.get(key)!(request);
  };
  directoryServer = await serve(async (request) => {
    seen.directoryDirect++;
    return directory(request);
  });
  const router = session.router({ nodes: Object.fromEntries(entries.map(([n, s]) => [n, s.url])) });
  const recordingRouter: Handler = async (request) => {
    seen.routerPaths.push(`${request.method} ${new URL(request.url).pathname}`);
    seen.routerIn.push(new Uint8Array(await request.clone().arrayBuffer()));
    const response = await router(request);
    seen.routerOut.push(new Uint8Array(await response.clone().arrayBuffer()));
    return response;
  };
  const gatewayServer = await serve(
    ohttp.gateway({
      keys: [gatewayKey],
      target: recordingRouter,
      authorize: async (request) => {
        const decided = await checkCredential(request);
        seen.gatewayTokens.push(decided instanceof Response ? `refused ${decided.status}` : 'accepted');
        return decided;
      },
    }),
  );
  const relay = ohttp.relay({ gateway: gatewayServer.url });
  relayServer = await serve(async (request) => {
    seen.relay++;
    return relay(request);
  });
  // The release log's tiles, as the log serves them.
  const logServer = await serve(async (request) => {
    logFetches++;
    const tile = storage.read(new URL(request.url).pathname.slice(1));
    return tile === undefined
      ? new Response('no such tile', { status: 404 })
      : new Response(tile as Uint8Array<ArrayBuffer>);
  });
  const mirror = ohttp.mirror({
    resources: { '/nodes': directoryServer.url, '/log/': logServer.url },
    now: () => mirrorClock.now,
  });
  mirrorServer = await serve(async (request) => {
    seen.mirror++;
    return mirror(request);
  });
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

beforeEach(() => {
  mirrorClock.now += 3600_000;
  seen.relay = 0;
  seen.mirror = 0;
  seen.directoryDirect = 0;
  seen.routerPaths.length = 0;
  seen.gatewayTokens.length = 0;
  seen.routerIn.length = 0;
  seen.routerOut.length = 0;
  for (const n of Object.keys(seen.nodes) as Name[]) seen.nodes[n].length = 0;
});

/** xorshift32 as a byte source: a fixed sequence, so a failure replays. */
function seeded(seed: number): (bytes: Uint8Array) => void {
  let x = seed;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
  };
}

const client = (seed = 1) =>
  session.client({
    relay: relayServer.url,
    keys: [ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(gatewayKey))],
    mirror: mirrorServer.url,
    verifier: verifier(),
    gateway: 'https://gateway.example',
    now: () => NOW,
    random: seeded(seed),
    authorize: spend,
  });

const summarise = () =>
  new Request('https://processing.example/v1/summarise', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: SECRET_REQUEST,
  });

const contains = (haystack: Uint8Array, needle: string): boolean =>
  Buffer.from(haystack).includes(Buffer.from(needle, 'utf8'));

const expectedAudit = (name: Name): Partial<SessionAuditEntry> => ({
  node: name,
  platform: 'sev-snp',
  measurement: 'a5'.repeat(48),
  logOrigin: ORIGIN,
  treeSize: 5,
  leafIndex: 3,
  checkpointHash,
  witnesses: ['w1.example', 'w2.example'],
  keyId: keys[name].keyId,
  expiry: '2026-03-01T13:00:00.000Z',
  status: 200,
});

describe.each(['wasm', 'js'] as const)('on %s', (backend) => {
  beforeEach(() => useBackend(backend));

  test('client → relay → gateway → router → node: the answer, ciphertext only at the gateway, the audit', async () => {
    listed = ['a', 'b'];
    const c = client();
    const response = await c.fetch(summarise());
    expect(response.status).toBe(200);
    const text = await response.text();
    const chosen = text.includes('from a') ? 'a' : 'b';
    expect(text).toBe(`${SECRET_RESPONSE} from ${chosen} for ${SECRET_REQUEST.length} bytes`);
    // The node saw the request as the client made it, without the credential.
    expect(seen.nodes[chosen]).toEqual([`POST https://processing.example/v1/summarise ${SECRET_REQUEST} auth=null`]);
    expect(seen.nodes[chosen === 'a' ? 'b' : 'a']).toEqual([]);
    // The gateway saw the credential; its target, ciphertext both ways.
    expect(seen.relay).toBe(1);
    expect(seen.gatewayTokens).toEqual(['accepted']); // a fresh credential, bound to this request
    expect(seen.routerIn).toHaveLength(1);
    expect(seen.routerOut).toHaveLength(1);
    for (const bytes of [...seen.routerIn, ...seen.routerOut]) {
      expect(contains(bytes, SECRET_REQUEST)).toBe(false);
      expect(contains(bytes, SECRET_RESPONSE)).toBe(false);
      expect(contains(bytes, 'summarise')).toBe(false);
    }
    // The inner request is hdr ‖ enc ‖ ct to the chosen node's key.
    expect(seen.routerIn[0]![0]).toBe(keys[chosen].keyId);
    expect(c.audit).toHaveLength(1);
    expect(c.audit[0]).toMatchObject({ ...expectedAudit(chosen), listed: 2, verified: 2 });
    expect(Object.keys(c.audit[0]!).sort()).toEqual(
      [
        'time',
        'node',
        'platform',
        'measurement',
        'logOrigin',
        'treeSize',
        'leafIndex',
        'checkpointHash',
        'witnesses',
        'keyId',
        'expiry',
        'listed',
        'verified',
        'status',
      ].sort(),
    );
  });

  test('both verified nodes get chosen over a few requests (seeded)', async () => {
    listed = ['a', 'b'];
    const c = client(7);
    for (let i = 0; i < 12; i++) expect((await c.fetch(summarise())).status).toBe(200);
    const names = c.audit.map((e) => e.node);
    expect(new Set(names)).toEqual(new Set(['a', 'b']));
    expect(seen.nodes.a.length + seen.nodes.b.length).toBe(12);
    expect(seen.nodes.a.length).toBe(names.filter((n) => n === 'a').length);
  });

  test('a node whose measurement was never released is refused; the other is used', async () => {
    listed = ['a', 'c'];
    const c = client(3);
    for (let i = 0; i < 6; i++) expect((await c.fetch(summarise())).status).toBe(200);
    expect(c.audit.map((e) => e.node)).toEqual(Array(6).fill('a'));
    expect(c.audit[0]).toMatchObject({ ...expectedAudit('a'), listed: 2, verified: 1 });
    expect(seen.nodes.c).toEqual([]);
    expect(seen.relay).toBe(6);
  });

  test('a node whose bundle binds another key is refused; the other is used', async () => {
    listed = ['b', 'd'];
    const c = client(5);
    for (let i = 0; i < 6; i++) expect((await c.fetch(summarise())).status).toBe(200);
    expect(c.audit.map((e) => e.node)).toEqual(Array(6).fill('b'));
    expect(c.audit[0]).toMatchObject({ ...expectedAudit('b'), listed: 2, verified: 1 });
    expect(seen.nodes.d).toEqual([]);
  });

  test('all nodes bad: SessionError NO_NODE with each refusal, and the relay received nothing', async () => {
    listed = ['c', 'd'];
    const c = client();
    const error = await c.fetch(summarise()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).code).toBe('NO_NODE');
    const cause = (error as SessionError).cause as AggregateError;
    expect(cause).toBeInstanceOf(AggregateError);
    expect(cause.errors.map((e: { name: string; code: string }) => `${e.name} ${e.code}`)).toEqual([
      'SessionError UNRELEASED',
      'AttestationError REPORT_DATA',
    ]);
    expect(cause.errors[1]).toBeInstanceOf(AttestationError);
    expect(seen.relay).toBe(0);
    expect(seen.routerIn).toEqual([]);
    expect(seen.nodes).toEqual({ a: [], b: [], c: [], d: [], e: [] });
    expect(c.audit).toEqual([]);
  });

  test('the directory through the mirror: read from its origin once for many requests of many clients, never by a client', async () => {
    listed = ['a', 'b'];
    const clients = [client(11), client(12), client(13)];
    for (const c of clients) for (let i = 0; i < 3; i++) expect((await c.fetch(summarise())).status).toBe(200);
    // One read per client (each keeps its copy an hour), one origin fetch by the mirror in all.
    expect(seen.mirror).toBe(3);
    expect(seen.directoryDirect).toBe(1);
    expect(seen.relay).toBe(9);
    expect(seen.routerPaths.every((p) => /^POST \/nodes\/[ab]$/.test(p))).toBe(true);
  });

  test("a node whose key rotated after its bundle: the node's 422 comes back as SessionError NODE", async () => {
    listed = ['e'];
    processing.e!.rotate();
    processing.e!.rotate(); // the bundle's key is now destroyed
    const c = client();
    const error = (await c.fetch(summarise()).catch((e: unknown) => e)) as SessionError;
    expect(error).toBeInstanceOf(SessionError);
    expect(error.code).toBe('NODE');
    expect(c.audit).toHaveLength(1);
    expect(c.audit[0]).toMatchObject({ ...expectedAudit('e'), status: 422, error: 'NODE' });
    expect(seen.relay).toBe(1);
    expect(seen.nodes.e).toEqual([]);
  });

  test('a gateway that steers each request to the other node (non-targetability): that node cannot open it, its handler never runs, the client gets SessionError NODE', async () => {
    listed = ['a', 'b'];
    const steering = await serveNode(
      ohttp.gateway({ keys: [gatewayKey], target: session.router({ nodes: { a: nodeUrls.b, b: nodeUrls.a } }) }),
    );
    const steeringRelay = await serveNode(ohttp.relay({ gateway: steering.url }));
    servers.push(steering, steeringRelay);
    const chosen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const c = session.client({
        relay: steeringRelay.url,
        keys: [gatewayKey],
        mirror: mirrorServer.url,
        verifier: verifier(),
        gateway: 'https://gateway.example',
        now: () => NOW,
        random: seeded(seed),
      });
      const error = (await c.fetch(summarise()).catch((e: unknown) => e)) as SessionError;
      expect(error).toBeInstanceOf(SessionError);
      expect(error.code).toBe('NODE');
      expect(c.audit[0]).toMatchObject({ status: 422, error: 'NODE' });
      chosen.add(c.audit[0]!.node);
    }
    expect([...chosen].sort()).toEqual(['a', 'b']); // both directions were tried
    expect(seen.nodes.a).toEqual([]);
    expect(seen.nodes.b).toEqual([]);
  });

  test('expired bundles (the clock moved on): NO_NODE, nothing sent', async () => {
    listed = ['a', 'b'];
    const c = session.client({
      relay: relayServer.url,
      keys: [gatewayKey],
      mirror: mirrorServer.url,
      verifier: verifier(),
      gateway: 'https://gateway.example',
      now: () => at(NOW_S + HOUR),
    });
    const error = (await c.fetch(summarise()).catch((e: unknown) => e)) as SessionError;
    expect(error.code).toBe('NO_NODE');
    expect((error.cause as AggregateError).errors.map((e: SessionError) => e.code)).toEqual(['EXPIRED', 'EXPIRED']);
    expect(seen.relay).toBe(0);
  });

  test('no directory: SessionError DIRECTORY, nothing sent', async () => {
    const c = session.client({
      relay: relayServer.url,
      keys: [gatewayKey],
      mirror: async () => new Response('not a directory', { headers: { 'content-type': 'text/plain' } }),
      verifier: verifier(),
      gateway: 'https://gateway.example',
      now: () => NOW,
    });
    expect(((await c.fetch(summarise()).catch((e: unknown) => e)) as SessionError).code).toBe('DIRECTORY');
    expect(seen.relay).toBe(0);
  });
});

test('bundles proven in checkpoints of different sizes: the client proves them consistent from the log tiles, through the mirror', async () => {
  // The log grows: node f's bundle is proven in the checkpoint of size 6, a and b's in size 5.
  const laterProof = publish([filler(5)], index, { storage, time: NOW_S - 30 });
  const f = ohttp.generateKeyConfig(6, hpke.KEM.X25519_HKDF_SHA256, SUITES);
  const bundleF = await session.createBundle({
    keyConfig: f,
    expiry: EXPIRY,
    attester: (reportData) => sim.attest({ reportData, measurement }),
    endorsements,
    statement,
    proof: laterProof,
  });
  const fetchesBefore = logFetches;
  // One client sees a (size 5), then a and f (size 6); its log verifier keeps the newest.
  const logVerifier = tlog.verifier({
    policy: tlog.policy(policy()),
  });
  const tracking = session.bundleVerifier({
    attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
    log: logVerifier,
    tiles: `${mirrorServer.url}log/`,
  });
  expect((await tracking.verify(bundles.a, { now: NOW })).log.treeSize).toBe(5);
  const verifiedF = await tracking.verify(bundleF, { now: NOW });
  expect(verifiedF.log.treeSize).toBe(6);
  expect((await logVerifier.newest())?.size).toBe(6);
  expect((await tracking.verify(bundles.b, { now: NOW })).log.treeSize).toBe(5); // older, still consistent
  expect(logFetches - fetchesBefore).toBeGreaterThan(0); // by the mirror: the client never reaches the log
  expect(seen.relay).toBe(0);
});

afterAll(() => sim.destroy());
