// Hashing to curves and expandMessageXmd on the backend of this project: argument errors name the
// argument, inputs are not mutated, unaligned views and inputs past the core's window work.
import { p256_hasher, p521_hasher } from '@noble/curves/nist.js';
import { describe, expect, test } from 'vitest';
import { expandMessageXmd, p256, p521, ristretto255, sha256, sha512 } from 'oblivia';
import { hex, WINDOW } from '../helpers.js';

const dst = new TextEncoder().encode('QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_');

describe('hash to curve: arguments', () => {
  test('wrong types are TypeErrors naming the argument', () => {
    expect(() => p256.hashToCurve('abc' as unknown as Uint8Array, dst)).toThrow(
      new TypeError('"msg" expected Uint8Array, got string'),
    );
    expect(() => p521.hashToCurve(new Uint8Array(1), undefined as unknown as Uint8Array)).toThrow(
      new TypeError('"dst" expected Uint8Array, got undefined'),
    );
    expect(() => ristretto255.hashToGroup(new Uint8Array(1), [1] as unknown as Uint8Array)).toThrow(
      new TypeError('"dst" expected Uint8Array, got object'),
    );
    expect(() => expandMessageXmd('sha256' as unknown as typeof sha256, dst, dst, 32)).toThrow(TypeError);
    expect(() => expandMessageXmd(sha256, dst, dst, '32' as unknown as number)).toThrow(
      new TypeError('"length" expected integer, got string'),
    );
  });

  test('an empty dst and a length past 255·HashLen are RangeErrors', () => {
    const empty = new Uint8Array(0);
    const message = '"dst" expected Uint8Array of length ≥ 1, got length=0';
    expect(() => p256.hashToCurve(dst, empty)).toThrow(new RangeError(message));
    expect(() => ristretto255.hashToGroup(dst, empty)).toThrow(new RangeError(message));
    expect(() => expandMessageXmd(sha256, dst, empty, 32)).toThrow(new RangeError(message));
    expect(() => expandMessageXmd(sha256, dst, dst, 8161)).toThrow(
      new RangeError('"length" expected integer in [0, 8160], got 8161'),
    );
    expect(expandMessageXmd(sha512, dst, dst, 16320)).toHaveLength(16320);
    expect(expandMessageXmd(sha512, dst, dst, 0)).toHaveLength(0);
  });
});

describe('hash to curve: buffers', () => {
  test('unaligned views give the same point and are not mutated', () => {
    const backing = new Uint8Array(200).map((_, i) => i);
    const msg = backing.subarray(3, 103),
      tag = backing.subarray(111, 150);
    const before = hex(backing);
    expect(hex(p521.hashToCurve(msg, tag))).toBe(
      hex(p521_hasher.hashToCurve(msg.slice(), { DST: tag.slice() }).toBytes(false)),
    );
    expect(hex(backing)).toBe(before);
  });

  test('messages and tags around and past the IO window', () => {
    for (const size of [WINDOW - dst.length, WINDOW - dst.length + 1, 3 * WINDOW]) {
      const msg = new Uint8Array(size).fill(0x5a);
      expect(hex(p256.hashToCurve(msg, dst))).toBe(hex(p256_hasher.hashToCurve(msg, { DST: dst }).toBytes(false)));
    }
    const long = new Uint8Array(70_000).fill(1);
    expect(hex(p256.hashToCurve(dst, long))).toBe(hex(p256_hasher.hashToCurve(dst, { DST: long }).toBytes(false)));
  });
});
