// Differential: ECDSA on the wasm and js backends and node:crypto (OpenSSL). Signatures are
// deterministic (RFC 6979), so both backends give the same bytes; node verifies them, and ours verify
// node's (randomised k). Mutated signatures, messages and keys get the same answer from all three.
// Messages run past the core's I/O window, where wasm hashes through a slot. OBLIVIA_FUZZ_RUNS sets
// the number of runs.
import {
  createPublicKey,
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { WINDOW } from '../helpers.js';
import { p256, p384, p521, useBackend, type NistCurve } from 'oblivia';
import { on, same } from './same.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 8;

afterAll(() => useBackend(undefined));

const CURVES = [
  { name: 'P-256', curve: p256, hash: 'sha256', size: 32 },
  { name: 'P-384', curve: p384, hash: 'sha384', size: 48 },
  { name: 'P-521', curve: p521, hash: 'sha512', size: 66 },
] as const;

const msgArb = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }) },
    { weight: 2, arbitrary: fc.integer({ min: WINDOW - 200, max: WINDOW + 200 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * WINDOW }) },
  )
  .chain((size) =>
    fc.integer({ min: 0, max: 255 }).map((seed) => new Uint8Array(size).map((_, i) => (i * 31 + seed) & 255)),
  );
const optionsArb = fc.record({
  lowS: fc.boolean(),
  format: fc.constantFrom('compact' as const, 'der' as const),
  extraEntropy: fc.oneof(fc.constant(undefined), fc.uint8Array({ maxLength: 80 })),
});

/** A secret key: random bytes, re-drawn by fast-check until valid (0 < d < n). */
function keyArb(curve: NistCurve, size: number) {
  return fc
    .uint8Array({ minLength: size, maxLength: size })
    .map((key) => (size === 66 ? key.map((b, i) => (i === 0 ? b & 1 : b)) : key))
    .filter((key) => curve.isValidSecretKey(key));
}

function nodeKey(name: string, publicKey: Uint8Array, size: number): KeyObject {
  const coordinate = (at: number) => Buffer.from(publicKey.subarray(at, at + size)).toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: name, x: coordinate(1), y: coordinate(1 + size) }, format: 'jwk' });
}

/** verify on both backends: the same answer (or the same error), returned. */
function agree(fn: () => boolean): boolean | string {
  const wasm = on('wasm', () => Uint8Array.of(Number(fn())));
  expect(wasm).toEqual(on('js', () => Uint8Array.of(Number(fn()))));
  return 'bytes' in wasm ? wasm.bytes === '01' : wasm.error;
}

describe.each(CURVES)('$name', ({ name, curve, hash, size }) => {
  test('sign: the same bytes on both backends; both and node:crypto verify them', () => {
    fc.assert(
      fc.property(keyArb(curve, size), msgArb, optionsArb, (sk, msg, options) => {
        const signed = same(() => curve.sign(msg, sk, options));
        if (!('bytes' in signed)) throw new Error(`sign failed: ${signed.message}`);
        const sig = Buffer.from(signed.bytes, 'hex');
        const pk = curve.getPublicKey(sk);
        expect(agree(() => curve.verify(sig, msg, pk, options))).toBe(true);
        const dsaEncoding = options.format === 'der' ? 'der' : 'ieee-p1363';
        expect(nodeVerify(hash, msg, { key: nodeKey(name, pk, size), dsaEncoding }, sig)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test("node:crypto's signatures verify on both backends; mutated ones are refused by all three alike", () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: name });
    const jwk = publicKey.export({ format: 'jwk' });
    const pk = Buffer.concat([Buffer.of(4), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
    fc.assert(
      fc.property(msgArb, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(4), (msg, at, flip, what) => {
        const sig = nodeSign(hash, msg, { key: privateKey, dsaEncoding: 'ieee-p1363' });
        expect(agree(() => curve.verify(sig, msg, pk))).toBe(true);
        // Mutate the signature (a byte, or s → n − s, which only lowS refuses), the message or the key.
        const badSig = Buffer.from(sig);
        const badMsg = Buffer.from(msg);
        const badKey = Buffer.from(pk);
        if (what === 0) badSig[at % badSig.length]! ^= flip;
        else if (what === 1 && msg.length > 0) badMsg[at % msg.length]! ^= flip;
        else if (what === 2) badKey[1 + (at % (2 * size))]! ^= flip;
        else if (what === 3) badSig.set(negate(curve, sig, size), size);
        const ours = agree(() => curve.verify(badSig, badMsg, badKey));
        expect(ours).toBe(nodeAccepts(name, hash, badSig, badMsg, badKey, size));
        if (what === 3)
          expect(agree(() => curve.verify(badSig, badMsg, badKey, { lowS: true }))).toBe(
            !isHigh(badSig, size, curve, sig),
          );
      }),
      { numRuns: RUNS },
    );
  });
});

/** node:crypto's answer, false for a key OpenSSL refuses to import (not on the curve). */
function nodeAccepts(name: string, hash: string, sig: Uint8Array, msg: Uint8Array, pk: Uint8Array, size: number) {
  let key: KeyObject;
  try {
    key = nodeKey(name, pk, size);
  } catch {
    return false;
  }
  return nodeVerify(hash, msg, { key, dsaEncoding: 'ieee-p1363' }, sig);
}

const ORDERS = new Map<NistCurve, bigint>([
  [p256, 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n],
  [p384, 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n],
  [
    p521,
    0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  ],
]);

const toBig = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);

/** n − s of the signature, as `size` bytes. */
function negate(curve: NistCurve, sig: Uint8Array, size: number): Uint8Array {
  const s = ORDERS.get(curve)! - toBig(sig.subarray(size));
  return Buffer.from(s.toString(16).padStart(2 * size, '0'), 'hex');
}

/** Whether the mutated signature's s is the high one of the pair {s, n − s}. */
function isHigh(mutated: Uint8Array, size: number, curve: NistCurve, original: Uint8Array): boolean {
  const n = ORDERS.get(curve)!;
  const s = toBig(mutated.subarray(size));
  expect(s + toBig(original.subarray(size))).toBe(n);
  return s > n / 2n;
}
