// Anonymous credentials (oblivia-acs-v1 on RFC 9497 POPRF) on the active backend: issuance and
// redemption round trips, every CredentialError path with its exact code (tampered proofs,
// elements, attributes, tags, bindings, epochs and key ids; issuer policy and batch limits), double
// spend also under concurrent redemption, and what the issuer sees (blinded elements only).
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  credentials,
  CredentialError,
  oprf,
  type Attributes,
  type CredentialErrorCode,
  type OprfSuiteName,
  type SpentScope,
  type SpentStore,
} from 'oblivia';
import { frameAttributes, infoOf } from 'oblivia/credentials/attributes.js';

const rand = (n: number) => new Uint8Array(randomBytes(n));
const EPOCH = 20_000;
const ATTRS: Attributes = { epoch: EPOCH, values: ['chat', Uint8Array.of(0, 1, 2)] };
const acceptEpoch = (epoch: number) => epoch === EPOCH || epoch === EPOCH + 1;

/** An issuer, a client, a verifier with a fresh store, all on one key. */
function setup(
  suite: OprfSuiteName = 'ristretto255-SHA512',
  policy?: (a: { epoch: number; values: readonly Uint8Array[] }) => boolean,
) {
  const { secretKey, publicKey } = oprf.suite(suite, 'poprf').generateKeyPair();
  const issuer = credentials.issuer({ secretKey, suite, policy });
  const client = credentials.client({ publicKey, suite });
  const verifier = credentials.verifier({
    secretKey,
    suite,
    store: credentials.memorySpentStore(),
    acceptEpoch,
  });
  return { secretKey, publicKey, issuer, client, verifier };
}

function issue(s: ReturnType<typeof setup>, count = 1, attributes = ATTRS) {
  const { bytes, pending } = s.client.request(attributes, count);
  return s.client.finalize(pending, s.issuer.issue(bytes));
}

/** The CredentialError code a call throws or a promise rejects with. */
async function codeOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    if (e instanceof CredentialError) return e.code;
    return (e as Error).constructor.name;
  }
  return 'nothing';
}
const fails = async (f: () => unknown, code: CredentialErrorCode | 'TypeError' | 'RangeError') =>
  expect(await codeOf(f)).toBe(code);

const flip = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  copy[at < 0 ? copy.length + at : at]! ^= 1;
  return copy;
};

describe.each(['ristretto255-SHA512', 'P256-SHA256'] as const)('%s', (suite) => {
  test('issuance and redemption round trip, batches of 1 and 10', async () => {
    const s = setup(suite);
    for (const count of [1, 10]) {
      const creds = issue(s, count);
      expect(creds).toHaveLength(count);
      const verified = await Promise.all(
        creds.map((c) => {
          const binding = rand(32);
          return s.verifier.verify(s.client.redeem(c, binding), binding);
        }),
      );
      for (const v of verified) {
        expect(v.keyId).toEqual(s.issuer.keyId);
        expect(v.attributes.epoch).toBe(EPOCH);
        expect(v.attributes.values).toEqual([new TextEncoder().encode('chat'), Uint8Array.of(0, 1, 2)]);
      }
    }
    expect(s.client.keyId).toEqual(s.issuer.keyId);
    expect(s.verifier.keyId).toEqual(s.issuer.keyId);
  });
});

