// Diffie–Hellman on the backend of this project, against node:crypto: X25519 (RFC 7748) and ECDH
// over P-256, P-384, P-521.
import { createECDH, createPrivateKey, createPublicKey, diffieHellman, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CryptoError, p256, p384, p521, x25519, type DiffieHellman } from 'oblivia';
import { hex, unhex } from '../helpers.js';

/** node:crypto X25519 from raw keys, via PKCS#8 / SPKI DER (RFC 8410). */
function nodeX25519(secretKey: Uint8Array, publicKey: Uint8Array): string {
  const privateKey = createPrivateKey({
    key: Buffer.concat([unhex('302e020100300506032b656e04220420'), secretKey]),
    format: 'der',
    type: 'pkcs8',
  });
  const peer = createPublicKey({
    key: Buffer.concat([unhex('302a300506032b656e032100'), publicKey]),
    format: 'der',
    type: 'spki',
  });
  return hex(diffieHellman({ privateKey, publicKey: peer }));
}

/** node:crypto's X25519 public key of a raw secret key (the last 32 bytes of its SPKI). */
function nodeX25519PublicKey(secretKey: Uint8Array): string {
  const privateKey = createPrivateKey({
    key: Buffer.concat([unhex('302e020100300506032b656e04220420'), secretKey]),
    format: 'der',
    type: 'pkcs8',
  });
  return hex(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32));
}

describe('x25519', () => {
  test('key generation (the fixed-base comb) equals the ladder on u = 9 and node:crypto', () => {
    const nine = new Uint8Array(32);
    nine[0] = 9;
    const edges = [
      new Uint8Array(32),
      new Uint8Array(32).fill(0xff),
      new Uint8Array(32).fill(0x88),
      new Uint8Array(32).fill(0x77),
    ];
    for (const sk of [...edges, ...Array.from({ length: 100 }, () => new Uint8Array(randomBytes(32)))]) {
      const pk = hex(x25519.getPublicKey(sk));
      expect(pk).toBe(hex(x25519.getSharedSecret(sk, nine)));
      expect(pk).toBe(nodeX25519PublicKey(sk));
    }
  });

  test('RFC 7748 §6.1: Alice and Bob', () => {
    const alice = unhex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bob = unhex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    expect(hex(x25519.getPublicKey(alice))).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(hex(x25519.getPublicKey(bob))).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(hex(x25519.getSharedSecret(alice, x25519.getPublicKey(bob)))).toBe(shared);
    expect(hex(x25519.getSharedSecret(bob, x25519.getPublicKey(alice)))).toBe(shared);
  });

  test('random keys agree with node:crypto', () => {
    for (let i = 0; i < 50; i++) {
      const a = x25519.randomSecretKey();
      const b = randomBytes(32);
      const shared = x25519.getSharedSecret(a, x25519.getPublicKey(b));
      expect(hex(shared)).toBe(nodeX25519(a, x25519.getPublicKey(b)));
      expect(hex(shared)).toBe(hex(x25519.getSharedSecret(b, x25519.getPublicKey(a))));
    }
  });

  test('a low-order public key gives the all-zero secret: IDENTITY (RFC 7748 §6.1)', () => {
    expect(() => x25519.getSharedSecret(randomBytes(32), new Uint8Array(32))).toThrow(new CryptoError('IDENTITY'));
    const one = new Uint8Array(32);
    one[0] = 1;
    expect(() => x25519.getSharedSecret(randomBytes(32), one)).toThrow(new CryptoError('IDENTITY'));
  });

  test('lengths and types', () => {
    expect(() => x25519.getPublicKey(new Uint8Array(31))).toThrow(
      new RangeError('"secretKey" expected Uint8Array of length 32, got length=31'),
    );
    expect(() => x25519.getSharedSecret(new Uint8Array(32), 'pk' as never)).toThrow(
      new TypeError('"publicKey" expected Uint8Array, got string'),
    );
  });
});

const NIST: [string, DiffieHellman, string, number][] = [
  ['p256', p256, 'prime256v1', 32],
  ['p384', p384, 'secp384r1', 48],
  ['p521', p521, 'secp521r1', 66],
];

/** The group orders, big-endian hex. */
const N: Record<string, string> = {
  p256: 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
  p384: 'ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
  p521: '01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409',
};

describe.each(NIST)('%s', (_, curve, nodeName, size) => {
  test('public keys and shared secrets agree with node:crypto', () => {
    for (let i = 0; i < 20; i++) {
      const a = curve.randomSecretKey();
      const b = createECDH(nodeName);
      b.generateKeys();
      const ours = createECDH(nodeName);
      ours.setPrivateKey(a);
      expect(hex(curve.getPublicKey(a))).toBe(hex(ours.getPublicKey()));
      const shared = curve.getSharedSecret(a, b.getPublicKey());
      expect(hex(shared)).toBe(hex(b.computeSecret(curve.getPublicKey(a))));
      expect(shared.length).toBe(size);
    }
  });

  test('edge scalars (1, 2, 15, 16, 2^k, n − 1, n − 16, runs of ones) agree with node:crypto', () => {
    const n = BigInt('0x' + N[_]!);
    const scalars = [
      1n,
      2n,
      15n,
      16n,
      17n,
      255n,
      256n,
      1n << 128n,
      n - 1n,
      n - 2n,
      n - 16n,
      (1n << BigInt(8 * size - 9)) - 1n,
    ];
    for (const k of scalars) {
      const a = unhex(k.toString(16).padStart(2 * size, '0'));
      const ours = createECDH(nodeName);
      ours.setPrivateKey(a);
      expect(hex(curve.getPublicKey(a)), k.toString(16)).toBe(hex(ours.getPublicKey()));
    }
  });

  test('an invalid scalar (0, n, all ones) is INVALID_SCALAR', () => {
    const peer = curve.getPublicKey(curve.randomSecretKey());
    const n = N[_]!;
    for (const bad of [new Uint8Array(size), unhex(n), new Uint8Array(size).fill(0xff)]) {
      expect(curve.isValidSecretKey(bad)).toBe(false);
      expect(() => curve.getPublicKey(bad)).toThrow(new CryptoError('INVALID_SCALAR'));
      expect(() => curve.getSharedSecret(bad, peer)).toThrow(new CryptoError('INVALID_SCALAR'));
    }
    const nMinus1 = unhex(n);
    nMinus1[size - 1]! -= 1;
    expect(curve.isValidSecretKey(nMinus1)).toBe(true);
  });

  test('an invalid point (off the curve, wrong prefix, coordinate ≥ p) is INVALID_POINT', () => {
    const sk = curve.randomSecretKey();
    const point = curve.getPublicKey(curve.randomSecretKey());
    const offCurve = point.slice();
    offCurve[offCurve.length - 1]! ^= 1;
    const prefix = point.slice();
    prefix[0] = 0x05;
    const huge = point.slice();
    huge.fill(0xff, 1, 1 + size);
    for (const bad of [offCurve, prefix, huge]) {
      expect(() => curve.getSharedSecret(sk, bad)).toThrow(new CryptoError('INVALID_POINT'));
    }
  });

  test('lengths', () => {
    expect(() => curve.getSharedSecret(curve.randomSecretKey(), new Uint8Array(1 + size))).toThrow(
      new RangeError(`"publicKey" expected Uint8Array of length ${1 + 2 * size}, got length=${1 + size}`),
    );
  });
});
