// Differential: Ed25519 keys, signatures and verdicts agree on the wasm backend, the js backend and
// node:crypto (OpenSSL), for random seeds and messages (past the core's IO window too, where wasm
// signs through a slot and verifies a hash computed by streaming), and for mutated signatures,
// messages and keys. OBLIVIA_FUZZ_RUNS sets the number of runs.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { ed25519, useBackend, type BackendName } from 'oblivia';
import { WINDOW, hex, unhex } from '../helpers.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 4;

afterAll(() => useBackend(undefined));

/** node:crypto keys from raw bytes, via PKCS#8 / SPKI DER (RFC 8410). */
const nodePrivateKey = (seed: Uint8Array) =>
  createPrivateKey({
    key: Buffer.concat([unhex('302e020100300506032b657004220420'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
const nodePublicKey = (publicKey: Uint8Array) =>
  createPublicKey({ key: Buffer.concat([unhex('302a300506032b6570032100'), publicKey]), format: 'der', type: 'spki' });

/** OpenSSL's verdict; a key it cannot decode is a rejection. */
function opensslVerdict(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return nodeVerify(null, msg, nodePublicKey(publicKey), signature);
  } catch {
    return false;
  }
}

function onBoth<T>(fn: () => T): Record<BackendName, T> {
  useBackend('wasm');
  const wasm = fn();
  useBackend('js');
  return { wasm, js: fn() };
}

/** Message sizes: small, around the window (less the seed, or the key and signature), and past it. */
const msgArb = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }) },
    { weight: 2, arbitrary: fc.integer({ min: WINDOW - 120, max: WINDOW + 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * WINDOW }) },
  )
  .chain((size) =>
    fc.integer({ min: 0, max: 255 }).map((seed) => new Uint8Array(size).map((_, i) => (i * 31 + seed) & 255)),
  );
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('valid signatures', () => {
  test('public key and signature are the same bytes on wasm, js and node:crypto; all three accept', () => {
    fc.assert(
      fc.property(seedArb, msgArb, (seed, msg) => {
        const publicKey = onBoth(() => hex(ed25519.getPublicKey(seed)));
        expect(publicKey.js).toBe(publicKey.wasm);
        expect(hex(createPublicKey(nodePrivateKey(seed)).export({ format: 'der', type: 'spki' }).subarray(-32))).toBe(
          publicKey.wasm,
        );
        const signature = onBoth(() => hex(ed25519.sign(msg, seed)));
        expect(signature.js).toBe(signature.wasm);
        expect(hex(nodeSign(null, msg, nodePrivateKey(seed)))).toBe(signature.wasm);
        expect(onBoth(() => ed25519.verify(unhex(signature.wasm), msg, unhex(publicKey.wasm)))).toEqual({
          wasm: true,
          js: true,
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mutated inputs', () => {
  /** A bit flip in the signature, the message or the key, or a random byte string in their place. */
  const mutationArb = fc.oneof(
    fc.record({ part: fc.constantFrom('signature', 'message', 'publicKey'), bit: fc.nat(511) }),
    fc.record({ part: fc.constant('random-signature'), bytes: fc.uint8Array({ minLength: 64, maxLength: 64 }) }),
    fc.record({ part: fc.constant('random-S'), bytes: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
    fc.record({ part: fc.constant('random-key'), bytes: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
  );

  test('wasm, js and node:crypto give the same verdict on every mutation', () => {
    const verdicts = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(seedArb, msgArb, mutationArb, (seed, msg, mutation) => {
        const signature = ed25519.sign(msg, seed);
        let publicKey = ed25519.getPublicKey(seed);
        let message = msg;
        if (mutation.part === 'random-signature') signature.set(mutation.bytes);
        else if (mutation.part === 'random-S') signature.set(mutation.bytes, 32);
        else if (mutation.part === 'random-key') publicKey = mutation.bytes;
        else {
          const target = mutation.part === 'signature' ? signature : mutation.part === 'publicKey' ? publicKey : msg;
          if (target.length === 0) return;
          if (target === msg) message = msg.slice();
          const bytes = target === msg ? message : target;
          const bit = mutation.bit % (8 * bytes.length);
          bytes[bit >> 3]! ^= 1 << (bit & 7);
        }
        const verdict = onBoth(() => ed25519.verify(signature, message, publicKey));
        expect(verdict.js).toBe(verdict.wasm);
        expect(opensslVerdict(signature, message, publicKey)).toBe(verdict.wasm);
        verdicts[verdict.wasm ? 'accepted' : 'rejected']++;
      }),
      { numRuns: RUNS },
    );
    expect(verdicts.rejected).toBeGreaterThan(0);
  });
});
