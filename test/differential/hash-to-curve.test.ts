// Differential: hashing to curves and expand_message_xmd agree on the wasm and js backends, for
// random messages (past the core's IO window too, where wasm expands in TS), tags (over 255 bytes
// too, hashed by §5.3.3) and lengths; invalid arguments throw the same error on both.
// OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { WINDOW } from '../helpers.js';
import { expandMessageXmd, p256, p384, p521, ristretto255, sha256, sha384, sha512, useBackend } from 'oblivia';
import { same } from './same.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 4;

afterAll(() => useBackend(undefined));

/** Message sizes: small, around the IO window (64 KiB) with a tag beside it, and past it. */
const msgArb = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }) },
    { weight: 2, arbitrary: fc.integer({ min: WINDOW - 300, max: WINDOW + 300 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 150_000 }) },
  )
  .chain((size) =>
    fc.integer({ min: 0, max: 255 }).map((seed) => new Uint8Array(size).map((_, i) => (i * 29 + seed) & 255)),
  );
const dstArb = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 255 }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 256, maxLength: 600 }) },
);
const hashArb = fc.constantFrom(sha256, sha384, sha512);

describe('valid inputs: same bytes', () => {
  test.each([
    ['p256', p256],
    ['p384', p384],
    ['p521', p521],
  ] as const)('%s.hashToCurve', (_, curve) => {
    fc.assert(
      fc.property(msgArb, dstArb, (msg, dst) => {
        const result = same(() => curve.hashToCurve(msg, dst));
        expect(result).toHaveProperty('bytes');
      }),
      { numRuns: RUNS },
    );
  });

  test('ristretto255.hashToGroup', () => {
    fc.assert(
      fc.property(msgArb, dstArb, (msg, dst) => {
        expect(same(() => ristretto255.hashToGroup(msg, dst))).toHaveProperty('bytes');
      }),
      { numRuns: RUNS },
    );
  });

  test('expandMessageXmd', () => {
    fc.assert(
      fc.property(hashArb, msgArb, dstArb, fc.nat(), (hash, msg, dst, n) => {
        const length = n % (255 * hash.outputLen + 1);
        expect(same(() => expandMessageXmd(hash, msg, dst, length))).toHaveProperty('bytes');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('invalid arguments: the same error', () => {
  const msg = new Uint8Array(3);
  const cases: [string, () => Uint8Array][] = [
    ['empty dst', () => p256.hashToCurve(msg, new Uint8Array(0))],
    ['dst not bytes', () => p384.hashToCurve(msg, 'DST' as unknown as Uint8Array)],
    ['msg not bytes', () => p521.hashToCurve([1, 2] as unknown as Uint8Array, msg)],
    ['ristretto255 empty dst', () => ristretto255.hashToGroup(msg, new Uint8Array(0))],
    ['length past 255·HashLen', () => expandMessageXmd(sha256, msg, msg, 255 * 32 + 1)],
    ['negative length', () => expandMessageXmd(sha512, msg, msg, -1)],
    ['length not an integer', () => expandMessageXmd(sha384, msg, msg, 1.5)],
    ['not a hash of oblivia', () => expandMessageXmd((() => msg) as unknown as typeof sha256, msg, msg, 32)],
  ];
  test.each(cases)('%s', (_, fn) => {
    expect(same(fn)).toHaveProperty('error');
  });
});
