// Wycheproof Diffie–Hellman: x25519_test.json (xdh_comp) and the P-256 / P-384 ECDH files. The rule
// for every case: a valid (or acceptable, decodable) case gives exactly `shared`; an all-zero
// X25519 result is CryptoError IDENTITY (RFC 7748 §6.1); a public key of the wrong length (the
// compressed points) is a RangeError; any other invalid public key is CryptoError INVALID_POINT.
import { describe, expect, test } from 'vitest';
import { CryptoError, p256, p384, x25519, type DiffieHellman } from 'oblivia';
import { hex, unhex } from '../helpers.js';
import { readWycheproof, type WycheproofTest } from './wycheproof.js';

interface DhTest extends WycheproofTest {
  public: string;
  private: string;
  shared: string;
}
interface DhGroup {
  curve: string;
  encoding?: string;
  tests: DhTest[];
}

type Outcome = 'shared' | 'IDENTITY' | 'INVALID_POINT' | 'RangeError' | 'not SEC1';

/** A DER integer's bytes as a fixed-size big-endian scalar. */
function scalar(text: string, size: number): Uint8Array {
  const raw = unhex(text);
  const out = new Uint8Array(size);
  const trimmed = raw.subarray(Math.max(0, raw.length - size));
  expect(raw.subarray(0, raw.length - trimmed.length).every((b) => b === 0)).toBe(true);
  out.set(trimmed, size - trimmed.length);
  return out;
}

// SubjectPublicKeyInfo of an uncompressed P-256 point with the named curve (RFC 5480); anything else
// in ecdh_secp256r1_test.json tests a DER parser, which is the caller's, not this API's.
const P256_SPKI = '3059301306072a8648ce3d020106082a8648ce3d030107034200';

function run(curve: DiffieHellman, size: number, t: DhTest, publicHex: string): Outcome {
  try {
    const shared = curve.getSharedSecret(scalar(t.private, size), unhex(publicHex));
    expect(hex(shared), `tcId ${t.tcId}`).toBe(t.shared);
    return 'shared';
  } catch (error) {
    if (error instanceof CryptoError) return error.code as Outcome;
    if (error instanceof RangeError && /^"publicKey" expected Uint8Array of length/.test(error.message))
      return 'RangeError';
    throw error;
  }
}

const FILES: { file: string; curve: DiffieHellman; size: number; counts: Partial<Record<Outcome, number>> }[] = [
  { file: 'x25519_test.json', curve: x25519, size: 32, counts: { shared: 487, IDENTITY: 31 } },
  {
    file: 'ecdh_secp256r1_ecpoint_test.json',
    curve: p256,
    size: 32,
    counts: { shared: 330, INVALID_POINT: 16, RangeError: 9 },
  },
  {
    file: 'ecdh_secp384r1_ecpoint_test.json',
    curve: p384,
    size: 48,
    counts: { shared: 771, INVALID_POINT: 16, RangeError: 3 },
  },
  // tcId 605 (acceptable, InvalidAsn) modifies the BIT STRING so the point starts 00 04: refused.
  {
    file: 'ecdh_secp256r1_test.json',
    curve: p256,
    size: 32,
    counts: { shared: 330, INVALID_POINT: 19, 'not SEC1': 263 },
  },
];

describe.each(FILES)('$file', ({ file, curve, size, counts }) => {
  const data = readWycheproof<DhGroup>(file);
  const tests = data.testGroups.flatMap((g) => g.tests.map((t) => ({ ...t, encoding: g.encoding })));
  const seen: Partial<Record<Outcome, number>> = {};

  test.each(tests)('tcId $tcId ($result) $flags', (t) => {
    let publicHex = t.public;
    let outcome: Outcome;
    if (t.encoding === 'asn') {
      if (!publicHex.startsWith(P256_SPKI) || publicHex.length !== P256_SPKI.length + 130) outcome = 'not SEC1';
      else outcome = run(curve, size, t, (publicHex = publicHex.slice(P256_SPKI.length)));
    } else {
      outcome = run(curve, size, t, publicHex);
    }
    if (outcome === 'IDENTITY') expect(t.shared).toBe('00'.repeat(32));
    if (outcome !== 'shared' && outcome !== 'not SEC1') expect(t.result).not.toBe('valid');
    seen[outcome] = (seen[outcome] ?? 0) + 1;
  });

  test('numberOfTests matches, and every case ended as counted', () => {
    expect(tests.length).toBe(data.numberOfTests);
    expect(seen).toEqual(counts);
  });
});
