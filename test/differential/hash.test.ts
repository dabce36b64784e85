// Differential: the wasm and js backends give the same bytes for random inputs and throw the same
// error (class and message) for random invalid ones. OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, describe, test } from 'vitest';
import { WINDOW } from '../helpers.js';
import { hkdf, hmac, sha256, sha384, sha512, useBackend, type HashFunction } from 'oblivia';
import { same } from './same.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);
const HASHES: HashFunction[] = [sha256, sha384, sha512];

afterAll(() => useBackend(undefined));

const hashArb = fc.constantFrom(...HASHES);
const bytesArb = (maxLength: number) => fc.uint8Array({ maxLength });
/** Sizes biased to the edges that matter: block boundaries and the IO window (64 KiB). */
const sizeArb = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.constantFrom(55, 56, 63, 64, 111, 112, 127, 128, WINDOW - 1, WINDOW, WINDOW + 1),
  fc.integer({ min: 0, max: 200_000 }),
);

describe('valid inputs: same bytes', () => {
  test('hash, one-shot and streamed in random pieces', () => {
    fc.assert(
      fc.property(hashArb, sizeArb, fc.array(fc.nat(), { maxLength: 6 }), fc.nat(7), (hash, size, cuts, offset) => {
        const msg = new Uint8Array(size + offset).map((_, i) => (i * 31 + size) & 255).subarray(offset);
        same(() => hash(msg));
        const points = cuts.map((c) => c % (size + 1)).sort((a, b) => a - b);
        same(() => {
          const h = hash.create();
          let from = 0;
          for (const to of [...points, size]) {
            h.update(msg.subarray(from, to));
            from = to;
          }
          return h.digest();
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('HMAC', () => {
    fc.assert(
      fc.property(hashArb, bytesArb(300), sizeArb, (hash, key, size) => {
        const msg = new Uint8Array(size).fill(size & 255);
        same(() => hmac(hash, key, msg));
        same(() => hmac.create(hash, key).update(msg).digest());
      }),
      { numRuns: RUNS },
    );
  });

  test('HKDF, extract and expand', () => {
    fc.assert(
      fc.property(
        hashArb,
        bytesArb(200),
        fc.option(bytesArb(200), { nil: undefined }),
        fc.option(bytesArb(200), { nil: undefined }),
        fc.nat(255 * 64),
        (hash, ikm, salt, info, length) => {
          const okmLength = length % (255 * hash.outputLen + 1);
          same(() => hkdf(hash, ikm, salt, info, okmLength));
          same(() => hkdf.extract(hash, ikm, salt));
          same(() => hkdf.expand(hash, hkdf.extract(hash, ikm, salt), info, okmLength));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('invalid inputs: same error class and message', () => {
  const junk = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.nat(255)),
    fc.constant(new Uint16Array(4)),
    fc.constant(new ArrayBuffer(8)),
    fc.constant(new DataView(new ArrayBuffer(8))),
  );
  const badLength = fc.oneof(
    fc.integer({ min: -100, max: -1 }),
    fc.integer({ min: 16321, max: 1 << 30 }),
    fc.double(),
    fc.string(),
  );

  test('hash and HMAC arguments', () => {
    fc.assert(
      fc.property(hashArb, junk, (hash, value) => {
        same(() => hash(value as never));
        same(() =>
          hash
            .create()
            .update(value as never)
            .digest(),
        );
        same(() => hmac(hash, value as never, new Uint8Array(1)));
        same(() => hmac(hash, new Uint8Array(1), value as never));
        same(() => hmac(value as never, new Uint8Array(1), new Uint8Array(1)));
      }),
      { numRuns: RUNS },
    );
  });

  test('HKDF arguments and lengths', () => {
    fc.assert(
      fc.property(hashArb, junk, badLength, fc.nat(100), (hash, value, length, prkLength) => {
        same(() => hkdf(hash, value as never, undefined, undefined, 10));
        same(() => hkdf(hash, new Uint8Array(1), value as never, undefined, 10));
        same(() => hkdf(hash, new Uint8Array(1), undefined, value as never, 10));
        same(() => hkdf(hash, new Uint8Array(1), undefined, undefined, length as never));
        same(() => hkdf.expand(hash, new Uint8Array(prkLength), undefined, 10));
        same(() => hkdf.expand(hash, new Uint8Array(64), undefined, length as never));
      }),
      { numRuns: RUNS },
    );
  });
});
