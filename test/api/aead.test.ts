// The public AEAD API on the backend of this project, against node:crypto (ChaCha20-Poly1305,
// AES-GCM) and @noble/ciphers (XChaCha20-Poly1305, which node lacks).
import { createCipheriv, randomBytes } from 'node:crypto';
import { xchacha20poly1305 as nobleXChaCha } from '@noble/ciphers/chacha.js';
import { describe, expect, test } from 'vitest';
import { chacha20poly1305, CryptoError, gcm, xchacha20poly1305, type AeadFunction } from 'oblivia';
import { hex } from '../helpers.js';

const WINDOW = 65536;
const LENGTHS = [0, 1, 15, 16, 17, 63, 64, 65, 255, 256, 257, 4096, WINDOW - 100, WINDOW, WINDOW + 1, 3 * WINDOW + 17];

/** The reference ciphertext ‖ tag. */
function reference(name: string, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array): string {
  if (name === 'xchacha20-poly1305') return hex(nobleXChaCha(key, nonce, aad).encrypt(pt));
  const algorithm = name === 'chacha20-poly1305' ? 'chacha20-poly1305' : `aes-${key.length * 8}-gcm`;
  const cipher = createCipheriv(algorithm as 'chacha20-poly1305', key, nonce, { authTagLength: 16 });
  cipher.setAAD(aad, { plaintextLength: pt.length });
  return hex(Buffer.concat([cipher.update(pt), cipher.final(), cipher.getAuthTag()]));
}

const CASES: { name: string; aead: AeadFunction; keyLength: number; nonceLength: number }[] = [
  { name: 'chacha20-poly1305', aead: chacha20poly1305, keyLength: 32, nonceLength: 12 },
  { name: 'xchacha20-poly1305', aead: xchacha20poly1305, keyLength: 32, nonceLength: 24 },
  { name: 'aes-gcm', aead: gcm, keyLength: 16, nonceLength: 12 },
  { name: 'aes-gcm', aead: gcm, keyLength: 24, nonceLength: 12 },
  { name: 'aes-gcm', aead: gcm, keyLength: 32, nonceLength: 12 },
  { name: 'aes-gcm', aead: gcm, keyLength: 16, nonceLength: 1 },
  { name: 'aes-gcm', aead: gcm, keyLength: 32, nonceLength: 60 },
];

describe.each(CASES)(
  '$name, $keyLength-byte key, $nonceLength-byte nonce',
  ({ name, aead, keyLength, nonceLength }) => {
    test.each(LENGTHS)('%i-byte message: seals as the reference does and opens again', (length) => {
      const key = randomBytes(keyLength);
      const nonce = randomBytes(nonceLength);
      const aad = randomBytes(length % 97);
      const pt = randomBytes(length);
      const sealed = aead(key, nonce, aad).encrypt(pt);
      expect(hex(sealed)).toBe(reference(name, key, nonce, aad, pt));
      expect(hex(aead(key, nonce, aad).decrypt(sealed))).toBe(hex(pt));
    });

    test('AAD larger than the window', () => {
      const key = randomBytes(keyLength);
      const nonce = randomBytes(nonceLength);
      const aad = randomBytes(WINDOW + 300);
      const pt = randomBytes(1000);
      const sealed = aead(key, nonce, aad).encrypt(pt);
      expect(hex(sealed)).toBe(reference(name, key, nonce, aad, pt));
      expect(hex(aead(key, nonce, aad).decrypt(sealed))).toBe(hex(pt));
    });

    test('any change to ciphertext, tag, AAD or nonce is INVALID_TAG, and `out` stays untouched', () => {
      for (const length of [0, 100, WINDOW + 1]) {
        const key = randomBytes(keyLength);
        const nonce = randomBytes(nonceLength);
        const aad = randomBytes(20);
        const sealed = aead(key, nonce, aad).encrypt(randomBytes(length));
        const flips = [0, length, sealed.length - 1].filter((i) => i < sealed.length);
        for (const at of flips) {
          const bad = sealed.slice();
          bad[at]! ^= 0x80;
          const out = new Uint8Array(length).fill(7);
          expect(() => aead(key, nonce, aad).decrypt(bad, out)).toThrow(new CryptoError('INVALID_TAG'));
          expect(out.every((b) => b === 7)).toBe(true);
        }
        const otherAad = aad.slice();
        otherAad[0]! ^= 1;
        expect(() => aead(key, nonce, otherAad).decrypt(sealed)).toThrow(new CryptoError('INVALID_TAG'));
        const otherNonce = nonce.slice();
        otherNonce[0]! ^= 1;
        expect(() => aead(key, otherNonce, aad).decrypt(sealed)).toThrow(new CryptoError('INVALID_TAG'));
      }
    });

    test('views at offsets 0–7, inputs not mutated, `out` of the exact length, overlapping views', () => {
      const key = randomBytes(keyLength);
      const nonce = randomBytes(nonceLength);
      const pt = randomBytes(333);
      const expected = hex(aead(key, nonce).encrypt(pt));
      for (let offset = 0; offset < 8; offset++) {
        const buffer = new Uint8Array(pt.length + 16 + offset);
        buffer.set(pt, offset);
        const view = buffer.subarray(offset, offset + pt.length);
        const copy = view.slice();
        expect(hex(aead(key.slice(), nonce.slice()).encrypt(view))).toBe(expected);
        expect(hex(view)).toBe(hex(copy));
        // In place: the output view starts where the plaintext does.
        const inPlace = buffer.subarray(offset, offset + pt.length + 16);
        expect(aead(key, nonce).encrypt(view, inPlace)).toBe(inPlace);
        expect(hex(inPlace)).toBe(expected);
        const opened = buffer.subarray(offset, offset + pt.length);
        expect(hex(aead(key, nonce).decrypt(inPlace, opened))).toBe(hex(pt));
      }
    });

    test('one object does one operation (a second encryption would reuse the nonce); argument errors do not count', () => {
      const key = randomBytes(keyLength);
      const nonce = randomBytes(nonceLength);
      const cipher = aead(key, nonce);
      expect(() => cipher.encrypt('x' as unknown as Uint8Array)).toThrow(TypeError);
      const sealed = cipher.encrypt(new Uint8Array(5));
      expect(() => cipher.encrypt(new Uint8Array(5))).toThrow(new CryptoError('LIMIT'));
      expect(() => cipher.decrypt(sealed)).toThrow(new CryptoError('LIMIT'));
      const opener = aead(key, nonce);
      expect(() => opener.decrypt(new Uint8Array(3))).toThrow(RangeError);
      expect(hex(opener.decrypt(sealed))).toBe('0000000000');
      expect(() => opener.decrypt(sealed)).toThrow(new CryptoError('LIMIT'));
      const failed = aead(key, nonce);
      expect(() => failed.decrypt(new Uint8Array(sealed.length))).toThrow(new CryptoError('INVALID_TAG'));
      expect(() => failed.decrypt(sealed)).toThrow(new CryptoError('LIMIT'));
      expect([cipher.keyLength, cipher.nonceLength, cipher.tagLength]).toEqual([keyLength, nonceLength, 16]);
    });

    test('the key, nonce and AAD are copied: changing them afterwards changes nothing', () => {
      const key = randomBytes(keyLength);
      const nonce = randomBytes(nonceLength);
      const aad = randomBytes(9);
      const expected = reference(name, key, nonce, aad, new Uint8Array(3));
      const cipher = aead(key, nonce, aad);
      key.fill(0);
      nonce.fill(0);
      aad.fill(0);
      expect(hex(cipher.encrypt(new Uint8Array(3)))).toBe(expected);
    });
  },
);