describe('issuance refusals', () => {
  test('a tampered proof, evaluated element or attributes: PROOF; an invalid element: MALFORMED', async () => {
    const s = setup();
    const proofLength = 64;
    const attempt = (mutate: (response: Uint8Array, request: Uint8Array) => Uint8Array, count = 2) => {
      const { bytes, pending } = s.client.request(ATTRS, count);
      return codeOf(() => s.client.finalize(pending, mutate(s.issuer.issue(bytes), bytes)));
    };
    expect(await attempt((r) => flip(r, -1))).toBe('PROOF'); // s
    expect(await attempt((r) => flip(r, -proofLength))).toBe('PROOF'); // c
    expect(await attempt((r) => r.fill(0xff, r.length - 32))).toBe('PROOF'); // s out of range
    // Another valid element in place of the first evaluated one.
    const other = s.client.request(ATTRS, 2);
    const otherResponse = s.issuer.issue(other.bytes);
    expect(await attempt((r) => (r.set(otherResponse.subarray(3, 35), 3), r))).toBe('PROOF');
    // The issuer evaluated under other attributes (a request rewritten on the way): the proof is
    // checked against the tweaked key of the client's attributes.
    expect(
      await attempt((_, request) => {
        const rewritten = request.slice();
        rewritten[1 + 8 + 2 + 2 + 3]! ^= 1; // the epoch's low byte
        return s.issuer.issue(rewritten);
      }),
    ).toBe('PROOF');
    expect(await attempt((r) => r.fill(0, 3, 35))).toBe('MALFORMED'); // the identity encoding
    expect(await attempt((r) => r.subarray(0, r.length - 1))).toBe('MALFORMED');
    expect(await attempt((r) => Uint8Array.of(...r, 0))).toBe('MALFORMED');
    expect(await attempt((r) => ((r[0] = 2), r))).toBe('VERSION');
    expect(await attempt((r) => ((r[2] = 3), r))).toBe('BATCH');
  });

  test('the CryptoError PROOF_FAILED is the cause of PROOF', () => {
    const s = setup();
    const { bytes, pending } = s.client.request(ATTRS);
    try {
      s.client.finalize(pending, flip(s.issuer.issue(bytes), -1));
      expect.unreachable();
    } catch (e) {
      expect((e as CredentialError).code).toBe('PROOF');
      expect(((e as CredentialError).cause as { code: string }).code).toBe('PROOF_FAILED');
    }
  });

  test('a pending issuance finalizes once', async () => {
    const s = setup();
    const { bytes, pending } = s.client.request(ATTRS);
    const response = s.issuer.issue(bytes);
    expect(s.client.finalize(pending, response)).toHaveLength(1);
    await fails(() => s.client.finalize(pending, response), 'TypeError');
  });

  test('issuer: unknown key id, refused attributes, batch over the limit, bad elements', async () => {
    const s = setup('ristretto255-SHA512', (a) => a.epoch === EPOCH);
    const other = setup();
    await fails(() => s.issuer.issue(other.client.request(ATTRS).bytes), 'UNKNOWN_KEY');
    await fails(() => s.issuer.issue(s.client.request({ epoch: EPOCH + 1, values: [] }).bytes), 'ATTRIBUTES');
    await fails(() => s.issuer.issue(s.client.request(ATTRS, 33).bytes), 'BATCH');
    const small = credentials.issuer({ secretKey: s.secretKey, maxBatch: 2 });
    await fails(() => small.issue(s.client.request(ATTRS, 3).bytes), 'BATCH');
    const request = s.client.request(ATTRS, 1).bytes;
    await fails(() => s.issuer.issue(request.fill(0, request.length - 32)), 'MALFORMED');
    await fails(() => s.issuer.issue(Uint8Array.of(2)), 'VERSION');
    await fails(() => s.issuer.issue(new Uint8Array(0)), 'MALFORMED');
  });
});

