// ECDSA's public API on the backend of this project: argument errors (class and exact message),
// the options' defaults, key encodings, and what verify refuses without throwing.
import { describe, expect, test } from 'vitest';
import { CryptoError, p256, p384, p521 } from 'oblivia';

const msg = new TextEncoder().encode('attested report');

describe.each([
  ['p256', p256, 32],
  ['p384', p384, 48],
  ['p521', p521, 66],
] as const)('%s', (_, curve, size) => {
  const sk = curve.randomSecretKey();
  const pk = curve.getPublicKey(sk);
  const sig = curve.sign(msg, sk);

  test('signatureLength is r ‖ s; sign is deterministic; verify accepts compressed and uncompressed keys', () => {
    expect(curve.signatureLength).toBe(2 * size);
    expect(sig.length).toBe(2 * size);
    expect(curve.sign(msg, sk)).toEqual(sig);
    const compressed = Uint8Array.of(2 | (pk[2 * size]! & 1), ...pk.subarray(1, 1 + size));
    expect(curve.verify(sig, msg, pk)).toBe(true);
    expect(curve.verify(sig, msg, compressed)).toBe(true);
    const otherParity = Uint8Array.of(compressed[0]! ^ 1, ...compressed.subarray(1));
    expect(curve.verify(sig, msg, otherParity)).toBe(false);
  });

  test('lowS: sign returns the low s with it; verify takes either s unless told', () => {
    const low = curve.sign(msg, sk, { lowS: true });
    expect(curve.verify(low, msg, pk, { lowS: true })).toBe(true);
    const sigs = [sig, low];
    // One of {s, n − s} is high; verify's default accepts both, lowS refuses the high one.
    expect(sigs.every((s) => curve.verify(s, msg, pk))).toBe(true);
    if (sig.some((b, i) => b !== low[i])) expect(curve.verify(sig, msg, pk, { lowS: true })).toBe(false);
  });

  test('the DER and compact forms carry the same r and s', () => {
    const der = curve.sign(msg, sk, { format: 'der' });
    expect(der[0]).toBe(0x30);
    expect(curve.verify(der, msg, pk, { format: 'der' })).toBe(true);
  });

  test('verify is false, not an error, for a bad signature, key or DER encoding', () => {
    expect(curve.verify(new Uint8Array(2 * size), msg, pk)).toBe(false); // r = s = 0
    expect(curve.verify(new Uint8Array(2 * size).fill(0xff), msg, pk)).toBe(false); // r, s ≥ n
    expect(curve.verify(sig, msg, new Uint8Array(1 + 2 * size))).toBe(false); // not a point
    expect(curve.verify(sig, msg, new Uint8Array(1 + size))).toBe(false);
    expect(curve.verify(Uint8Array.of(0x30, 0x00), msg, pk, { format: 'der' })).toBe(false);
    expect(curve.verify(new Uint8Array(0), msg, pk, { format: 'der' })).toBe(false);
    const der = curve.sign(msg, sk, { format: 'der' });
    expect(curve.verify(Uint8Array.of(...der, 0), msg, pk, { format: 'der' })).toBe(false); // trailing byte
  });

  test('prehash false signs the digest given', () => {
    const digest = new Uint8Array(64).fill(7);
    const signed = curve.sign(digest, sk, { prehash: false });
    expect(curve.verify(signed, digest, pk, { prehash: false })).toBe(true);
    expect(curve.verify(signed, digest, pk)).toBe(false);
  });

  test('argument errors: TypeError for a type, RangeError for a length or value, with the argument named', () => {
    const cases: [() => unknown, ErrorConstructor, string][] = [
      [() => curve.sign('m' as never, sk), TypeError, '"msg" expected Uint8Array, got string'],
      [
        () => curve.sign(msg, sk.subarray(1)),
        RangeError,
        `"secretKey" expected Uint8Array of length ${size}, got length=${size - 1}`,
      ],
      [() => curve.sign(msg, sk, { lowS: 1 as never }), TypeError, '"lowS" expected boolean, got number'],
      [() => curve.sign(msg, sk, { prehash: 'no' as never }), TypeError, '"prehash" expected boolean, got string'],
      [
        () => curve.sign(msg, sk, { format: 'recovered' as never }),
        RangeError,
        `"format" expected 'compact' or 'der', got 'recovered'`,
      ],
      [
        () => curve.sign(msg, sk, { format: 1 as never }),
        TypeError,
        `"format" expected 'compact' or 'der', got number`,
      ],
      [
        () => curve.sign(msg, sk, { extraEntropy: 'x' as never }),
        TypeError,
        '"extraEntropy" expected boolean or Uint8Array, got string',
      ],
      [
        () => curve.sign(msg, sk, { extraEntropy: new Uint8Array(257) }),
        RangeError,
        '"extraEntropy" expected Uint8Array of length ≤ 256, got length=257',
      ],
      [
        () => curve.sign(new Uint8Array(8193), sk, { prehash: false }),
        RangeError,
        '"msg" expected Uint8Array of length ≤ 8192 with prehash false, got length=8193',
      ],
      [() => curve.sign(msg, sk, null as never), TypeError, '"options" expected object, got null'],
      [
        () => curve.verify(sig.subarray(1), msg, pk),
        RangeError,
        `"signature" expected Uint8Array of length ${2 * size}, got length=${2 * size - 1}`,
      ],
      [() => curve.verify([] as never, msg, pk), TypeError, '"signature" expected Uint8Array, got object'],
      [
        () => curve.verify(sig, msg, pk.subarray(1)),
        RangeError,
        `"publicKey" expected Uint8Array of length ${1 + size} or ${1 + 2 * size}, got length=${2 * size}`,
      ],
      [() => curve.verify(sig, msg, 'pk' as never), TypeError, '"publicKey" expected Uint8Array, got string'],
      [() => curve.verify(sig, msg, pk, { lowS: 'yes' as never }), TypeError, '"lowS" expected boolean, got string'],
    ];
    for (const [call, kind, message] of cases) expect(call).toThrow(new kind(message));
    for (const [call, kind] of cases) expect(call).toThrow(kind);
  });

  test('a secret key of 0 or ≥ n is CryptoError INVALID_SCALAR', () => {
    expect(() => curve.sign(msg, new Uint8Array(size))).toThrow(new CryptoError('INVALID_SCALAR'));
    expect(() => curve.sign(msg, new Uint8Array(size).fill(0xff))).toThrow(new CryptoError('INVALID_SCALAR'));
  });
});