describe('errors name the argument', () => {
  const key = new Uint8Array(32);
  test('wrong types are TypeErrors', () => {
    expect(() => chacha20poly1305('k' as never, new Uint8Array(12))).toThrow(
      new TypeError('"key" expected Uint8Array, got string'),
    );
    expect(() => gcm(key, [1] as never)).toThrow(new TypeError('"nonce" expected Uint8Array, got object'));
    expect(() => xchacha20poly1305(key, new Uint8Array(24), 5 as never)).toThrow(
      new TypeError('"aad" expected Uint8Array, got number'),
    );
    expect(() => chacha20poly1305(key, new Uint8Array(12)).encrypt(null as never)).toThrow(
      new TypeError('"plaintext" expected Uint8Array, got null'),
    );
    expect(() => gcm(key, new Uint8Array(12)).decrypt(new Uint16Array(16) as never)).toThrow(
      new TypeError('"ciphertext" expected Uint8Array, got Uint16Array'),
    );
  });

  test('wrong lengths are RangeErrors', () => {
    expect(() => chacha20poly1305(new Uint8Array(31), new Uint8Array(12))).toThrow(
      new RangeError('"key" expected Uint8Array of length 32, got length=31'),
    );
    expect(() => chacha20poly1305(key, new Uint8Array(11))).toThrow(
      new RangeError('"nonce" expected Uint8Array of length 12, got length=11'),
    );
    expect(() => xchacha20poly1305(key, new Uint8Array(12))).toThrow(
      new RangeError('"nonce" expected Uint8Array of length 24, got length=12'),
    );
    expect(() => gcm(new Uint8Array(20), new Uint8Array(12))).toThrow(
      new RangeError('"key" expected Uint8Array of length 16, 24 or 32, got length=20'),
    );
    expect(() => gcm(key, new Uint8Array(0))).toThrow(
      new RangeError('"nonce" expected Uint8Array of length 1 to 1024, got length=0'),
    );
    expect(() => gcm(key, new Uint8Array(1025))).toThrow(
      new RangeError('"nonce" expected Uint8Array of length 1 to 1024, got length=1025'),
    );
    expect(() => gcm(key, new Uint8Array(12)).decrypt(new Uint8Array(15))).toThrow(
      new RangeError('"ciphertext" expected Uint8Array of length >= 16, got length=15'),
    );
    expect(() => gcm(key, new Uint8Array(12)).encrypt(new Uint8Array(4), new Uint8Array(19))).toThrow(
      new RangeError('"out" expected Uint8Array of length 20, got length=19'),
    );
    expect(() => gcm(key, new Uint8Array(12)).decrypt(new Uint8Array(20), new Uint8Array(5))).toThrow(
      new RangeError('"out" expected Uint8Array of length 4, got length=5'),
    );
  });

  test('a wrong-length `out` does not use up the object', () => {
    const cipher = chacha20poly1305(key, new Uint8Array(12));
    expect(() => cipher.encrypt(new Uint8Array(4), new Uint8Array(3))).toThrow(RangeError);
    expect(cipher.encrypt(new Uint8Array(4)).length).toBe(20);
  });
});
