// The ed25519 API: noble v2's shape, its lengths, and argument errors with exact messages.
import { describe, expect, test } from 'vitest';
import { ed25519 } from 'oblivia';
import * as family from 'oblivia/ed25519';
import { hex, readJsonVector, unhex } from '../helpers.js';

const v = readJsonVector('ed25519/rfc8032.json').vectors[1] as Record<string, string>;
const secretKey = unhex(v.secretKey!),
  publicKey = unhex(v.publicKey!),
  message = unhex(v.message!),
  signature = unhex(v.signature!);

describe('ed25519', () => {
  test('the family entry exports the same object as the root', () => {
    expect(family.ed25519).toBe(ed25519);
    expect(ed25519.lengths).toEqual({ secretKey: 32, publicKey: 32, signature: 64, seed: 32 });
  });

  test('keygen: from a seed (the secret key itself), or from a random one', () => {
    expect(ed25519.keygen(secretKey)).toEqual({ secretKey, publicKey });
    const random = ed25519.keygen();
    expect(random.secretKey).toHaveLength(32);
    expect(hex(random.publicKey)).toBe(hex(ed25519.getPublicKey(random.secretKey)));
    expect(hex(ed25519.keygen().secretKey)).not.toBe(hex(random.secretKey));
  });

  test('utils: randomSecretKey and isValidSecretKey', () => {
    const key = ed25519.utils.randomSecretKey();
    expect(key).toBeInstanceOf(Uint8Array);
    expect(key).toHaveLength(32);
    expect(ed25519.utils.randomSecretKey(secretKey)).toBe(secretKey);
    expect(ed25519.utils.isValidSecretKey(key)).toBe(true);
    expect(ed25519.utils.isValidSecretKey(new Uint8Array(31))).toBe(false);
    expect(ed25519.utils.isValidSecretKey('key')).toBe(false);
  });

  test('inputs are not mutated, and subarrays at odd offsets work', () => {
    const copy = (b: Uint8Array) => {
      const buffer = new Uint8Array(b.length + 3);
      buffer.set(b, 3);
      return buffer.subarray(3);
    };
    const [k, m] = [copy(secretKey), copy(message)];
    expect(hex(ed25519.sign(m, k))).toBe(v.signature);
    expect(hex(k)).toBe(v.secretKey);
    expect(hex(m)).toBe(v.message);
    expect(ed25519.verify(copy(signature), m, copy(publicKey))).toBe(true);
  });

  test('a well-formed but invalid signature or key is false, not an error', () => {
    expect(ed25519.verify(new Uint8Array(64), message, publicKey)).toBe(false);
    expect(ed25519.verify(signature, message, new Uint8Array(32).fill(0xff))).toBe(false);
    expect(ed25519.verify(new Uint8Array(64).fill(0xff), message, publicKey)).toBe(false);
  });

  test('wrong types are TypeErrors and wrong lengths RangeErrors, naming the argument', () => {
    const cases: [() => unknown, Error][] = [
      [
        () => ed25519.getPublicKey(new Uint8Array(31)),
        new RangeError('"secretKey" expected Uint8Array of length 32, got length=31'),
      ],
      [() => ed25519.getPublicKey('00' as never), new TypeError('"secretKey" expected Uint8Array, got string')],
      [
        () => ed25519.sign(message, new Uint8Array(64)),
        new RangeError('"secretKey" expected Uint8Array of length 32, got length=64'),
      ],
      [() => ed25519.sign([1, 2] as never, secretKey), new TypeError('"msg" expected Uint8Array, got object')],
      [
        () => ed25519.verify(signature.subarray(1), message, publicKey),
        new RangeError('"signature" expected Uint8Array of length 64, got length=63'),
      ],
      [
        () => ed25519.verify(new Uint16Array(32) as never, message, publicKey),
        new TypeError('"signature" expected Uint8Array, got Uint16Array'),
      ],
      [() => ed25519.verify(signature, null as never, publicKey), new TypeError('"msg" expected Uint8Array, got null')],
      [
        () => ed25519.verify(signature, message, new Uint8Array(33)),
        new RangeError('"publicKey" expected Uint8Array of length 32, got length=33'),
      ],
      [
        () => ed25519.keygen(new Uint8Array(16)),
        new RangeError('"seed" expected Uint8Array of length 32, got length=16'),
      ],
      [() => ed25519.utils.randomSecretKey('seed' as never), new TypeError('"seed" expected Uint8Array, got string')],
    ];
    for (const [call, error] of cases) {
      expect(call).toThrow(error);
      try {
        call();
      } catch (e) {
        expect(e).toBeInstanceOf(error.constructor);
      }
    }
  });
});
