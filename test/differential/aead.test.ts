// Differential: the wasm and js backends and node:crypto seal to the same bytes, and both backends
// refuse the same tampered messages (a flipped bit in ciphertext, tag or AAD), for random keys,
// nonces, AAD and lengths up to 3·window + 17. OBLIVIA_FUZZ_RUNS sets the number of runs.
import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { WINDOW } from '../helpers.js';
import { chacha20poly1305, gcm, useBackend, xchacha20poly1305, type BackendName } from 'oblivia';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);

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

const bytesOf = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const suiteArb = fc.oneof(
  fc.record({
    name: fc.constant('chacha20-poly1305'),
    aead: fc.constant(chacha20poly1305),
    key: bytesOf(32),
    nonce: bytesOf(12),
  }),
  fc.record({ name: fc.constant(''), aead: fc.constant(xchacha20poly1305), key: bytesOf(32), nonce: bytesOf(24) }),
  fc.record({
    name: fc.constant('gcm'),
    aead: fc.constant(gcm),
    key: fc.constantFrom(16, 24, 32).chain(bytesOf),
    nonce: fc.uint8Array({ minLength: 1, maxLength: 80 }),
  }),
);

/** node:crypto's ciphertext ‖ tag, for the suites it has. */
function node(name: string, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array): string {
  const algorithm = name === 'gcm' ? `aes-${key.length * 8}-gcm` : name;
  const cipher = createCipheriv(algorithm as 'chacha20-poly1305', key, nonce, { authTagLength: 16 });
  cipher.setAAD(aad, { plaintextLength: pt.length });
  return Buffer.concat([cipher.update(pt), cipher.final(), cipher.getAuthTag()]).toString('hex');
}

test('same ciphertext, same plaintext back, same refusal of a flipped bit', () => {
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const refusal = { error: 'CryptoError', message: 'authentication tag does not match', code: 'INVALID_TAG' };
  fc.assert(
    fc.property(
      suiteArb,
      fc.uint8Array({ maxLength: 200 }),
      sizeArb,
      fc.nat(),
      fc.boolean(),
      (suite, aad, size, flip, inAad) => {
        const { name, aead, key, nonce } = suite;
        const pt = new Uint8Array(size).map((_, i) => (i * 7 + size) & 255);
        const sealed = on('wasm', () => hex(aead(key, nonce, aad).encrypt(pt)));
        expect(sealed).toEqual(on('js', () => hex(aead(key, nonce, aad).encrypt(pt))));
        if (name) expect(sealed).toEqual({ value: node(name, key, nonce, aad, pt) });
        const ct = Buffer.from((sealed as { value: string }).value, 'hex');
        expect(on('wasm', () => hex(aead(key, nonce, aad).decrypt(ct)))).toEqual({ value: hex(pt) });
        expect(on('js', () => hex(aead(key, nonce, aad).decrypt(ct)))).toEqual({ value: hex(pt) });
        const tampered = inAad && aad.length > 0 ? aad.slice() : ct;
        tampered[flip % tampered.length]! ^= 1 << (flip % 8);
        const badAad = tampered === ct ? aad : tampered;
        expect(on('wasm', () => aead(key, nonce, badAad).decrypt(ct))).toEqual(refusal);
        expect(on('js', () => aead(key, nonce, badAad).decrypt(ct))).toEqual(refusal);
      },
    ),
    { numRuns: RUNS },
  );
});

test('same errors for invalid arguments', () => {
  const junk = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.uint8Array({ maxLength: 40 }),
    fc.constant(new Uint16Array(6)),
  );
  fc.assert(
    fc.property(fc.constantFrom(chacha20poly1305, xchacha20poly1305, gcm), junk, junk, (aead, key, nonce) => {
      const run = () => aead(key as never, nonce as never).encrypt(new Uint8Array(1));
      expect(on('wasm', run)).toEqual(on('js', run));
    }),
    { numRuns: RUNS },
  );
});
