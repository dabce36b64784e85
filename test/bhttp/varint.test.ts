// Variable-length integers (RFC 9000 §16): the examples of RFC 9000 Appendix A.1, non-minimal
// encodings (RFC 9292 §3 allows them), and the length boundaries of the encoder.
import { expect, test } from 'vitest';
import { readVarint, varintLength, varintSize, writeVarint } from 'oblivia/bhttp/varint.js';
import { hex, unhex } from '../helpers.js';

test('RFC 9000 Appendix A.1 examples', () => {
  const examples: [string, number][] = [
    ['c2197c5eff14e88c', 151288809941952652],
    ['9d7f3e7d', 494878333],
    ['7bbd', 15293],
    ['25', 37],
    ['4025', 37], // the two-byte form of 37: valid, as encodings need not be minimal
  ];
  for (const [encoded, value] of examples) {
    const bytes = unhex(encoded);
    expect(varintLength(bytes[0]!)).toBe(bytes.length);
    expect(readVarint(bytes, 0)).toBe(value);
  }
  for (const [encoded, value] of examples.slice(1, 4)) {
    const out = new Uint8Array(varintSize(value));
    expect(writeVarint(out, 0, value)).toBe(out.length);
    expect(hex(out)).toBe(encoded);
  }
});

test('shortest form at every length boundary, up to Number.MAX_SAFE_INTEGER', () => {
  const cases: [number, string][] = [
    [0, '00'],
    [63, '3f'],
    [64, '4040'],
    [16383, '7fff'],
    [16384, '80004000'],
    [2 ** 30 - 1, 'bfffffff'],
    [2 ** 30, 'c000000040000000'],
    [Number.MAX_SAFE_INTEGER, 'c01fffffffffffff'],
  ];
  for (const [value, encoded] of cases) {
    const out = new Uint8Array(8);
    const end = writeVarint(out, 0, value);
    expect(hex(out.subarray(0, end))).toBe(encoded);
    expect(readVarint(out, 0)).toBe(value);
  }
});

test('the largest value, 2^62 − 1, reads rounded to 2^62, above every length an input can hold', () => {
  expect(readVarint(unhex('ffffffffffffffff'), 0)).toBe(2 ** 62);
});