describe('redemption', () => {
  test('tampered tags, inputs, attributes, key ids and bindings are refused with their codes', async () => {
    const s = setup();
    const [c] = issue(s);
    const binding = rand(32);
    const token = s.client.redeem(c!, binding);
    const framedLength = frameAttributes(ATTRS).length;
    const epochAt = 1 + 8 + 4 + 3; // the epoch's low byte
    await fails(() => s.verifier.verify(flip(token, -1), binding), 'INVALID_TOKEN'); // tag
    await fails(() => s.verifier.verify(flip(token, -33), binding), 'INVALID_TOKEN'); // input
    await fails(() => s.verifier.verify(flip(token, epochAt), binding), 'INVALID_TOKEN'); // epoch + 1, accepted
    await fails(() => s.verifier.verify(flip(token, 1 + 8 + framedLength - 1), binding), 'INVALID_TOKEN'); // a value
    await fails(() => s.verifier.verify(token, flip(binding, 0)), 'INVALID_TOKEN');
    await fails(() => s.verifier.verify(flip(token, 1), binding), 'UNKNOWN_KEY');
    await fails(() => s.verifier.verify(flip(token, 0), binding), 'VERSION');
    await fails(() => s.verifier.verify(token.subarray(0, token.length - 1), binding), 'MALFORMED');
    await fails(() => s.verifier.verify(token, binding.subarray(1)), 'RangeError');
    // None of those spent it.
    expect(await s.verifier.verify(token, binding)).toBeTruthy();
  });

  test('tokens of an epoch not accepted, or of another issuer key, are refused', async () => {
    const s = setup();
    const [old] = issue(s, 1, { epoch: EPOCH - 1, values: [] });
    const binding = rand(32);
    await fails(() => s.verifier.verify(s.client.redeem(old!, binding), binding), 'EPOCH');
    const other = setup();
    const [foreign] = issue(other);
    const token = other.client.redeem(foreign!, binding);
    await fails(() => s.verifier.verify(token, binding), 'UNKNOWN_KEY');
    // The other key's token relabelled with this key's id: the PRF under this key disagrees.
    await fails(
      () => s.verifier.verify(Uint8Array.of(1, ...s.issuer.keyId, ...token.subarray(9)), binding),
      'INVALID_TOKEN',
    );
    // The default acceptEpoch: today ± 1 (UTC).
    const today = credentials.currentEpoch();
    const verifier = credentials.verifier({
      secretKey: s.secretKey,
      store: credentials.memorySpentStore(),
    });
    for (const [epoch, code] of [
      [today - 2, 'EPOCH'],
      [today - 1, 'ok'],
      [today, 'ok'],
      [today + 1, 'ok'],
      [today + 2, 'EPOCH'],
    ] as const) {
      const [credential] = issue(s, 1, { epoch, values: [] });
      expect(await codeOf(() => verifier.verify(s.client.redeem(credential!, binding), binding))).toBe(
        code === 'ok' ? 'nothing' : code,
      );
    }
  });

  test('double spend: the second redemption of a token is SPENT; a credential redeems once', async () => {
    const s = setup();
    const [c, d] = issue(s, 2);
    const binding = rand(32);
    const token = s.client.redeem(c!, binding);
    expect(c!.key.every((b) => b === 0)).toBe(true); // wiped
    await fails(() => s.client.redeem(c!, binding), 'SPENT');
    await s.verifier.verify(token, binding);
    await fails(() => s.verifier.verify(token, binding), 'SPENT');
    // A second token of the same input, on another binding, is the same spend.
    const copy = { ...d!, key: d!.key.slice() };
    await s.verifier.verify(s.client.redeem(d!, binding), binding);
    const other = rand(32);
    await fails(() => s.verifier.verify(s.client.redeem(copy, other), other), 'SPENT');
  });

  test('concurrent redemption of one token succeeds exactly once (sync and async stores)', async () => {
    const memory = credentials.memorySpentStore();
    const slow: SpentStore = {
      add: async (scope: SpentScope, input: Uint8Array) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return memory.add(scope, input);
      },
      has: (scope, input) => memory.has(scope, input),
      expire: (before) => memory.expire(before),
    };
    for (const store of [credentials.memorySpentStore(), slow]) {
      const s = setup();
      const verifier = credentials.verifier({ secretKey: s.secretKey, store, acceptEpoch });
      const [c] = issue(s);
      const binding = rand(32);
      const token = s.client.redeem(c!, binding);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => verifier.verify(token, binding)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as CredentialError).code] : []));
      expect(codes).toEqual(Array(49).fill('SPENT'));
    }
  });

  test('the memory store: check-and-add per key id and epoch, expiry per epoch', () => {
    const store = credentials.memorySpentStore();
    const a = { keyId: rand(8), epoch: 10 };
    const b = { keyId: a.keyId, epoch: 11 };
    const input = rand(32);
    expect(store.add(a, input)).toBe(true);
    expect(store.add(a, input)).toBe(false);
    expect(store.has(a, input)).toBe(true);
    expect(store.has(b, input)).toBe(false);
    expect(store.add(b, input)).toBe(true);
    expect(store.has({ keyId: rand(8), epoch: 10 }, input)).toBe(false);
    store.expire(11);
    expect(store.has(a, input)).toBe(false);
    expect(store.has(b, input)).toBe(true);
  });
});

describe('unlinkability', () => {
  test('two issuances of one input blind to different elements', () => {
    const poprf = oprf.suite('ristretto255-SHA512', 'poprf');
    const { publicKey } = poprf.generateKeyPair();
    const client = poprf.client(publicKey);
    const input = rand(32);
    const info = infoOf(frameAttributes(ATTRS));
    const first = client.blind([input], { info }).blinded[0]!;
    const second = client.blind([input], { info }).blinded[0]!;
    expect(first).not.toEqual(second);
  });

  test("the issuer's transcript holds no token input, PRF output, key or tag", () => {
    const s = setup();
    const { bytes: request, pending } = s.client.request(ATTRS, 4);
    const response = s.issuer.issue(request);
    const creds = s.client.finalize(pending, response);
    // The blinded elements of one request are distinct.
    const blinded = Array.from({ length: 4 }, (_, i) =>
      Buffer.from(request.subarray(request.length - 32 * (i + 1), request.length - 32 * i)).toString('hex'),
    );
    expect(new Set(blinded).size).toBe(4);
    const server = oprf.suite('ristretto255-SHA512', 'poprf').server(s.secretKey);
    const info = infoOf(frameAttributes(ATTRS));
    const transcript = Buffer.concat([request, response]);
    for (const c of creds) {
      const binding = rand(32);
      const token = s.client.redeem(c, binding);
      const secrets = [c.input, server.evaluate(c.input, { info }), token.subarray(-32)];
      for (const secret of secrets) expect(transcript.includes(Buffer.from(secret))).toBe(false);
      expect(transcript.includes(Buffer.from(token.subarray(-64, -32)))).toBe(false);
    }
  });
});
