// Malformed input on each backend (fast-check): truncated, extended, bit-flipped, overwritten,
// spliced or random bytes in place of key configurations, lists of them, Encapsulated Requests and
// Encapsulated Responses. Each is accepted only if it is canonical (configurations re-encode to
// the same bytes) or untouched (messages); every refusal is the documented typed error, never
// another exception. OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { hpke, CryptoError, ohttp, OhttpError, useBackend } from 'oblivia';
import { hex } from '../helpers.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);

afterAll(() => useBackend(undefined));

/** A mutation of byte strings of `length` bytes: random bytes instead, or the string truncated,
 *  extended, bit-flipped, overwritten or spliced. */
const mutation = (length: number): fc.Arbitrary<(valid: Uint8Array) => Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2 * length }).map((random) => () => random),
    fc.nat({ max: length - 1 }).map((n) => (valid: Uint8Array) => valid.slice(0, n)),
    fc
      .uint8Array({ minLength: 1, maxLength: 32 })
      .map((tail) => (valid: Uint8Array) => Uint8Array.of(...valid, ...tail)),
    fc.tuple(fc.nat({ max: length - 1 }), fc.nat({ max: 7 })).map(([i, bit]) => (valid: Uint8Array) => {
      const copy = valid.slice();
      copy[i]! ^= 1 << bit;
      return copy;
    }),
    fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, byte]) => (valid: Uint8Array) => {
      const copy = valid.slice();
      copy[i] = byte;
      return copy;
    }),
    fc.tuple(fc.nat({ max: length }), fc.nat({ max: 8 }), fc.uint8Array({ maxLength: 8 })).map(
      ([at, removed, inserted]) =>
        (valid: Uint8Array) =>
          Uint8Array.of(...valid.subarray(0, at), ...inserted, ...valid.subarray(at + removed)),
    ),
  );

const mutated = (valid: Uint8Array): fc.Arbitrary<Uint8Array> => mutation(valid.length).map((mutate) => mutate(valid));

/** The error's class and code, for messages that are refused. */
function refusal(run: () => unknown): { error: string; code?: string } | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    return { error: (e as Error).constructor.name, code: (e as { code?: string }).code };
  }
}

const CONFIG_REFUSALS = [
  { error: 'RangeError', code: undefined },
  { error: 'CryptoError', code: 'INVALID_POINT' },
];
const REQUEST_REFUSALS = ['MALFORMED', 'UNKNOWN_KEY', 'UNSUPPORTED_SUITE', 'DECRYPT'].map((code) => ({
  error: 'OhttpError',
  code,
}));
const RESPONSE_REFUSALS = ['MALFORMED', 'DECRYPT'].map((code) => ({ error: 'OhttpError', code }));

describe.each(['wasm', 'js'] as const)('%s backend', (backend) => {
  useBackend(backend);
  const x25519 = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
    { kdf: hpke.KDF.HKDF_SHA384, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);
  const p256 = ohttp.generateKeyConfig(2, hpke.KEM.P256_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);
  const keys = [x25519, p256];
  const configs = keys.map((key) => ohttp.encodeKeyConfig(key));
  const list = ohttp.encodeKeyConfigs(keys);
  const payload = new TextEncoder().encode('opaque Binary HTTP');

  test('key configurations: canonical if accepted, else RangeError or CryptoError INVALID_POINT', () => {
    useBackend(backend);
    fc.assert(
      fc.property(fc.constantFrom(...configs).chain(mutated), (bytes) => {
        const refused = refusal(() =>
          expect(hex(ohttp.encodeKeyConfig(ohttp.decodeKeyConfig(bytes)))).toBe(hex(bytes)),
        );
        if (refused) expect(CONFIG_REFUSALS).toContainEqual(refused);
      }),
      { numRuns: RUNS },
    );
  });

  test('application/ohttp-keys lists: canonical if accepted, else RangeError or CryptoError INVALID_POINT', () => {
    useBackend(backend);
    fc.assert(
      fc.property(mutated(list), (bytes) => {
        const refused = refusal(() =>
          expect(hex(ohttp.encodeKeyConfigs(ohttp.decodeKeyConfigs(bytes)))).toBe(hex(bytes)),
        );
        if (refused) expect(CONFIG_REFUSALS).toContainEqual(refused);
      }),
      { numRuns: RUNS },
    );
  });

  test('Encapsulated Requests: opened only if untouched, else an OhttpError', () => {
    useBackend(backend);
    const requests = [
      ohttp.encapsulateRequest(x25519, payload).encapsulatedRequest,
      ohttp.encapsulateRequest(x25519, payload, { suite: x25519.suites[1] }).encapsulatedRequest,
      ohttp.encapsulateRequest(p256, payload).encapsulatedRequest,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...requests).chain(mutated), (bytes) => {
        const refused = refusal(() =>
          expect(hex(ohttp.decapsulateRequest(keys, bytes).bhttpRequest)).toBe(hex(payload)),
        );
        if (refused) expect(REQUEST_REFUSALS).toContainEqual(refused);
        else expect(requests.map(hex)).toContain(hex(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  test('Encapsulated Responses: opened only if untouched, else an OhttpError', () => {
    useBackend(backend);
    // A context answers once: a fresh exchange for each run, and its response mutated.
    const exchange = () => {
      const { encapsulatedRequest, context } = ohttp.encapsulateRequest(x25519, payload);
      return {
        client: context,
        response: ohttp.decapsulateRequest(keys, encapsulatedRequest).context.encapsulateResponse(payload),
      };
    };
    fc.assert(
      fc.property(mutation(exchange().response.length), (mutate) => {
        const { client, response } = exchange();
        const bytes = mutate(response);
        const refused = refusal(() => expect(hex(client.decapsulateResponse(bytes))).toBe(hex(payload)));
        if (refused) expect(RESPONSE_REFUSALS).toContainEqual(refused);
        else expect(hex(bytes)).toBe(hex(response));
      }),
      { numRuns: RUNS },
    );
  });
});

test('refusals are the typed errors themselves', () => {
  expect(refusal(() => ohttp.decodeKeyConfig(new Uint8Array(2)))).toEqual({ error: 'RangeError', code: undefined });
  expect(refusal(() => ohttp.decapsulateRequest([], new Uint8Array(7)))).toEqual({
    error: 'OhttpError',
    code: 'UNKNOWN_KEY',
  });
  expect(new OhttpError('DECRYPT', { cause: new CryptoError('INVALID_TAG') }).cause).toBeInstanceOf(CryptoError);
});
