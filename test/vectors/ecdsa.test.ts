// ECDSA verification against Wycheproof (ecdsa_secp{256,384,521}r1_sha{256,384,512}, DER and
// P1363), and RFC 6979 signing byte for byte against @noble/curves (which implements RFC 6979; the
// shared vectors hold no RFC 6979 file). Every Wycheproof case must end as its `result` says: valid
// → true, invalid → false, or, for a P1363 signature of the wrong length, the RangeError of the
// argument check; the counts of each are exact.
import { describe, expect, test } from 'vitest';
import { p256 as nobleP256, p384 as nobleP384, p521 as nobleP521 } from '@noble/curves/nist.js';
import { p256, p384, p521, sha256, type NistCurve } from 'oblivia';
import { hex, unhex } from '../helpers.js';
import { readWycheproof, type WycheproofTest } from './wycheproof.js';

interface EcdsaTest extends WycheproofTest {
  msg: string;
  sig: string;
}
interface EcdsaGroup {
  publicKey: { uncompressed: string };
  tests: EcdsaTest[];
}

type Outcome = 'valid' | 'invalid' | 'RangeError';

const CURVES = { p256, p384, p521 };
type Name = keyof typeof CURVES;

const FILES: { file: string; curve: Name; der: boolean; counts: Partial<Record<Outcome, number>> }[] = [
  { file: 'ecdsa_secp256r1_sha256_test.json', curve: 'p256', der: true, counts: { valid: 174, invalid: 310 } },
  { file: 'ecdsa_secp384r1_sha384_test.json', curve: 'p384', der: true, counts: { valid: 194, invalid: 310 } },
  { file: 'ecdsa_secp521r1_sha512_test.json', curve: 'p521', der: true, counts: { valid: 232, invalid: 310 } },
  {
    file: 'ecdsa_secp256r1_sha256_p1363_test.json',
    curve: 'p256',
    der: false,
    counts: { valid: 173, invalid: 68, RangeError: 21 },
  },
  {
    file: 'ecdsa_secp384r1_sha384_p1363_test.json',
    curve: 'p384',
    der: false,
    counts: { valid: 193, invalid: 68, RangeError: 19 },
  },
  {
    file: 'ecdsa_secp521r1_sha512_p1363_test.json',
    curve: 'p521',
    der: false,
    counts: { valid: 231, invalid: 73, RangeError: 14 },
  },
];

function run(curve: NistCurve, der: boolean, key: string, t: EcdsaTest): Outcome {
  try {
    const ok = curve.verify(unhex(t.sig), unhex(t.msg), unhex(key), { format: der ? 'der' : 'compact' });
    return ok ? 'valid' : 'invalid';
  } catch (error) {
    if (error instanceof RangeError && /^"signature" expected Uint8Array of length \d+, got/.test(error.message)) {
      return 'RangeError';
    }
    throw error;
  }
}

describe.each(FILES)('$file', ({ file, curve, der, counts }) => {
  const data = readWycheproof<EcdsaGroup>(file);
  const tests = data.testGroups.flatMap((g) => g.tests.map((t) => ({ ...t, key: g.publicKey.uncompressed })));
  const seen: Partial<Record<Outcome, number>> = {};

  test.each(tests)('tcId $tcId ($result) $comment', (t) => {
    const outcome = run(CURVES[curve], der, t.key, t);
    expect(outcome === 'valid' ? 'valid' : 'invalid', `tcId ${t.tcId}`).toBe(t.result);
    seen[outcome] = (seen[outcome] ?? 0) + 1;
  });

  test('numberOfTests matches, and every case ended as counted', () => {
    expect(tests.length).toBe(data.numberOfTests);
    expect(seen).toEqual(counts);
  });
});

// RFC 6979 §3.2 signing (and §3.6 with extra data), deterministic, so equal to noble's byte for
// byte; noble defaults to low-S, this library to the unnormalised s, so both are checked.
const NOBLE = { p256: nobleP256, p384: nobleP384, p521: nobleP521 };
const SIZES = { p256: 32, p384: 48, p521: 66 };

/** Deterministic bytes from a label (SHA-256 in counter mode). */
function bytesOf(label: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i * 32 < length; i++)
    out.set(sha256(new TextEncoder().encode(`${label}/${i}`)).subarray(0, length - i * 32), i * 32);
  return out;
}

describe.each(Object.keys(CURVES) as Name[])('%s RFC 6979 signing', (name) => {
  const curve = CURVES[name];
  const noble = NOBLE[name];
  const size = SIZES[name];
  const secretKey = (i: number) => {
    const key = bytesOf(`${name} key ${i}`, size);
    if (name === 'p521') key[0]! &= 1;
    return key;
  };

  test.each([0, 1, 2, 3, 4, 5, 6, 7])('key %i: default, lowS, extraEntropy, and a digest of each length class', (i) => {
    const sk = secretKey(i);
    const msg = bytesOf(`${name} msg ${i}`, i * 37);
    const sig = curve.sign(msg, sk);
    expect(hex(sig)).toBe(hex(noble.sign(msg, sk, { lowS: false })));
    expect(hex(curve.sign(msg, sk, { lowS: true }))).toBe(hex(noble.sign(msg, sk)));
    expect(hex(curve.sign(msg, sk, { format: 'der' }))).toBe(hex(noble.sign(msg, sk, { lowS: false, format: 'der' })));
    const extra = bytesOf(`${name} k' ${i}`, i * 9);
    expect(hex(curve.sign(msg, sk, { extraEntropy: extra }))).toBe(
      hex(noble.sign(msg, sk, { lowS: false, extraEntropy: extra })),
    );
    // A digest shorter than, equal to, and longer than the order (P-521's 521 bits: 65, 66, 67 bytes).
    for (const length of [0, size - 1, size, size + 1, 64, 200]) {
      const digest = bytesOf(`${name} digest ${i} ${length}`, length);
      expect(hex(curve.sign(digest, sk, { prehash: false })), `digest of ${length}`).toBe(
        hex(noble.sign(digest, sk, { lowS: false, prehash: false })),
      );
    }
    const pk = curve.getPublicKey(sk);
    expect(curve.verify(sig, msg, pk)).toBe(true);
    expect(curve.verify(sig, msg, noble.getPublicKey(sk, true))).toBe(true);
  });

  test('extraEntropy true draws fresh k: two signatures differ, both verify', () => {
    const sk = secretKey(9);
    const msg = bytesOf('msg', 10);
    const a = curve.sign(msg, sk, { extraEntropy: true });
    const b = curve.sign(msg, sk, { extraEntropy: true });
    expect(hex(a)).not.toBe(hex(b));
    expect(curve.verify(a, msg, curve.getPublicKey(sk))).toBe(true);
    expect(curve.verify(b, msg, curve.getPublicKey(sk))).toBe(true);
  });
});
