// Security regression (issue 17): a relay that copies an Encapsulated Request could make the
// gateway run the service once per copy — 50 replays ran it 50 times — and could tell the
// gateway's refusals from its answers by their size (with credentials: 201 bytes against 339).
// With replay protection (RFC 9458 §6.5) the service runs once, and with padding (RFC 9292 §3.8)
// every answer the relay carries back — served, replay, Date, credential refusal, 503 — has one
// length. Measured at the relay: the bodies it sees going each way.
import { expect, test } from 'vitest';
import { credentials, hpke, ohttp, oprf, type Handler, type ReplayStore } from 'oblivia';

const suite = oprf.suite('ristretto255-SHA512', 'poprf');

function setup(options: { replay: boolean; credentials?: boolean; store?: ReplayStore; padTo?: number }) {
  const issuerKey = suite.generateKeyPair();
  const ohttpKey = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(ohttpKey));
  let runs = 0;
  const target: Handler = async (request) => {
    runs++;
    return Response.json({ summary: `summary of ${(await request.text()).length} bytes`, model: 'm-1', tokens: 42 });
  };
  const verifier = credentials.verifier({ secretKey: issuerKey.secretKey, store: credentials.memorySpentStore() });
  const gateway = ohttp.gateway({
    keys: [ohttpKey],
    target,
    authorize: options.credentials === false ? undefined : credentials.gatewayAuthorizer(verifier),
    replay: options.replay ? { store: options.store } : undefined,
    padTo: options.padTo,
  });
  const requests: Uint8Array[] = [];
  const answers: number[] = [];
  const relay = ohttp.relay({
    gateway: async (request) => {
      requests.push(new Uint8Array(await request.clone().arrayBuffer()));
      const response = await gateway(request);
      answers.push((await response.clone().arrayBuffer()).byteLength);
      return response;
    },
  });
  const issuer = credentials.issuer({ secretKey: issuerKey.secretKey });
  const credentialClient = credentials.client({ publicKey: issuerKey.publicKey });
  const { bytes, pending } = credentialClient.request({ epoch: credentials.currentEpoch(), values: ['summarise'] }, 4);
  const wallet = credentialClient.finalize(pending, issuer.issue(bytes));
  /** A client with credentials, its clock `skewMs` off. */
  const clientWith = (skewMs = 0) =>
    ohttp.client({
      relay,
      keys: [config],
      now: () => Date.now() + skewMs,
      authorize: credentials.clientAuthorizer(credentialClient, () => wallet.shift()!),
    });
  const client = clientWith();
  const bare = ohttp.client({ relay, keys: [config] });
  /** The relay sends a captured body to the gateway again: its outer status. */
  const replay = async (body: Uint8Array) =>
    (
      await relay(
        new Request('http://relay.test/', {
          method: 'POST',
          headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
          body: body as Uint8Array<ArrayBuffer>,
        }),
      )
    ).status;
  return { client, clientWith, bare, replay, requests, answers, runs: () => runs };
}

const post = () =>
  new Request('https://summarise.example/v1/summarise', { method: 'POST', body: 'my unread messages' });

test('50 replays of a captured request run the service once (they ran it 50 times before)', async () => {
  const { client, replay, requests, runs } = setup({ replay: true });
  expect((await client.fetch(post())).status).toBe(200);
  const captured = requests[0]!;
  for (let i = 0; i < 50; i++) expect(await replay(captured)).toBe(200); // a 200 of message/ohttp-res
  expect(runs()).toBe(1);
});

test('the gap, as it stays without the replay option (the default) and without credentials: every copy runs', async () => {
  const { bare, replay, requests, runs } = setup({ replay: false, credentials: false });
  expect((await bare.fetch(post())).status).toBe(200);
  for (let i = 0; i < 50; i++) expect(await replay(requests[0]!)).toBe(200);
  expect(runs()).toBe(51);
  // The same with the option: once.
  const guarded = setup({ replay: true, credentials: false });
  expect((await guarded.bare.fetch(post())).status).toBe(200);
  for (let i = 0; i < 50; i++) expect(await guarded.replay(guarded.requests[0]!)).toBe(200);
  expect(guarded.runs()).toBe(1);
});

test('at the relay, a replay refusal, a Date refusal, a credential refusal and a 503 are as long as an answer', async () => {
  let failStore = false;
  const memory = ohttp.memoryReplayStore();
  const store: ReplayStore = {
    add: (id, ttl) => (failStore ? Promise.reject(new Error('down')) : memory.add(id, ttl)),
  };
  const { client, clientWith, bare, replay, requests, answers, runs } = setup({ replay: true, store });
  expect((await client.fetch(post())).status).toBe(200); // 1: a normal answer
  await replay(requests[0]!); // 2: a replay refusal
  expect((await bare.fetch(post())).status).toBe(401); // 3: a credential refusal (no token)
  failStore = true;
  expect((await client.fetch(post())).status).toBe(503); // 4: the store is down
  failStore = false;
  // 5, 6: a client a day slow is refused for its Date, then served with the gateway's Date.
  const skewed = clientWith(-86_400_000);
  expect((await skewed.fetch(post())).status).toBe(200);
  expect(skewed.audit.map((a) => a.status)).toEqual([400, 200]);
  expect(runs()).toBe(2);
  expect(answers).toHaveLength(6);
  expect(new Set(answers).size).toBe(1);
  // Unpadded (padTo 1), the relay tells them apart, as the issue measured (201 bytes against 339).
  const unpadded = setup({ replay: true, padTo: 1 });
  expect((await unpadded.client.fetch(post())).status).toBe(200);
  expect((await unpadded.bare.fetch(post())).status).toBe(401);
  expect(unpadded.answers[0]).not.toBe(unpadded.answers[1]);
});
