// Differential: the wasm and js backends seal to the same bytes and refuse the same tampered
// messages, for random keys, nonces, AAD and lengths up to 3·window + 17. OBLIVIA_FUZZ_RUNS sets
// the number of runs.
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { chacha20poly1305, gcm, useBackend, xchacha20poly1305, type BackendName } from 'oblivia';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);
const WINDOW = 65536;

afterAll(() => useBackend(undefined));

function on<T>(name: BackendName, fn: () => T): { value: T } | { error: string; message: string; code?: string } {
  useBackend(name);
  try {
    return { value: fn() };
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message, code: (e as { code?: string }).code };
  }
}

const sizeArb = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.constantFrom(WINDOW - 1, WINDOW, WINDOW + 1, 3 * WINDOW + 17),
  fc.integer({ min: 0, max: 3 * WINDOW + 17 }),
);

const suiteArb = fc.oneof(
  fc.record({ aead: fc.constant(chacha20poly1305), key: fc.uint8Array({ minLength: 32, maxLength: 32 }), nonce: fc.uint8Array({ minLength: 12, maxLength: 12 }) }),
  fc.record({ aead: fc.constant(xchacha20poly1305), key: fc.uint8Array({ minLength: 32, maxLength: 32 }), nonce: fc.uint8Array({ minLength: 24, maxLength: 24 }) }),
  fc.record({
    aead: fc.constant(gcm),
    key: fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
    nonce: fc.uint8Array({ minLength: 1, maxLength: 80 }),
  }),
);

test('same ciphertext, same plaintext back, same refusal of a flipped bit', () => {
  fc.assert(
    fc.property(suiteArb, fc.uint8Array({ maxLength: 200 }), sizeArb, fc.nat(), ({ aead, key, nonce }, aad, size, flip) => {
      const pt = new Uint8Array(size).map((_, i) => (i * 7 + size) & 255);
      const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
      const sealed = on('wasm', () => hex(aead(key, nonce, aad).encrypt(pt)));
      expect(sealed).toEqual(on('js', () => hex(aead(key, nonce, aad).encrypt(pt))));
      const ct = Buffer.from((sealed as { value: string }).value, 'hex');
      expect(on('wasm', () => hex(aead(key, nonce, aad).decrypt(ct)))).toEqual({ value: hex(pt) });
      expect(on('js', () => hex(aead(key, nonce, aad).decrypt(ct)))).toEqual({ value: hex(pt) });
      ct[flip % ct.length]! ^= 1 << flip % 8;
      const refusal = { error: 'CryptoError', message: 'authentication tag does not match', code: 'INVALID_TAG' };
      expect(on('wasm', () => aead(key, nonce, aad).decrypt(ct))).toEqual(refusal);
      expect(on('js', () => aead(key, nonce, aad).decrypt(ct))).toEqual(refusal);
    }),
    { numRuns: RUNS },
  );
});

test('same errors for invalid arguments', () => {
  const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.uint8Array({ maxLength: 40 }), fc.constant(new Uint16Array(6)));
  fc.assert(
    fc.property(fc.constantFrom(chacha20poly1305, xchacha20poly1305, gcm), junk, junk, (aead, key, nonce) => {
      const run = () => aead(key as never, nonce as never).encrypt(new Uint8Array(1));
      expect(on('wasm', run)).toEqual(on('js', run));
    }),
    { numRuns: RUNS },
  );
});
