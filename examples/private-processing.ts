// Private processing, end to end on loopback: the attested session (docs/session.md). A client
// sends its chat messages to a summarisation service that runs in a TEE, through an Oblivious HTTP
// relay (RFC 9458) and gateway, encrypted twice: to the gateway (OHTTP), and inside that to the
// attested key of one processing node, so the gateway's target sees ciphertext only. The client
// spends an anonymous credential (RFC 9497 POPRF, docs/credentials.md) that the gateway checks, and
// reads the gateway's keys and the node directory from the relay's consistency mirror, so neither
// origin sees a client. Two processing nodes run the service in simulated AMD SEV-SNP guests
// (oblivia/attestation-simulator, whose root the client trusts explicitly; AMD's roots would
// refuse it); each publishes an attested key bundle whose report binds its key, and whose image
// measurement was released to a transparency log that two witnesses cosign. The client verifies
// every node's bundle before it encrypts a byte and picks one at random.
//
// It prints the summary, what each hop saw, the client's session audit, a replayed token refused,
// then three bad nodes refused before anything is sent — an unreleased measurement, report data
// that binds another key, a split view of the log — and the hops' filtered logs. Run with
// `npm start`. (An app writes `from 'oblivia'`, `'oblivia/session'`, `'oblivia/tlog'`,
// `'oblivia/node'` and `'oblivia/attestation-simulator'`.)
import { attestationSimulator } from '../bindings/attestation-simulator.js';
import { hpke, ohttp, sha384, type Handler, type LogEntry } from '../bindings/index.js';
import { CLIENT_ADDRESS_HEADER, serveNode } from '../bindings/node.js';
import { session, SessionError, type BundleVerifierOptions, type DirectoryNode } from '../bindings/session.js';
import { tlog } from '../bindings/tlog.js';
import { summarise, type ChatMessage } from './chat.js';
import { credentialHops } from './credential-hops.js';
import { releaseLog } from './release-log.js';

const now = new Date(); // a demo: the clock's time; everything below is valid around it
const NOW_S = Math.floor(now.getTime() / 1000);
const HOUR = 3600;
const at = (seconds: number) => new Date(seconds * 1000);
const text = (s: string) => new TextEncoder().encode(s);
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const GATEWAY = 'https://gateway.example';
const PLANTED = 'blue-heron-7731'; // a phrase in the messages: nowhere in what the gateway's target handles
const logs: LogEntry[] = [];
const log = (entry: LogEntry) => logs.push(entry);

/** What each hop saw, for the table. */
const saw = {
  issuer: '',
  relay: '',
  relayCalls: 0,
  gatewayAddress: '',
  gatewayToken: '',
  router: [] as { node: string; received: Uint8Array; returned: Uint8Array }[],
  nodes: {} as Record<string, string>,
  mirrorReads: 0,
  origin: { keys: 0, nodes: 0 },
};

// The release: the node image's measurement, appended to the log as a statement (after an older
// release), the checkpoint cosigned by both witnesses a minute ago.
const ORIGIN = 'log.example/releases';
const releases = releaseLog(ORIGIN, ['witness-1.example', 'witness-2.example']);
const MEASUREMENT = sha384(text('oblivia summarise node 1.0.0 image'));
const release = (measurement: Uint8Array, name: string, ageS: number) =>
  session.releaseStatement({ platform: 'sev-snp', measurement, name, time: at(NOW_S - ageS) });
const older = release(sha384(text('oblivia summarise node 0.9.0 image')), 'summarise-node 0.9.0', 30 * 24 * HOUR);
const statement = release(MEASUREMENT, 'summarise-node 1.0.0', 24 * HOUR);
const proof = releases.publish([older, statement], NOW_S - 60).proof(1);

