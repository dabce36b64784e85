// Private processing, end to end on loopback: a summarisation service behind an Oblivious HTTP
// gateway (RFC 9458), a key directory, a relay, and a credential issuer (anonymous credentials on
// RFC 9497 POPRF, docs/credentials.md). The client obtains credentials from the issuer, fetches the
// gateway's keys, and sends its chat messages through the relay with one credential bound to the
// request; the gateway checks it after decryption. It prints the summary, what each party saw —
// the issuer only blinded elements, the gateway an unlinkable token — its own audit log, and a
// replayed token refused. Before it sends a byte, the client verifies the gateway's attestation: an
// AMD SEV-SNP report (docs/attestation.md) whose REPORT_DATA binds the gateway's key configurations.
// The TEE is simulated (oblivia/attestation-simulator), so the client trusts the simulator's root
// explicitly; AMD's roots would refuse it. Run with `npm start`. (An app writes `from 'oblivia'`,
// `from 'oblivia/node'` and `from 'oblivia/attestation-simulator'`.)
import { attestationSimulator } from '../bindings/attestation-simulator.js';
import { attestation } from '../bindings/attestation.js';
import {
  ohttp,
  credentials,
  oprf,
  sha384,
  sha512,
  type Credential,
  type Handler,
  type LogEntry,
} from '../bindings/index.js';
import { CLIENT_ADDRESS_HEADER, serveNode } from '../bindings/node.js';

interface ChatMessage {
  from: string;
  text: string;
}

const STOP_WORDS = new Set(
  'the a an and or but to of in on at for with is are was were be been it this that we you i our your my me us can will just so as by from about have has had do did not'.split(
    ' ',
  ),
);

