// Regression tests for findings 4 and 5: the memory spent store bounds itself (a cap that fails
// closed, epochs dropped by themselves and never accepted again), every verifier of a key is given
// its store, and framed attributes are bounded so that no secret-key step leaves the wasm core.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi, type MockInstance } from 'vitest';
import { backend, CredentialError, credentials, oprf, useBackend, type Attributes, type OprfSuiteName } from 'oblivia';
import { jsOprf } from 'oblivia/backend/js/js-oprf.js';
import type { Core } from 'oblivia/backend/wasm/core.js';
import { installModule } from 'oblivia/backend/select.js';
import { MAX_FRAMED_ATTRIBUTES, PROTOCOL } from 'oblivia/credentials/attributes.js';
import { encodeIssuanceRequest, encodeToken, INPUT_LENGTH, MAX_BATCH, TAG_LENGTH } from 'oblivia/credentials/wire.js';

const E = 20_000;
const rand = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** true / false as returned, or the CredentialError code, or `Class: message`. */
async function outcome(f: () => unknown): Promise<unknown> {
  try {
    return await f();
  } catch (e) {
    return e instanceof CredentialError ? e.code : `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

/** An issuer, client and verifier on one key; the verifier accepts epochs in [low(), low() + 2]. */
function setup(suite: OprfSuiteName = 'ristretto255-SHA512', store = credentials.memorySpentStore(), low = () => E) {
  const { secretKey, publicKey } = oprf.suite(suite, 'poprf').generateKeyPair();
  const acceptEpoch = (e: number) => e >= low() && e <= low() + 2;
  return {
    secretKey,
    store,
    issuer: credentials.issuer({ secretKey, suite, maxBatch: MAX_BATCH }),
    client: credentials.client({ publicKey, suite }),
    verifier: credentials.verifier({ secretKey, suite, store, acceptEpoch }),
  };
}

function issue(s: ReturnType<typeof setup>, count: number, attributes: Attributes = { epoch: E, values: ['chat'] }) {
  const { bytes, pending } = s.client.request(attributes, count);
  return s.client.finalize(pending, s.issuer.issue(bytes));
}

/** `count` tokens, each redeemed on a fresh binding. */
function tokens(s: ReturnType<typeof setup>, count: number, attributes?: Attributes) {
  return issue(s, count, attributes).map((c) => {
    const binding = rand(32);
    return { token: s.client.redeem(c, binding), binding };
  });
}

const inputOf = (token: Uint8Array) => token.slice(token.length - INPUT_LENGTH - TAG_LENGTH, token.length - TAG_LENGTH);

/** Framed attributes with the epoch and one value of `length` bytes: 10 + length bytes. */
function framedWith(length: number): Uint8Array {
  const out = new Uint8Array(10 + length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 2);
  view.setUint16(2, 4);
  view.setUint32(4, E);
  view.setUint16(8, length);
  return out;
}

describe('finding 4: the memory spent store is bounded', () => {
  test('a full store refuses a new input with STORE_FULL and records nothing; room returns with a newer epoch', async () => {
    const store = credentials.memorySpentStore({ maxEntries: 3, retainEpochs: 1 });
    const keyId = rand(8);
    const inputs = Array.from({ length: 4 }, () => rand(32));
    for (const input of inputs.slice(0, 3)) expect(store.add({ keyId, epoch: E }, input)).toBe(true);
    expect(await outcome(() => store.add({ keyId, epoch: E }, inputs[3]!))).toBe('STORE_FULL');
    expect(store.has({ keyId, epoch: E }, inputs[3]!)).toBe(false);
    expect(store.add({ keyId, epoch: E }, inputs[0]!)).toBe(false); // still spent
    // Epoch E + 1 drops E (retainEpochs 1): exactly 3 fit again, and E is refused from then on.
    for (const input of inputs.slice(0, 3)) expect(store.add({ keyId, epoch: E + 1 }, input)).toBe(true);
    expect(await outcome(() => store.add({ keyId, epoch: E + 1 }, inputs[3]!))).toBe('STORE_FULL');
    expect(store.has({ keyId, epoch: E }, inputs[0]!)).toBe(false);
    expect(await outcome(() => store.add({ keyId, epoch: E }, inputs[3]!))).toBe('EPOCH');
  });

  test('the verifier fails closed on a full store; the gateway answers 503 credential-store-full', async () => {
    const s = setup('ristretto255-SHA512', credentials.memorySpentStore({ maxEntries: 2 }));
    const [a, b, c] = tokens(s, 3);
    expect((await s.verifier.verify(a!.token, a!.binding)).attributes.epoch).toBe(E);
    expect((await s.verifier.verify(b!.token, b!.binding)).attributes.epoch).toBe(E);
    expect(await outcome(() => s.verifier.verify(c!.token, c!.binding))).toBe('STORE_FULL');
    expect(s.store.has({ keyId: s.verifier.keyId, epoch: E }, inputOf(c!.token))).toBe(false);
    expect(await outcome(() => s.verifier.verify(a!.token, a!.binding))).toBe('SPENT');

    const [credential] = issue(s, 1);
    const request = await credentials.clientAuthorizer(
      s.client,
      () => credential!,
    )(new Request('https://x.example/', { method: 'POST', body: 'x' }));
    const refusal = (await credentials.gatewayAuthorizer(s.verifier)(request)) as Response;
    expect(refusal.status).toBe(503);
    expect(refusal.headers.get('www-authenticate')).toBe(null);
    expect((await refusal.json()).type).toBe('urn:oblivia:problem:credential-store-full');
  });

  test('newer epochs drop older ones by themselves; a dropped epoch is never accepted again', async () => {
    let low = E;
    const s = setup('ristretto255-SHA512', credentials.memorySpentStore(), () => low);
    const [spent, unspent] = tokens(s, 2, { epoch: E, values: [] });
    await s.verifier.verify(spent!.token, spent!.binding);
    expect(s.store.has({ keyId: s.verifier.keyId, epoch: E }, inputOf(spent!.token))).toBe(true);
    // The verifier's window moves on to [E + 1, E + 3]; spending E + 3 drops epoch E (3 kept).
    low = E + 1;
    for (const epoch of [E + 1, E + 2, E + 3]) {
      const [t] = tokens(s, 1, { epoch, values: [] });
      await s.verifier.verify(t!.token, t!.binding);
    }
    expect(s.store.has({ keyId: s.verifier.keyId, epoch: E }, inputOf(spent!.token))).toBe(false);
    // This verifier refuses epoch E anyway; one that still accepted it meets the store's refusal.
    expect(await outcome(() => s.verifier.verify(spent!.token, spent!.binding))).toBe('EPOCH');
    const lax = credentials.verifier({ secretKey: s.secretKey, store: s.store, acceptEpoch: () => true });
    expect(await outcome(() => lax.verify(spent!.token, spent!.binding))).toBe('EPOCH');
    expect(await outcome(() => lax.verify(unspent!.token, unspent!.binding))).toBe('EPOCH');
  });

  test('options are checked with typed errors', async () => {
    const make = (options: unknown) => outcome(() => credentials.memorySpentStore(options as never));
    expect(await make(null)).toBe('TypeError: "options" expected object');
    expect(await make({ maxEntries: 0 })).toBe(
      'RangeError: "options.maxEntries" expected integer in [1, 16777216], got 0',
    );
    expect(await make({ maxEntries: 2 ** 24 + 1 })).toBe(
      'RangeError: "options.maxEntries" expected integer in [1, 16777216], got 16777217',
    );
    expect(await make({ maxEntries: '5' })).toBe('TypeError: "options.maxEntries" expected integer, got string');
    expect(await make({ retainEpochs: 1.5 })).toBe(
      'RangeError: "options.retainEpochs" expected integer in [1, 4294967296], got 1.5',
    );
    expect(await make({ retainEpochs: 0 })).toBe(
      'RangeError: "options.retainEpochs" expected integer in [1, 4294967296], got 0',
    );
  });
});

describe('finding 4: every verifier of a key is given its store', () => {
  test('credentials.verifier without a store is a TypeError', async () => {
    const { secretKey } = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
    expect(await outcome(() => credentials.verifier({ secretKey } as never))).toBe(
      'TypeError: "options.store" expected a SpentStore',
    );
  });

  test('a token spent at one verifier is SPENT at another on the same store', async () => {
    const s = setup();
    const other = credentials.verifier({ secretKey: s.secretKey, store: s.store, acceptEpoch: (e) => e === E });
    const [a, b] = tokens(s, 2);
    await s.verifier.verify(a!.token, a!.binding);
    expect(await outcome(() => other.verify(a!.token, a!.binding))).toBe('SPENT');
    await other.verify(b!.token, b!.binding);
    expect(await outcome(() => s.verifier.verify(b!.token, b!.binding))).toBe('SPENT');
  });
});

describe('finding 5: attributes are bounded, and secret-key work stays in the wasm core', () => {
  let core: Core;
  const spies: MockInstance[] = [];
  beforeAll(() => {
    core = installModule(
      new WebAssembly.Module(readFileSync(new URL('../../build/out/wasm/oblivia.wasm', import.meta.url))),
    ).core;
    useBackend('wasm');
    for (const name of Object.keys(jsOprf) as (keyof typeof jsOprf)[]) spies.push(vi.spyOn(jsOprf, name));
  });
  afterEach(() => spies.forEach((spy) => spy.mockClear()));
  afterAll(() => {
    spies.forEach((spy) => spy.mockRestore());
    useBackend(undefined);
  });
  const jsCalls = () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);

  test('the worst-case secret-key steps fit the core window, for every suite', () => {
    expect(MAX_FRAMED_ATTRIBUTES).toBe(4096);
    expect(core.ioSize).toBe(2 * 65536 + 1024);
    const info = PROTOCOL.length + MAX_FRAMED_ATTRIBUTES;
    const worst = (name: OprfSuiteName) => {
      const { elementLength: Ne, scalarLength: Ns } = oprf.suite(name, 'poprf');
      // BlindEvaluate: skS ‖ proof randomness ‖ info ‖ blinded[MAX_BATCH]; Evaluate: skS ‖ info ‖ input.
      return { blindEvaluate: 2 * Ns + info + MAX_BATCH * Ne, evaluate: Ns + info + INPUT_LENGTH };
    };
    expect(worst('P521-SHA512')).toEqual({ blindEvaluate: 21394, evaluate: 4208 });
    for (const name of ['ristretto255-SHA512', 'P256-SHA256', 'P384-SHA384', 'P521-SHA512'] as const) {
      const { blindEvaluate, evaluate } = worst(name);
      expect(Math.max(blindEvaluate, evaluate)).toBeLessThanOrEqual(core.ioSize);
    }
  });

  test('the client refuses attributes over the bound with a RangeError', async () => {
    const { publicKey } = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
    const client = credentials.client({ publicKey });
    expect(await outcome(() => client.request({ epoch: E, values: [new Uint8Array(4087)] }))).toBe(
      'RangeError: "attributes" expected at most 4096 framed bytes, got 4097',
    );
    expect(await outcome(() => client.request({ epoch: E, values: ['x'.repeat(65_000)] }))).toBe(
      'RangeError: "attributes" expected at most 4096 framed bytes, got 65010',
    );
  });

  test('the issuer, its handler and the verifier refuse oversize attributes as MALFORMED before any secret-key work', async () => {
    const s = setup('P521-SHA512');
    const handler = credentials.issuerHandler(s.issuer);
    // One byte over the bound, and the attack's ~65 KB (within RFC 9497's info).
    for (const framed of [framedWith(MAX_FRAMED_ATTRIBUTES + 1 - 10), framedWith(65_500)]) {
      const request = encodeIssuanceRequest(s.issuer.keyId, framed, [s.issuer.publicKey]);
      expect(await outcome(() => s.issuer.issue(request))).toBe('MALFORMED');
      const response = await handler(
        new Request('https://issuer.example/', {
          method: 'POST',
          headers: { 'content-type': credentials.MEDIA_TYPE.REQUEST },
          body: request as Uint8Array<ArrayBuffer>,
        }),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).type).toBe('urn:oblivia:problem:credential-malformed');
      const token = encodeToken(s.verifier.keyId, framed, rand(INPUT_LENGTH), rand(TAG_LENGTH));
      expect(await outcome(() => s.verifier.verify(token, rand(32)))).toBe('MALFORMED');
    }
    expect(jsCalls()).toBe(0);
  });

  test('max-size attributes and a batch of 256 on P521-SHA512 are issued and verified on wasm, never on js', async () => {
    const s = setup('P521-SHA512');
    const attributes = { epoch: E, values: [new Uint8Array(MAX_FRAMED_ATTRIBUTES - 10).fill(0x61)] };
    const { bytes, pending } = s.client.request(attributes, MAX_BATCH);
    expect(bytes.length).toBe(1 + 8 + 4096 + 2 + 256 * 67);
    const creds = s.client.finalize(pending, s.issuer.issue(bytes));
    expect(creds).toHaveLength(256);
    for (const credential of [creds[0]!, creds[255]!]) {
      const binding = rand(32);
      const { attributes: got } = await s.verifier.verify(s.client.redeem(credential, binding), binding);
      expect(got.values[0]!.length).toBe(4086);
    }
    expect(backend()).toBe('wasm');
    expect(jsCalls()).toBe(0);
  });

  test("RFC 9497's largest input and info (65535 bytes each) run in the core on every step", () => {
    const suite = oprf.suite('P521-SHA512', 'poprf');
    const { secretKey, publicKey } = suite.deriveKeyPair(rand(32), new Uint8Array(65_535));
    const info = new Uint8Array(65_535).fill(7);
    const input = new Uint8Array(65_535).fill(9);
    const client = suite.client(publicKey);
    const server = suite.server(secretKey);
    const blinding = client.blind([input], { info });
    const [output] = client.finalize(blinding, server.blindEvaluate(blinding.blinded, { info }));
    expect(output).toEqual(server.evaluate(input, { info }));
    expect(jsCalls()).toBe(0);
  });
});