// The TEE platform (simulated): one simulator attests both nodes; its certificates are valid from
// yesterday. Each bundle binds the node's key and an expiry an hour from now into REPORT_DATA.
const sim = await attestationSimulator.sevSnp({ notBefore: at(NOW_S - 24 * HOUR) });
const EXPIRY = at(NOW_S + HOUR);
const bundle = (
  key: ReturnType<typeof ohttp.generateKeyConfig>,
  o: { bound?: typeof key; measurement?: Uint8Array; proof?: string } = {},
) =>
  session.createBundle({
    keyConfig: key,
    expiry: EXPIRY,
    attester: (reportData) =>
      sim.attest({
        reportData: o.bound === undefined ? reportData : session.reportData(o.bound, EXPIRY),
        measurement: o.measurement ?? MEASUREMENT,
      }),
    endorsements: { signer: sim.vcek, chain: sim.chainPem },
    statement,
    proof: o.proof ?? proof,
  });
const keyConfig = (id: number) => ohttp.generateKeyConfig(id, hpke.KEM.X25519_HKDF_SHA256, SUITES);

// The processing nodes: the summarisation service, each behind its own attested key. A node sees
// the request as the client made it, and nothing of who sent it.
const processing = ['node-a', 'node-b'].map((name, i) => {
  const key = keyConfig(i + 1);
  return {
    name,
    bundle: bundle(key), // its public part; from here on the node owns the private key
    node: session.node({
      keys: key,
      log,
      handler: async (request) => {
        const { messages } = (await request.json()) as { messages: ChatMessage[] };
        const planted = messages.some((m) => m.text.includes(PLANTED)) ? ' (the planted phrase among them)' : '';
        saw.nodes[name] =
          `${messages.length} messages${planted}; address header: ${request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'none'}; ` +
          `authorization: ${request.headers.get('authorization') ?? 'none'}`;
        return Response.json({ summary: summarise(messages) });
      },
    }),
  };
});
const nodeServers = await Promise.all(processing.map((p) => serveNode(p.node)));
const good: DirectoryNode[] = await Promise.all(
  processing.map(async (p) => ({ name: p.name, bundle: await p.bundle })),
);

// The node directory (its origin): the nodes listed now, each with its bundle.
let listed: DirectoryNode[] = good;
const nodeDirectory = await serveNode(async (request) => {
  saw.origin.nodes++;
  const nodes = Object.fromEntries(listed.map((n) => [n.name, () => n.bundle]));
  return session.nodeDirectory({ nodes, log })(request);
});

// The credential issuer, and the gateway's authorizer (examples/credential-hops.ts).
const credentialsHop = await credentialHops(saw);

// The gateway: its target is the session router, which passes each inner request, unchanged, to
// the node the client named. The wrapper records what the router received and returned.
const router = session.router({
  nodes: Object.fromEntries(processing.map((p, i) => [p.name, nodeServers[i]!.url])),
  log,
});
const target: Handler = async (request) => {
  const node = new URL(request.url).pathname.replace('/nodes/', '');
  const received = new Uint8Array(await request.clone().arrayBuffer());
  const response = await router(request);
  saw.router.push({ node, received, returned: new Uint8Array(await response.clone().arrayBuffer()) });
  return response;
};
const keyDirectory = ohttp.keyDirectory({ log });
const keyServer = await serveNode(async (request) => {
  saw.origin.keys++;
  return keyDirectory.handler(request);
});
const gatewayHandler = ohttp.gateway({ keys: keyDirectory.keys, target, log, authorize: credentialsHop.authorize });
const gateway = await serveNode(async (request) => {
  saw.gatewayAddress = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'none';
  return gatewayHandler(request);
});

// The relay knows the client's address and sees ciphertext only. Beside it, its consistency
// mirror: the one place clients read the gateway's keys and the node directory from.
const relayHandler = ohttp.relay({ gateway: gateway.url, log });
const relay = await serveNode(
  async (request) => {
    saw.relayCalls++;
    const size = (await request.clone().arrayBuffer()).byteLength;
    saw.relay = `client address ${request.headers.get(CLIENT_ADDRESS_HEADER)}; ${size}-byte ciphertext`;
    return relayHandler(request);
  },
  { exposeAddress: true },
);
const mirrorOf = () => ohttp.mirror({ resources: { '/ohttp-keys': keyServer.url, '/nodes': nodeDirectory.url } });
const mirrorHandler = mirrorOf();
const mirror = await serveNode(async (request) => {
  saw.mirrorReads++;
  return mirrorHandler(request);
});