/** An extractive summary: the `count` sentences whose words are most frequent overall, in order. */
function summarise(messages: readonly ChatMessage[], count = 2): string[] {
  const sentences = messages.flatMap((m) =>
    m.text
      .split(/(?<=[.!?])\s+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const wordsOf = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
  const frequency = new Map<string, number>();
  for (const w of sentences.flatMap(wordsOf)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const score = (s: string) =>
    wordsOf(s).reduce((sum, w) => sum + frequency.get(w)!, 0) / Math.max(1, wordsOf(s).length);
  const top = new Set([...sentences].sort((a, b) => score(b) - score(a)).slice(0, count));
  return sentences.filter((s) => top.has(s));
}

/** An issuance request as the issuer reads it (docs/credentials.md): version, key id, the framed
 *  attributes (a count, then length-prefixed items, the epoch first), N, then N blinded elements. */
function describeIssuance(body: Uint8Array): string {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 1 + 8;
  const items = view.getUint16(at);
  at += 2;
  const epoch = view.getUint32(at + 2);
  for (let i = 0; i < items; i++) at += 2 + view.getUint16(at);
  const count = view.getUint16(at);
  return `epoch ${epoch} and ${items - 1} attribute value(s); ${count} blinded elements, the first ${hex(body.subarray(at + 2, at + 2 + ELEMENT)).slice(0, 16)}…`;
}

/** What each hop saw, for the table printed at the end. */
const saw = { relay: '', gatewayAddress: '', gatewayRequestLine: '', gatewayToken: '', service: '', issuer: '' };
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unbase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const ELEMENT = 32; // ristretto255-SHA512: elements and token inputs are 32 bytes
const logs: LogEntry[] = [];
const log = (entry: LogEntry) => logs.push(entry);

// The processing service: stateless; it sees the messages and nothing about who sent them.
const service = await serveNode(async (request) => {
  const { messages } = (await request.json()) as { messages: ChatMessage[] };
  saw.service = `${messages.length} messages; address header: ${request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'none'}`;
  return Response.json({ summary: summarise(messages) });
});

// The gateway decrypts and forwards to the service; the wrapper shows what its operator can read.
const directory = ohttp.keyDirectory({ log });
const forwardToService = ohttp.forwarder(service.url);
const toService: Handler = async (request) => {
  const { pathname, search } = new URL(request.url);
  saw.gatewayRequestLine = `${request.method} ${pathname}${search} (decrypted)`;
  return forwardToService(request);
};
// The issuer vouches for a client (an app would authenticate it first) with a batch of credentials
// for today and the use case; it sees only blinded elements. The gateway verifies with the same key.
const issuerKey = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
const issuerHandler = credentials.issuerHandler(
  credentials.issuer({ secretKey: issuerKey.secretKey, policy: (a) => a.epoch === credentials.currentEpoch() }),
);
const issuerServer = await serveNode(async (request) => {
  saw.issuer = describeIssuance(new Uint8Array(await request.clone().arrayBuffer()));
  return issuerHandler(request);
});
const verify = credentials.gatewayAuthorizer(
  credentials.verifier({ secretKey: issuerKey.secretKey, store: credentials.memorySpentStore() }),
);
const authorize = async (request: Request) => {
  const header = request.headers.get('authorization');
  const decided = await verify(request);
  // A token is version ‖ key id ‖ attributes ‖ input (32) ‖ tag (32): show the input it spent.
  const token = header === null ? undefined : credentials.parseAuthorization(header);
  const input =
    token === undefined
      ? 'no token'
      : `token input ${hex(token.subarray(token.length - 2 * ELEMENT, token.length - ELEMENT)).slice(0, 16)}…`;
  saw.gatewayToken = `${input}: ${decided instanceof Response ? `refused (${decided.status})` : 'valid, unspent'}`;
  return decided;
};
const gatewayHandler = ohttp.gateway({ keys: directory.keys, target: toService, log, authorize });
const gateway = await serveNode(async (request) => {
  saw.gatewayAddress = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'none';
  return gatewayHandler(request);
});
const keys = await serveNode(directory.handler);

// The gateway's confidential VM (simulated): its launch measurement stands for the gateway image, and
// each report binds REPORT_DATA = SHA-512 of the key configurations the directory serves.
const tee = await attestationSimulator.sevSnp({ notBefore: new Date(Date.now() - 86_400_000) });
const GATEWAY_MEASUREMENT = sha384(new TextEncoder().encode('oblivia private-processing gateway image'));
const evidence = await serveNode(async () =>
  Response.json({
    report: base64(
      tee.attest({
        reportData: sha512(ohttp.encodeKeyConfigs(directory.configs())),
        measurement: GATEWAY_MEASUREMENT,
      }),
    ),
    vcek: base64(tee.vcek),
    chain: tee.chainPem,
  }),
);

// The relay knows the client's address, and sees ciphertext only.
const relayHandler = ohttp.relay({ gateway: gateway.url, log });
const relay = await serveNode(
  async (request) => {
    const size = (await request.clone().arrayBuffer()).byteLength;
    saw.relay = `client address ${request.headers.get(CLIENT_ADDRESS_HEADER)}; ${size}-byte ciphertext`;
    return relayHandler(request);
  },
  { exposeAddress: true },
);

try {
  // Attestation first: the key configurations the client will encrypt to must be the ones the
  // attested gateway bound in its report, and its measurement the expected image.
  const configBytes = new Uint8Array(await (await fetch(keys.url)).arrayBuffer());
  const served = (await (await fetch(evidence.url)).json()) as { report: string; vcek: string; chain: string };
  const teeVerifier = attestation.sevSnp.verifier({
    roots: [{ product: 'Milan', arkSha256: tee.arkSha256 }],
    policy: { measurements: [GATEWAY_MEASUREMENT] },
  });
  const attested = await teeVerifier.verify(
    unbase64(served.report),
    { signer: unbase64(served.vcek), chain: served.chain },
    { at: new Date(), reportData: sha512(configBytes) },
  );
  const attestedKeys = ohttp.decodeKeyConfigs(configBytes);

  // Credentials: four for today's "summarise" use case, obtained once, spent one per request.
  const credentialClient = credentials.client({ publicKey: issuerKey.publicKey });
  const { bytes, pending } = credentialClient.request({ epoch: credentials.currentEpoch(), values: ['summarise'] }, 4);
  const issued = await fetch(issuerServer.url, {
    method: 'POST',
    headers: { 'content-type': credentials.MEDIA_TYPE.REQUEST },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  const wallet: Credential[] = credentialClient.finalize(pending, new Uint8Array(await issued.arrayBuffer()));
  let lastToken = '';
  const spend = credentials.clientAuthorizer(credentialClient, () => wallet.shift()!);
  const client = ohttp.client({
    relay: relay.url,
    keys: attestedKeys,
    log,
    authorize: async (request) => {
      const authorized = await spend(request);
      lastToken = authorized.headers.get('authorization')!;
      return authorized;
    },
  });
  const messages: ChatMessage[] = [
    { from: 'Ana', text: 'The design review moved to Thursday. Please bring the latency numbers for the new gateway.' },
    {
      from: 'Ben',
      text: 'Latency numbers for the gateway look good: the relay adds about two milliseconds. I will bring them Thursday.',
    },
    { from: 'Chloé', text: 'Lunch anyone? The new place by the station is open.' },
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
  const tokenSeen = saw.gatewayToken;

  // Someone who copied the request's token tries it again: the gateway refuses it (401, spent).
  const replayer = ohttp.client({
    relay: relay.url,
    keys: keys.url,
    authorize: async (request) => {
      const headers = new Headers(request.headers);
      headers.set('authorization', lastToken);
      return new Request(request, { headers });
    },
  });
  const replay = await replayer.fetch(summariseRequest());
  const problem = (await replay.json()) as { type: string };

  const tcb = Object.entries(attested.tcb)
    .map(([part, svn]) => `${part} ${svn}`)
    .join(', ');
  console.log(
    `Attestation: SEV-SNP report verified (simulated ${attested.product.name} root; AMD's roots refuse it): ` +
      `measurement ${hex(attested.measurements.get('MEASUREMENT')!).slice(0, 16)}…, TCB ${tcb}, ` +
      `REPORT_DATA = SHA-512 of the ${attestedKeys.length} key configuration(s) the client encrypts to.\n`,
  );
  console.log(`Summary (HTTP ${response.status}):`);
  for (const sentence of summary) console.log(`  • ${sentence}`);
  console.log('\nWhat each hop saw:');
  console.table({
    issuer: { saw: saw.issuer },
    relay: { saw: saw.relay },
    gateway: { saw: `address header: ${saw.gatewayAddress}; request line: ${saw.gatewayRequestLine}; ${tokenSeen}` },
    service: { saw: saw.service },
  });
  console.log(`\nThe same token replayed: HTTP ${replay.status}, ${problem.type}; credentials left: ${wallet.length}.`);
  console.log("\nThe client's audit log (what was sent, to which key, through which relay):");
  console.table(client.audit);
  console.log("\nThe hops' filtered logs:");
  console.table(
    logs.map(({ durationMs, ...rest }) => ({
      ...rest,
      ...(durationMs !== undefined && { durationMs: Math.round(durationMs) }),
    })),
  );
} finally {
  await Promise.all([relay, keys, evidence, gateway, service, issuerServer].map((s) => s.close()));
  directory.destroy();
  tee.destroy();
}
