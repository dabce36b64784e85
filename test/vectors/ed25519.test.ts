// Ed25519 (RFC 8032 §5.1) on the backend of this project: the RFC's Section 7.1 vectors (keys,
// signatures, verification), Wycheproof's verification cases, and the edge cases where Go's
// crypto/ed25519 rule (the one C2SP signed notes are checked with) differs from other verifiers.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ed25519 } from 'oblivia';
import { hex, readJsonVector, unhex } from '../helpers.js';
import { readWycheproof, type WycheproofTest } from './wycheproof.js';

interface Rfc8032Vector {
  name: string;
  secretKey: string;
  publicKey: string;
  message: string;
  signature: string;
}

const rfc: Rfc8032Vector[] = readJsonVector('ed25519/rfc8032.json').vectors;

describe('RFC 8032 §7.1', () => {
  test('5 vectors: public key, signature and verification', () => {
    expect(rfc.map((v) => v.name)).toEqual(['TEST 1', 'TEST 2', 'TEST 3', 'TEST 1024', 'TEST SHA(abc)']);
    for (const v of rfc) {
      const secretKey = unhex(v.secretKey),
        message = unhex(v.message),
        publicKey = unhex(v.publicKey);
      expect(hex(ed25519.getPublicKey(secretKey)), v.name).toBe(v.publicKey);
      expect(hex(ed25519.keygen(secretKey).publicKey), v.name).toBe(v.publicKey);
      expect(hex(ed25519.sign(message, secretKey)), v.name).toBe(v.signature);
      expect(ed25519.verify(unhex(v.signature), message, publicKey), v.name).toBe(true);
    }
  });

  test('each bit flip of a signature is rejected', () => {
    const v = rfc[3]!;
    const message = unhex(v.message),
      publicKey = unhex(v.publicKey);
    let rejected = 0;
    for (let bit = 0; bit < 512; bit++) {
      const sig = unhex(v.signature);
      sig[bit >> 3]! ^= 1 << (bit & 7);
      if (!ed25519.verify(sig, message, publicKey)) rejected++;
    }
    expect(rejected).toBe(512);
  });
});

interface EddsaGroup {
  publicKey: { pk: string };
  tests: (WycheproofTest & { msg: string; sig: string })[];
}

describe('Wycheproof ed25519_test.json', () => {
  test('88 valid and 51 invalid signatures verify as marked; 12 of a wrong length throw', () => {
    const file = readWycheproof<EddsaGroup>('ed25519_test.json');
    expect(file.numberOfTests).toBe(151);
    const count = { accepted: 0, rejected: 0, wrongLength: 0 };
    for (const group of file.testGroups) {
      const publicKey = unhex(group.publicKey.pk);
      for (const t of group.tests) {
        const sig = unhex(t.sig),
          msg = unhex(t.msg);
        const label = `tcId ${t.tcId} ${t.comment}`;
        if (sig.length !== 64) {
          expect(t.result, label).toBe('invalid');
          expect(() => ed25519.verify(sig, msg, publicKey), label).toThrow(
            new RangeError(`"signature" expected Uint8Array of length 64, got length=${sig.length}`),
          );
          count.wrongLength++;
          continue;
        }
        const verdict = ed25519.verify(sig, msg, publicKey);
        expect(verdict, label).toBe(t.result === 'valid');
        count[verdict ? 'accepted' : 'rejected']++;
      }
    }
    expect(count).toEqual({ accepted: 88, rejected: 51, wrongLength: 12 });
  });
});

// Go's rule on small-order points (C2SP CCTV ed25519/README.md, "Ecosystem behaviors"): accept a
// low-order or non-canonical A, reject a non-canonical R and a low-order residue.
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const IDENTITY = '0100000000000000000000000000000000000000000000000000000000000000';
const IDENTITY_Y_ABOVE_P = 'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
const IDENTITY_MINUS_ZERO = '0100000000000000000000000000000000000000000000000000000000000080';
const ORDER_8 = '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05';
const ZERO_S = '00'.repeat(32);

/** k = SHA-512(R ‖ A ‖ M) mod ℓ (§5.1.7). */
function challenge(R: string, A: string, msg: Uint8Array): bigint {
  const digest = createHash('sha512').update(unhex(R)).update(unhex(A)).update(msg).digest();
  return BigInt(`0x${Buffer.from(digest).reverse().toString('hex')}`) % L;
}

/** The first message "0", "1", … whose k is (or is not) a multiple of 8. */
function messageWith(R: string, A: string, multipleOf8: boolean): Uint8Array {
  for (let i = 0; ; i++) {
    const msg = new TextEncoder().encode(String(i));
    if ((challenge(R, A, msg) % 8n === 0n) === multipleOf8) return msg;
  }
}

describe("Go's verification rule on small-order points", () => {
  const verify = (R: string, S: string, msg: Uint8Array, A: string) => ed25519.verify(unhex(R + S), msg, unhex(A));
  const msg = new TextEncoder().encode('oblivia');

  test('S = 0, A the identity: R must be the canonical encoding of the identity', () => {
    expect(verify(IDENTITY, ZERO_S, msg, IDENTITY)).toBe(true);
    expect(verify(IDENTITY_Y_ABOVE_P, ZERO_S, msg, IDENTITY)).toBe(false);
    expect(verify(IDENTITY_MINUS_ZERO, ZERO_S, msg, IDENTITY)).toBe(false);
  });

  test('a non-canonical A (y ≥ p, or x = −0) decodes, and k hashes its bytes as given', () => {
    expect(verify(IDENTITY, ZERO_S, msg, IDENTITY_Y_ABOVE_P)).toBe(true);
    expect(verify(IDENTITY, ZERO_S, msg, IDENTITY_MINUS_ZERO)).toBe(true);
  });

  test('A of order 8: accepted when [k]A vanishes, rejected as a low-order residue otherwise', () => {
    expect(verify(IDENTITY, ZERO_S, messageWith(IDENTITY, ORDER_8, true), ORDER_8)).toBe(true);
    expect(verify(IDENTITY, ZERO_S, messageWith(IDENTITY, ORDER_8, false), ORDER_8)).toBe(false);
  });

  test('S ≥ ℓ is rejected: a valid signature with ℓ added to S', () => {
    const v = rfc[0]!;
    const S =
      BigInt(
        `0x${Buffer.from(unhex(v.signature.slice(64)))
          .reverse()
          .toString('hex')}`,
      ) + L;
    const sBytes = Buffer.from(S.toString(16).padStart(64, '0'), 'hex').reverse().toString('hex');
    expect(verify(v.signature.slice(0, 64), sBytes, unhex(v.message), v.publicKey)).toBe(false);
    expect(verify(v.signature.slice(0, 64), v.signature.slice(64), unhex(v.message), v.publicKey)).toBe(true);
  });

  test('a public key that is not a point gives false, not an error', () => {
    const notOnCurve = '02' + '00'.repeat(31); // y = 2: (y² − 1)/(d·y² + 1) is not a square
    expect(verify(IDENTITY, ZERO_S, msg, notOnCurve)).toBe(false);
  });
});