try {
  // Credentials: four for today's "summarise" use case, obtained once, spent one per request.
  const wallet = await credentialsHop.wallet('summarise', 4);
  let lastToken = '';

  // The client trusts the simulator's root, the release log's key and its two witnesses (both must
  // have cosigned within the hour). Its log verifier remembers the checkpoint it saw.
  const verifierOf = (log: BundleVerifierOptions['log']) =>
    session.bundleVerifier({
      attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
      log,
    });
  const policy = tlog.policy({
    log: releases.logKey.verifierKey,
    witnesses: releases.witnesses.map((w) => w.verifierKey),
    quorum: 2,
    maxAge: HOUR,
  });
  const verifier = verifierOf(tlog.verifier({ policy }));
  const clientOf = (mirrorAt: Handler | string, spendWith = wallet.spend) =>
    session.client({ relay: relay.url, mirror: mirrorAt, verifier, gateway: GATEWAY, authorize: spendWith });
  const client = clientOf(mirror.url, async (request) => {
    const authorized = await wallet.spend(request);
    lastToken = authorized.headers.get('authorization')!;
    return authorized;
  });

  const messages: ChatMessage[] = [
    { from: 'Ana', text: 'The design review moved to Thursday. Please bring the latency numbers for the new gateway.' },
    {
      from: 'Ben',
      text: 'Latency numbers for the gateway look good: the relay adds about two milliseconds. I will bring them Thursday.',
    },
    { from: 'Chloé', text: `Lunch anyone? The new place by the station is open. The wifi password is ${PLANTED}.` },
    { from: 'Ana', text: 'Great. After the review on Thursday we decide whether the gateway ships.' },
  ];
  const summariseRequest = () =>
    new Request('https://summarise.example/v1/summarise', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages }),
    });
  const response = await client.fetch(summariseRequest());
  const { summary } = (await response.json()) as { summary: string[] };
  const [entry] = client.audit;

  // The gateway's target handled ciphertext only: no message, no summary sentence, not the planted
  // phrase, in what it received or what it returned.
  const [routed] = saw.router;
  const phrases = [PLANTED, ...messages.map((m) => m.text), ...summary];
  const seenIn = (bytes: Uint8Array) => phrases.filter((p) => Buffer.from(bytes).includes(Buffer.from(p)));
  if (saw.router.length !== 1 || seenIn(routed!.received).length + seenIn(routed!.returned).length > 0)
    throw new Error('the gateway saw plaintext');

  console.log(`Summary (HTTP ${response.status}, from ${entry!.node}):`);
  for (const sentence of summary) console.log(`  • ${sentence}`);
  console.log('\nWhat each hop saw:');
  console.table({
    issuer: { saw: saw.issuer },
    relay: { saw: saw.relay },
    mirror: {
      saw: `${saw.mirrorReads} reads (gateway keys, node directory); origins fetched by the mirror only: key directory ${saw.origin.keys}×, node directory ${saw.origin.nodes}×`,
    },
    gateway: {
      saw:
        `address header: ${saw.gatewayAddress}; ${saw.gatewayToken}; ciphertext only: ${routed!.received.length}-byte inner request ` +
        `to ${routed!.node}, ${routed!.returned.length}-byte answer (0 of the ${phrases.length} plaintext phrases in either)`,
    },
    ...Object.fromEntries(processing.map((p) => [p.name, { saw: saw.nodes[p.name] ?? 'nothing (not chosen)' }])),
  });

  console.log("\nThe client's session audit (what it verified before it sent a byte):");
  const rows: [string, string][] = [
    ['node', `${entry!.node} (of ${entry!.listed} listed, ${entry!.verified} verified); status ${entry!.status}`],
    ['platform', entry!.platform],
    ['measurement', entry!.measurement],
    ['log', `${entry!.logOrigin}, tree size ${entry!.treeSize}, leaf index ${entry!.leafIndex}`],
    ['checkpoint', entry!.checkpointHash],
    ['witnesses', entry!.witnesses.join(', ')],
    ['key', `id ${entry!.keyId}, expires ${entry!.expiry}`],
  ];
  for (const [field, value] of rows) console.log(`  ${field.padEnd(12)} ${value}`);

  // Someone who copied the request's token tries it again: the gateway refuses it (401, spent),
  // inside the OHTTP response; no node runs.
  const ran = Object.keys(saw.nodes).length;
  const replayer = clientOf(mirror.url, async (request) => {
    const headers = new Headers(request.headers);
    headers.set('authorization', lastToken);
    return new Request(request, { headers });
  });
  const replayed = await replayer.fetch(summariseRequest()).catch((e: unknown) => e);
  console.log(
    `\nThe same token replayed: ${describeError(replayed)}, the gateway's HTTP ${replayer.audit[0]?.status}; ` +
      `nodes run: ${Object.keys(saw.nodes).length - ran}; credentials left: ${wallet.left()}.`,
  );

  // Three bad nodes, each alone in the directory (swapped at its origin), each for a fresh client
  // reading through a fresh mirror (the relay's keeps its copy a minute). Every client shares the
  // main client's verifier, and so the checkpoint it saw.
  const unreleased = sha384(text('oblivia summarise node 1.0.1-dev image'));
  const fork = releases.publish([release(unreleased, 'summarise-node 0.9.0', 30 * 24 * HOUR), statement], NOW_S - 60);
  const forked = await bundle(keyConfig(5), { proof: fork.proof(1) });
  const alone = await verifierOf(policy).verify(forked, { now }); // alone, the fork verifies
  const bad: [string, string, Uint8Array][] = [
    ['node-c', 'its measurement never released', await bundle(keyConfig(3), { measurement: unreleased })],
    ['node-d', 'its report data binds another key', await bundle(keyConfig(4), { bound: keyConfig(4) })],
    ['node-e', `a split view: a fork of the log, same size ${alone.log.treeSize}, key and witnesses`, forked],
  ];
  console.log('\nThree bad nodes, refused before anything is sent:');
  for (const [name, why, badBundle] of bad) {
    listed = [{ name, bundle: badBundle }];
    const [calls, left] = [saw.relayCalls, wallet.left()];
    const error = await clientOf(mirrorOf())
      .fetch(summariseRequest())
      .catch((e: unknown) => e);
    if (!(error instanceof SessionError) || saw.relayCalls !== calls || wallet.left() !== left)
      throw new Error(`${name} was not refused before sending`);
    console.log(`  ${name} (${why}): ${describeError(error)}; nothing sent, the relay received nothing`);
  }

  console.log("\nThe hops' filtered logs:");
  console.table(
    logs.map(({ durationMs, ...rest }) => ({
      ...rest,
      ...(durationMs !== undefined && { durationMs: Math.round(durationMs) }),
    })),
  );
} finally {
  await Promise.all(
    [relay, mirror, gateway, keyServer, nodeDirectory, credentialsHop.issuer, ...nodeServers].map((s) => s.close()),
  );
  for (const p of processing) p.node.destroy();
  keyDirectory.destroy();
  sim.destroy();
}

/** An error as its class and code, then each cause's (an AggregateError's errors, in order). */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return `no error (${String(e)})`;
  const named = 'code' in e ? `${e.name} ${String(e.code)}` : e.name;
  const causes = e.cause instanceof AggregateError ? e.cause.errors : e.cause === undefined ? [] : [e.cause];
  return [named, ...causes.map(describeError)].join(' ← ');
}
